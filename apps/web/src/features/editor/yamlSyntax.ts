/**
 * Rule Y1 on the text itself: YAML syntax errors, tab indentation, and the seed's favourite
 * mistake, `key:value` without a space (one plain string where a mapping was meant).
 */
import { isScalar, visit, type Document, type LineCounter, type Node } from 'yaml';
import type { Diagnostic, DiagnosticLanguage } from './diagnostic.ts';
import { diagnosticText } from './editor.i18n.ts';

/** `name:eippool-demo2`, `cci.io/x:"true"`: a key, a colon, then no space (URLs excluded). */
const MISSING_SPACE = /^([A-Za-z0-9_][\w./-]*):(?!\/\/)([^\s:].*)$/;

export interface MissingSpace {
  text: string;
  fixed: string;
  /** Offset of the colon inside `text`. */
  colon: number;
}

export function missingSpaceAfterColon(text: string): MissingSpace | undefined {
  const match = MISSING_SPACE.exec(text.trim());
  if (!match || match[1] === undefined || match[2] === undefined) return undefined;
  const trimmed = text.trim();
  return { text: trimmed, fixed: `${match[1]}: ${match[2]}`, colon: match[1].length };
}

/** The Y1 diagnostic with its quick fix, for a string found at (line, column). */
export function missingSpaceDiagnostic(
  found: MissingSpace,
  line: number,
  column: number,
  language: DiagnosticLanguage,
): Diagnostic {
  const colonColumn = column + found.colon;
  return {
    line,
    column,
    endLine: line,
    endColumn: column + found.text.length,
    severity: 'error',
    rule: 'Y1',
    message: diagnosticText(language, 'missingSpace', { text: found.text, fixed: found.fixed }),
    fix: {
      title: diagnosticText(language, 'missingSpaceFix'),
      edits: [
        { line, column: colonColumn + 1, endLine: line, endColumn: colonColumn + 1, text: ' ' },
      ],
    },
  };
}

export function tabDiagnostics(text: string, language: DiagnosticLanguage): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = text.split('\n');
  lines.forEach((content, index) => {
    const indent = /^[ \t]*/.exec(content)?.[0] ?? '';
    if (!indent.includes('\t') || content.trim() === '') return;
    const line = index + 1;
    out.push({
      line,
      column: 1,
      endLine: line,
      endColumn: indent.length + 1,
      severity: 'error',
      rule: 'Y1',
      message: diagnosticText(language, 'tabIndent'),
      fix: {
        title: diagnosticText(language, 'tabFix'),
        edits: [
          {
            line,
            column: 1,
            endLine: line,
            endColumn: indent.length + 1,
            text: indent.replaceAll('\t', '  '),
          },
        ],
      },
    });
  });
  return out;
}

/** Parse errors of one document; a `key:value` line at the error gets the specific message. */
export function syntaxDiagnostics(
  doc: Document.Parsed,
  text: string,
  lines: LineCounter,
  language: DiagnosticLanguage,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reportedLines = new Set<number>();
  for (const error of doc.errors) {
    if (error.code === 'TAB_AS_INDENT') continue; // tabDiagnostics says it better, with a fix
    const start = lines.linePos(error.pos[0]);
    const end = lines.linePos(Math.max(error.pos[1], error.pos[0] + 1));
    const lineText = text.slice(lines.lineStarts[start.line - 1], lines.lineStarts[start.line]);
    const found = missingSpaceAfterColon(lineText.replace(/\s#.*$/, ''));
    if (found) {
      if (reportedLines.has(start.line)) continue;
      reportedLines.add(start.line);
      const column = lineText.length - lineText.trimStart().length + 1;
      out.push(missingSpaceDiagnostic(found, start.line, column, language));
      continue;
    }
    const detail = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
    out.push({
      line: start.line,
      column: start.col,
      endLine: end.line,
      endColumn: end.line === start.line && end.col === start.col ? start.col + 1 : end.col,
      severity: 'error',
      rule: 'Y1',
      message: diagnosticText(language, 'syntax', { detail }),
    });
  }
  return out;
}

/**
 * A plain string on the line below its key (`metadata:` then `name:eippool-demo2`) is almost
 * always a mapping entry missing its space; on the key's own line (`image: nginx:alpine`) it
 * is an ordinary value.
 */
export function missingSpaceInTree(
  root: Node | null,
  lines: LineCounter,
  language: DiagnosticLanguage,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(root, {
    Pair(_, pair) {
      const { key, value } = pair;
      if (!isScalar(key) || !isScalar(value) || !key.range || !value.range) return;
      if (value.type !== 'PLAIN' || typeof value.value !== 'string') return;
      const keyLine = lines.linePos(key.range[0]).line;
      const start = lines.linePos(value.range[0]);
      if (start.line === keyLine) return;
      const found = missingSpaceAfterColon(value.value);
      if (found) out.push(missingSpaceDiagnostic(found, start.line, start.col, language));
    },
  });
  return out;
}
