/**
 * Schema findings as positioned, worded diagnostics: unknown fields point at the key (with a
 * "did you mean" rename for typos such as `replica:`), wrong values at the value, missing
 * fields at the key of the object that lacks them.
 */
import { isScalar, type LineCounter, type Node } from 'yaml';
import type { Diagnostic, DiagnosticLanguage } from './diagnostic.ts';
import { diagnosticText, typeName } from './editor.i18n.ts';
import type { PathSegment, SchemaFinding } from './schemaValidation.ts';
import { rangeForLocated, rangeOfNode, walkPath } from './yamlLocate.ts';
import { missingSpaceAfterColon, missingSpaceDiagnostic } from './yamlSyntax.ts';

export function formatPath(path: PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + cost);
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** The known field a typo most likely meant: same letters ignoring case, or 1-2 edits away. */
export function closestField(field: string, known: string[]): string | undefined {
  const lower = field.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    const limit = Math.min(2, Math.floor(name.length / 3));
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
}

export function schemaDiagnostic(
  finding: SchemaFinding,
  root: Node | null,
  lines: LineCounter,
  language: DiagnosticLanguage,
  prefix: PathSegment[],
): Diagnostic {
  const located = walkPath(root, finding.path);
  const where = formatPath([...prefix, ...finding.path]) || diagnosticText(language, 'root');
  const at = (prefer: 'key' | 'value') => rangeForLocated(lines, located, prefer);
  const error = (message: string, prefer: 'key' | 'value'): Diagnostic => ({
    ...at(prefer),
    severity: 'error',
    message,
  });
  switch (finding.code) {
    case 'unknownField': {
      const name = closestField(finding.field, finding.known);
      const suggestion = name ? diagnosticText(language, 'didYouMean', { name }) : '';
      const parent = formatPath([...prefix, ...finding.path.slice(0, -1)]);
      const out = error(
        diagnosticText(language, 'unknownField', {
          field: finding.field,
          where: parent || diagnosticText(language, 'root'),
          suggestion,
        }),
        'key',
      );
      const key = located.key;
      if (name && key && isScalar(key) && key.range) {
        const range = rangeOfNode(lines, key);
        out.fix = {
          title: diagnosticText(language, 'renameField', { name }),
          edits: [{ ...range, text: name }],
        };
      }
      return out;
    }
    case 'wrongType': {
      const node = located.node;
      const source = node && isScalar(node) && typeof node.value === 'string' ? node.value : '';
      const missing = finding.expected.includes('object')
        ? missingSpaceAfterColon(source)
        : undefined;
      if (missing && node?.range) {
        const start = lines.linePos(node.range[0]);
        return missingSpaceDiagnostic(missing, start.line, start.col, language);
      }
      return error(
        diagnosticText(language, 'wrongType', {
          where,
          expected: finding.expected.map((t) => typeName(language, t)).join(' / '),
          actual: typeName(language, finding.actual),
        }),
        'value',
      );
    }
    case 'required':
      return error(diagnosticText(language, 'required', { where, field: finding.field }), 'key');
    case 'notInEnum':
      return error(
        diagnosticText(language, 'notInEnum', {
          where,
          allowed: finding.allowed.map(show).join(', '),
          value: show(finding.value),
        }),
        'value',
      );
    case 'pattern':
      return error(
        diagnosticText(language, 'pattern', { where, pattern: finding.pattern }),
        'value',
      );
    default:
      return error(
        diagnosticText(language, finding.code, { where, limit: finding.limit }),
        'value',
      );
  }
}
