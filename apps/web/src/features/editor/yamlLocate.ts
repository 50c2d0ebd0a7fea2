/**
 * From a path inside one object (['spec', 'containers', 0, 'image'], or a rule's
 * 'spec.containers[0].image' / 'metadata.annotations["a.b/c"]') to the text range of that node,
 * using the `yaml` package's node ranges. Missing nodes fall back to the nearest ancestor.
 */
import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
import type { PathSegment } from './schemaValidation.ts';

export interface TextRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Located {
  /** The node at the path, when the path exists. */
  node?: Node | null;
  /** The key node of the map entry holding it. */
  key?: Node | null;
  /** How many segments of the path exist (the found node is at path[0..depth)). */
  depth: number;
  /** The deepest node found (the node itself when depth is the full path). */
  deepest: Node | null;
  deepestKey?: Node | null;
}

/**
 * Splits a rule path. Keys are plain words after dots, quoted JSON strings in brackets, or
 * (for rules that do not quote) the longest key of the map the rest of the path starts with.
 */
export function walkRulePath(root: Node | null, path: string): Located {
  let node: Node | null = root;
  let key: Node | null | undefined;
  let rest = path;
  let depth = 0;
  let found: Located = { depth: 0, deepest: root };
  while (rest !== '') {
    rest = rest.startsWith('.') ? rest.slice(1) : rest;
    const bracket = /^\[(\d+)\]|^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    let segment: PathSegment | undefined;
    if (bracket) {
      segment =
        bracket[1] !== undefined ? Number(bracket[1]) : (JSON.parse(bracket[2] ?? '""') as string);
      rest = rest.slice(bracket[0].length);
    } else if (isMap(node)) {
      const word = longestKeyPrefix(node.items, rest);
      if (word === undefined) break;
      segment = word;
      rest = rest.slice(word.length);
    } else break;
    const step = childOf(node, segment);
    if (!step) break;
    node = step.node;
    key = step.key;
    depth += 1;
    found = { depth, deepest: node, deepestKey: key };
  }
  return rest === '' ? { ...found, node, key } : found;
}

function longestKeyPrefix(items: Pair[], rest: string): string | undefined {
  let best: string | undefined;
  for (const pair of items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (k === undefined || !rest.startsWith(k)) continue;
    const next = rest.charAt(k.length);
    if (next !== '' && next !== '.' && next !== '[') continue;
    if (best === undefined || k.length > best.length) best = k;
  }
  return best;
}

function childOf(
  node: Node | null,
  segment: PathSegment,
): { node: Node | null; key?: Node | null } | undefined {
  if (typeof segment === 'number') {
    if (!isSeq(node)) return undefined;
    const item = node.items[segment];
    return item === undefined ? undefined : { node: item as Node | null };
  }
  if (!isMap(node)) return undefined;
  const pair = node.items.find(
    (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment,
  );
  return pair ? { node: pair.value as Node | null, key: pair.key as Node | null } : undefined;
}

export function walkPath(root: Node | null, path: PathSegment[]): Located {
  let node: Node | null = root;
  let found: Located = { depth: 0, deepest: root };
  for (const segment of path) {
    const step = childOf(node, segment);
    if (!step) return found;
    node = step.node;
    found = { depth: found.depth + 1, deepest: node, deepestKey: step.key };
  }
  return { ...found, node, key: found.deepestKey };
}

export function rangeOfOffsets(lines: LineCounter, start: number, end: number): TextRange {
  const a = lines.linePos(start);
  const b = lines.linePos(Math.max(end, start + 1));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/** The first line of a node only: a marker on a whole block map would cover the screen. */
export function rangeOfNode(lines: LineCounter, node: Node): TextRange {
  const [start, valueEnd] = node.range ?? [0, 1];
  const range = rangeOfOffsets(lines, start, valueEnd);
  if (range.endLine === range.line) return range;
  const nextLine = lines.lineStarts[range.line] ?? valueEnd;
  return rangeOfOffsets(lines, start, Math.max(start + 1, nextLine - 1));
}

/**
 * Where a finding about a located node belongs: a scalar value itself, otherwise the key that
 * introduces it (a mapping or list is better pointed at by its key), else the nearest ancestor.
 */
export function rangeForLocated(
  lines: LineCounter,
  located: Located,
  prefer: 'key' | 'value' = 'value',
): TextRange {
  const target = located.node;
  const key = located.key ?? located.deepestKey;
  if (prefer === 'value' && target && isScalar(target) && target.range) {
    return rangeOfNode(lines, target);
  }
  if (key && key.range) return rangeOfNode(lines, key);
  if (target && target.range) return rangeOfNode(lines, target);
  const deepest = located.deepest;
  if (deepest && deepest.range) return rangeOfNode(lines, deepest);
  return { line: 1, column: 1, endLine: 1, endColumn: 2 };
}
