import { indexOrLength, parseLabelSet, type LabelCursor } from './labelSet.ts';

export interface MemoCursor extends LabelCursor {
  /** Like nextQuote, for '}'. */
  nextBrace: number;
  /** Parsed label sets by a fingerprint of their text between the braces. */
  sets: Map<number, KnownSet[]>;
  size: number;
}

interface KnownSet {
  raw: string;
  labels: Record<string, string>;
}

export function newMemoCursor(): MemoCursor {
  return {
    pos: 0,
    error: '',
    nextQuote: -1,
    nextBackslash: -1,
    names: [],
    nextBrace: -1,
    sets: new Map(),
    size: 0,
  };
}

/** Bounded so that adversarial input cannot grow the memo without limit. */
const MAX_REMEMBERED_SETS = 8192;

/**
 * Reads a label set like parseLabelSet, remembering the ones it has seen. Exporters repeat each
 * label set in every family (cAdvisor: one per container, ~60 times), so a set whose text was
 * seen before is copied instead of parsed again. Only sets that ended at the first '}' after
 * their '{' are remembered: identical text up to that brace guarantees an identical parse. Every
 * sample gets its own copy. (Predicting the next set from the previous one, to skip the map
 * lookup, measured no faster.)
 */
export function readLabelSet(
  text: string,
  start: number,
  end: number,
  cursor: MemoCursor,
): Record<string, string> | undefined {
  if (cursor.nextBrace < start) cursor.nextBrace = indexOrLength(text, '}', start);
  const brace = cursor.nextBrace;
  if (brace >= end) return parseLabelSet(text, start, end, cursor);
  const raw = text.slice(start, brace);
  const key = fingerprint(text, start, brace);
  const bucket = cursor.sets.get(key);
  if (bucket !== undefined) {
    for (const known of bucket) {
      if (known.raw === raw) {
        cursor.pos = brace + 1;
        return { ...known.labels };
      }
    }
  }
  const labels = parseLabelSet(text, start, end, cursor);
  if (labels === undefined || cursor.pos !== brace + 1) return labels;
  if (cursor.size < MAX_REMEMBERED_SETS) {
    cursor.size++;
    if (bucket === undefined) cursor.sets.set(key, [{ raw, labels }]);
    else bucket.push({ raw, labels });
  }
  return { ...labels };
}

/**
 * A cheap hash of text[start, end): its length and every 7th char code. Hashing the whole string
 * (what a Map<string> lookup does with a fresh slice) measured slower than parsing most label
 * sets; a collision only costs one more string comparison.
 */
function fingerprint(text: string, start: number, end: number): number {
  let hash = end - start;
  for (let i = end - 1; i >= start; i -= 7) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}
