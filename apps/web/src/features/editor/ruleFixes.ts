/**
 * A rule's quick fix (@cci/model RuleFix: paths to set or remove) as text edits. A scalar
 * replaced by a scalar is edited in place; anything else re-prints the document's contents
 * from the edited syntax tree, which keeps comments but may restyle the document.
 */
import { Document, isMap, isNode, isScalar, stringify, type LineCounter, type Node } from 'yaml';
import type { RuleFix } from '@cci/model';
import { rangeOfOffsets, walkRulePath } from './yamlLocate.ts';
import type { PathSegment } from './schemaValidation.ts';

export interface TextEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** 'a.b[0]["x.y/z"]' as segments (plain keys split at dots). */
export function pathSegments(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  const token = /\.?([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  let match: RegExpExecArray | null;
  while ((match = token.exec(path)) !== null) {
    if (match[1] !== undefined) out.push(match[1]);
    else if (match[2] !== undefined) out.push(Number(match[2]));
    else out.push(JSON.parse(match[3] ?? '""') as string);
    if (token.lastIndex >= path.length) break;
  }
  return out;
}

function isScalarValue(value: unknown): value is string | number | boolean {
  return ['string', 'number', 'boolean'].includes(typeof value);
}

function inPlaceEdit(lines: LineCounter, root: Node | null, fix: RuleFix): TextEdit[] | undefined {
  if (fix.remove?.length || !fix.set || fix.set.length === 0) return undefined;
  const edits: TextEdit[] = [];
  for (const { path, value } of fix.set) {
    const located = walkRulePath(root, path);
    const node = located.node;
    if (!node || !isScalar(node) || !node.range || !isScalarValue(value)) return undefined;
    const text = stringify(value).trimEnd();
    edits.push({ ...rangeOfOffsets(lines, node.range[0], node.range[1]), text });
  }
  return edits;
}

function reprinted(
  lines: LineCounter,
  doc: Document.Parsed,
  fix: RuleFix,
  prefix: PathSegment[],
): TextEdit[] {
  const contents = doc.contents;
  if (!contents?.range) return [];
  const copy = doc.clone();
  for (const { path, value } of fix.set ?? [])
    copy.setIn([...prefix, ...pathSegments(path)], value);
  for (const path of fix.remove ?? []) copy.deleteIn([...prefix, ...pathSegments(path)]);
  // Comments above the contents lie outside the replaced range: print them once, not twice.
  if (copy.contents) copy.contents.commentBefore = null;
  const firstKey = isMap(copy.contents) ? copy.contents.items[0]?.key : undefined;
  if (isNode(firstKey)) firstKey.commentBefore = null;
  const printed = new Document();
  printed.contents = copy.contents;
  const text = printed.toString({ lineWidth: 0 }).replace(/\n$/, '');
  return [{ ...rangeOfOffsets(lines, contents.range[0], contents.range[1]), text }];
}

export function ruleFixEdits(
  lines: LineCounter,
  doc: Document.Parsed,
  root: Node | null,
  fix: RuleFix,
  /** Where the object sits in the document (['items', 2] inside a List). */
  prefix: PathSegment[] = [],
): TextEdit[] {
  return inPlaceEdit(lines, root, fix) ?? reprinted(lines, doc, fix, prefix);
}
