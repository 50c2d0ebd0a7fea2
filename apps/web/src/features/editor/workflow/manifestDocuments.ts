/**
 * A multi-document YAML text as the apply workflow sees it: each document with the line it
 * starts on, its plain value, and a way back from a server's field path (a Status cause's
 * `spec.containers[0].image`) to the line of that field, so an error lands where it belongs.
 */
import { isScalar, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { rangeForLocated, walkRulePath } from '../yamlLocate.ts';

export interface ManifestObject {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown; namespace?: unknown; resourceVersion?: unknown } & Record<
    string,
    unknown
  >;
  [key: string]: unknown;
}

export interface ManifestDocument {
  /** 0-based position among the non-empty documents. */
  index: number;
  /** 1-based line of the document's first content line in the whole text. */
  line: number;
  /** The document's value when it is a mapping without syntax errors. */
  object: ManifestObject | undefined;
  /** YAML syntax errors: line in the whole text and message. */
  errors: { line: number; message: string }[];
  /** 1-based line of a field path in the whole text (nearest existing ancestor; else `line`). */
  lineOf(fieldPath: string): number;
}

export function manifestDocuments(text: string): ManifestDocument[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const out: ManifestDocument[] = [];
  for (const doc of docs) {
    const root = doc.contents as Node | null;
    const errors = doc.errors.map((e) => ({
      line: lines.linePos(e.pos[0]).line,
      message: e.message.split('\n')[0] ?? e.message,
    }));
    // A document of comments only (a leading `---`, a trailing note) is nothing to apply.
    const empty = root === null || (isScalar(root) && root.value === null);
    if (empty && errors.length === 0) continue;
    const start = root?.range?.[0] ?? doc.range[0];
    const line = lines.linePos(start).line;
    const value: unknown = errors.length === 0 ? doc.toJS() : undefined;
    out.push({
      index: out.length,
      line,
      object: isObject(value) ? (value as ManifestObject) : undefined,
      errors,
      lineOf: (fieldPath) => {
        if (root === null || fieldPath === '') return line;
        return rangeForLocated(lines, walkRulePath(root, fieldPath), 'key').line;
      },
    });
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `kind/name` of a document for result lists ("Deployment/nginx"), or its position. */
export function documentLabel(doc: ManifestDocument): string {
  const kind = typeof doc.object?.kind === 'string' ? doc.object.kind : '?';
  const name = doc.object?.metadata?.name;
  return `${kind}/${typeof name === 'string' ? name : '?'}`;
}
