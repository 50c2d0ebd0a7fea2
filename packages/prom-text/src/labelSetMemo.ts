import { indexOrLength, parseLabelSet, type LabelCursor } from './labelSet.ts';

/**
 * When the memo is worth a lookup. It pays on long label sets that recur (cAdvisor repeats each
 * container's ~300-char set in ~60 families); on short sets (node-exporter's `cpu="3",mode="idle"`)
 * parsing costs no more than the lookup, and on sets that do not recur it is pure overhead.
 */
export interface MemoPolicy {
  /** Label sets shorter than this (the text between the braces) are parsed without a lookup. */
  minLength: number;
  /** Lookups per hit-rate check... */
  window: number;
  /** ...fewer hits than this in a window pauses the memo... */
  minHits: number;
  /** ...for this many label sets, after which it looks up again. */
  pause: number;
}

/** What parsePrometheusText uses (figures in docs/architecture.md, prom-text). */
export const ADAPTIVE_MEMO: MemoPolicy = { minLength: 32, window: 256, minHits: 8, pause: 2048 };

export interface MemoCursor extends LabelCursor {
  /** Like nextQuote, for '}'. */
  nextBrace: number;
  /**
   * Parsed label sets in a direct-mapped table indexed by a fingerprint of their text between the
   * braces; a set whose slot is taken replaces the one there. A Map of buckets measured slower:
   * growing it (rehashing) cost more than the hits saved on payloads with many distinct sets.
   */
  slots: (KnownSet | undefined)[];
  mask: number;
  policy: MemoPolicy;
  /** Lookups and hits in the current window; label sets left to parse while paused. */
  lookups: number;
  hits: number;
  paused: number;
}

interface KnownSet {
  raw: string;
  labels: Record<string, string>;
}

/**
 * `textLength` sizes the table: about one slot per 128 chars of text (a sample line with labels
 * is longer), between 64 and 8192 slots, so that a small scrape does not pay for a big table and
 * adversarial input cannot make it grow.
 */
export function newMemoCursor(textLength: number, policy: MemoPolicy = ADAPTIVE_MEMO): MemoCursor {
  let size = 64;
  while (size < 8192 && size * 128 < textLength) size *= 2;
  return {
    pos: 0,
    error: '',
    nextQuote: -1,
    nextBackslash: -1,
    names: [],
    distinct: 0,
    nextBrace: -1,
    slots: new Array<KnownSet | undefined>(size).fill(undefined),
    mask: size - 1,
    policy,
    lookups: -policy.window, // the first window is twice as long: the table starts empty
    hits: 0,
    paused: 0,
  };
}

/**
 * Reads a label set like parseLabelSet, remembering the ones it has seen when the policy says
 * the memo pays. Only sets that ended at the first '}' after their '{' are remembered: identical
 * text up to that brace guarantees an identical parse. Every sample gets its own object: the
 * first the parsed one (nothing changes it while the parse runs, and the memo ends with it), the
 * others copies. (Predicting the next set from the previous one, to skip the map lookup,
 * measured no faster.)
 */
export function readLabelSet(
  text: string,
  start: number,
  end: number,
  cursor: MemoCursor,
): Record<string, string> | undefined {
  if (cursor.nextBrace < start) cursor.nextBrace = indexOrLength(text, '}', start);
  const brace = cursor.nextBrace;
  const length = brace - start;
  if (brace >= end || length < cursor.policy.minLength)
    return parseLabelSet(text, start, end, cursor);
  if (cursor.paused > 0) {
    cursor.paused--;
    return parseLabelSet(text, start, end, cursor);
  }
  const slot = fingerprint(text, start, brace) & cursor.mask;
  const known = cursor.slots[slot];
  const raw = text.slice(start, brace);
  const hit = known !== undefined && known.raw === raw;
  if (hit) cursor.hits++;
  countLookup(cursor);
  if (hit) {
    cursor.pos = brace + 1;
    return { ...known.labels };
  }
  const labels = parseLabelSet(text, start, end, cursor);
  if (labels !== undefined && cursor.pos === brace + 1) cursor.slots[slot] = { raw, labels };
  return labels;
}

/** Ends a window after `policy.window` lookups, pausing the memo when it hit too rarely. */
function countLookup(cursor: MemoCursor): void {
  if (++cursor.lookups < cursor.policy.window) return;
  if (cursor.hits < cursor.policy.minHits) cursor.paused = cursor.policy.pause;
  cursor.lookups = 0;
  cursor.hits = 0;
}

/**
 * A cheap hash of text[start, end): its length and every 7th char code. Hashing the whole string
 * (what a Map<string> lookup does with a fresh slice) measured slower than parsing most label
 * sets; a collision only costs one more comparison.
 */
function fingerprint(text: string, start: number, end: number): number {
  let hash = end - start;
  for (let i = end - 1; i >= start; i -= 7) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}
