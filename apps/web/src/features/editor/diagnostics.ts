/**
 * YAML diagnostics without Monaco: parse every document, match it to the schema of its
 * apiVersion + kind, validate it against that schema (schemaCatalog, from @cci/model) and the
 * CCI rules (@cci/model validateDocument), and place each finding on the offending node. The
 * editor turns these into markers and quick fixes; tests and the benchmark call it directly.
 */
import { validateDocument, type RuleContext, type RuleViolation } from '@cci/model';
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from 'yaml';
import type { Diagnostic, DiagnosticLanguage } from './diagnostic.ts';
import { diagnosticText } from './editor.i18n.ts';
import { ruleFixEdits, type TextEdit } from './ruleFixes.ts';
import { matchKind, servedKindNames } from './schemaCatalog.ts';
import { schemaDiagnostic } from './schemaDiagnostics.ts';
import { validateAgainstSchema, type PathSegment } from './schemaValidation.ts';
import { rangeForLocated, rangeOfNode, walkPath, walkRulePath } from './yamlLocate.ts';
import { nameDiagnostics } from './metadataName.ts';
import { missingSpaceInTree, syntaxDiagnostics, tabDiagnostics } from './yamlSyntax.ts';

export type { Diagnostic, DiagnosticLanguage, TextEdit };

export interface DiagnoseOptions {
  /** The namespace the documents are applied in (rules that depend on it use this). */
  namespace?: string;
  /** That namespace's flavor (gpu-accelerated ...): GPU containers need a GPU namespace. */
  namespaceFlavor?: string;
}

interface ObjectContext {
  doc: Document.Parsed;
  root: Node | null;
  value: unknown;
  /** Path of the object inside its document (['items', 0] for a List's first item). */
  prefix: PathSegment[];
  lines: LineCounter;
  language: DiagnosticLanguage;
  options: DiagnoseOptions;
}

function ruleDiagnostic(violation: RuleViolation, ctx: ObjectContext): Diagnostic {
  const located = walkRulePath(ctx.root, violation.path);
  const out: Diagnostic = {
    ...rangeForLocated(ctx.lines, located),
    severity: violation.severity,
    rule: violation.rule,
    message: violation.message[ctx.language],
  };
  if (violation.fix) {
    const edits = ruleFixEdits(ctx.lines, ctx.doc, ctx.root, violation.fix, ctx.prefix);
    if (edits.length > 0) out.fix = { title: violation.fix.title[ctx.language], edits };
  }
  return out;
}

/** apiVersion + kind select the schema; an unknown pair is itself the finding. */
function kindDiagnostics(ctx: ObjectContext): Diagnostic[] | undefined {
  const object = ctx.value as Record<string, unknown>;
  const { apiVersion, kind } = object;
  const { lines, language, root } = ctx;
  for (const field of ['apiVersion', 'kind'] as const) {
    if (typeof object[field] !== 'string') {
      const located = walkPath(root, [field]);
      const range =
        located.depth === 1 ? rangeForLocated(lines, located) : rangeOfNode(lines, root as Node);
      return [
        {
          ...range,
          severity: 'error',
          message: diagnosticText(language, 'missingKind', { field }),
        },
      ];
    }
  }
  const match = matchKind(apiVersion as string, kind as string);
  if (match.status === 'known' || (kind === 'List' && apiVersion === 'v1')) return undefined;
  if (match.status === 'unknownKind') {
    const params = {
      kind: kind as string,
      apiVersion: apiVersion as string,
      known: servedKindNames(),
    };
    const range = rangeForLocated(lines, walkPath(root, ['kind']));
    return [
      { ...range, severity: 'error', message: diagnosticText(language, 'unknownKind', params) },
    ];
  }
  const expected = match.expected.join(', ');
  const range = rangeForLocated(lines, walkPath(root, ['apiVersion']));
  const first = match.expected[0] ?? '';
  return [
    {
      ...range,
      severity: 'error',
      message: diagnosticText(language, 'wrongApiVersion', {
        kind: kind as string,
        expected,
        apiVersion: apiVersion as string,
      }),
      fix: {
        title: diagnosticText(language, 'useApiVersion', { expected: first }),
        edits: [{ ...range, text: first }],
      },
    },
  ];
}

function objectDiagnostics(ctx: ObjectContext): Diagnostic[] {
  const object = ctx.value as Record<string, unknown>;
  const kindFindings = kindDiagnostics(ctx);
  if (kindFindings) return kindFindings;
  if (object['kind'] === 'List' && isMap(ctx.root)) return listDiagnostics(ctx);
  const match = matchKind(object['apiVersion'] as string, object['kind'] as string);
  if (match.status !== 'known') return [];
  const schema = validateAgainstSchema(match.schema, object).map((finding) =>
    schemaDiagnostic(finding, ctx.root, ctx.lines, ctx.language, ctx.prefix),
  );
  const rules = validateDocument(object, ruleContextOf(ctx.options)).map((v) =>
    ruleDiagnostic(v, ctx),
  );
  const names = nameDiagnostics(object, ctx.root, ctx.lines, ctx.language);
  // Where a CCI rule already explains an error on the same node, its message is the better one.
  const ruleRanges = new Set(rules.filter((d) => d.severity === 'error').map(rangeKey));
  return [...schema.filter((d) => !ruleRanges.has(rangeKey(d))), ...names, ...rules];
}

/** The rule context the options give: the namespace, and its flavor for whichever namespace
 * the document names that is the same one. */
export function ruleContextOf(options: DiagnoseOptions): RuleContext {
  const { namespace, namespaceFlavor } = options;
  if (namespace === undefined) return {};
  if (namespaceFlavor === undefined) return { namespace };
  return { namespace, namespaceFlavor: (ns) => (ns === namespace ? namespaceFlavor : undefined) };
}

function rangeKey(d: Diagnostic): string {
  return `${d.line}:${d.column}:${d.endLine}:${d.endColumn}`;
}

/** `kind: List` (what `kubectl get -o yaml` prints): each item is an object of its own. */
function listDiagnostics(ctx: ObjectContext): Diagnostic[] {
  const itemsNode = walkPath(ctx.root, ['items']).node;
  const items = (ctx.value as { items?: unknown }).items;
  if (!isSeq(itemsNode) || !Array.isArray(items)) return [];
  return items.flatMap((item, i) =>
    objectDiagnostics({
      ...ctx,
      root: (itemsNode.items[i] as Node | undefined) ?? null,
      value: item,
      prefix: [...ctx.prefix, 'items', i],
    }),
  );
}

function documentDiagnostics(
  doc: Document.Parsed,
  text: string,
  lines: LineCounter,
  language: DiagnosticLanguage,
  options: DiagnoseOptions,
): Diagnostic[] {
  // A document that does not parse has no trustworthy structure to validate.
  if (doc.errors.length > 0) return syntaxDiagnostics(doc, text, lines, language);
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return [];
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!isMap(root) || typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [
      {
        ...rangeOfNode(lines, root),
        severity: 'error',
        rule: 'Y1',
        message: diagnosticText(language, 'notMapping'),
      },
    ];
  }
  return [
    ...missingSpaceInTree(root, lines, language),
    ...objectDiagnostics({ doc, root, value, prefix: [], lines, language, options }),
  ];
}

export function diagnoseYaml(
  text: string,
  language: DiagnosticLanguage,
  options: DiagnoseOptions = {},
): Diagnostic[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const all = Array.isArray(docs) ? docs : [];
  const out = [...tabDiagnostics(text, language)];
  for (const doc of all) out.push(...documentDiagnostics(doc, text, lines, language, options));
  return withoutDuplicates(out).sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The tree walk and the schema can both find the same `key:value` slip: report it once. */
function withoutDuplicates(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.column}:${d.endLine}:${d.endColumn}:${d.rule ?? ''}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
