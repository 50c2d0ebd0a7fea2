/**
 * The log view's model, pure: lines from streamed text, timestamps split off, the BFF's end
 * record, several pods interleaved by time, pod colours and search. Tested in logModel.test.ts.
 */

/** Why a followed log ended (the BFF's routes/logs.ts sends it as the last record). */
export type FollowEnd =
  'completed' | 'podDeleted' | 'byteCap' | 'idle' | 'sessionEnded' | 'upstreamError';

export interface LogLine {
  /** The line as the container wrote it (ANSI sequences included), no timestamp. */
  text: string;
  /** RFC3339 time the runtime recorded, when asked with timestamps. */
  stamp?: string;
  /** `stamp` in ms, for interleaving. */
  time?: number;
  /** The pod it came from (workload logs). */
  pod?: string;
}

const END_MARK = '\u001e';
const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) /;

export function parseLine(raw: string, pod?: string): LogLine {
  const match = STAMP.exec(raw);
  const line: LogLine = match
    ? { text: raw.slice(match[0].length), stamp: match[1], time: Date.parse(match[1] as string) }
    : { text: raw };
  if (pod !== undefined) line.pod = pod;
  return line;
}

/**
 * Cuts streamed text into whole lines; the unfinished rest waits in `carry` for the next chunk.
 * A final end record (U+001E + JSON) is taken off and returned as `end`.
 */
export class LineSplitter {
  #carry = '';
  end: FollowEnd | undefined;

  push(chunk: string): string[] {
    const text = this.#carry + chunk;
    const lines = text.split('\n');
    this.#carry = lines.pop() ?? '';
    return lines.filter((line) => !this.#isEnd(line));
  }

  /** The stream ended: whatever was left is the last line (a log need not end in a newline). */
  finish(): string[] {
    const rest = this.#carry;
    this.#carry = '';
    return rest === '' || this.#isEnd(rest) ? [] : [rest];
  }

  #isEnd(line: string): boolean {
    if (!line.startsWith(END_MARK)) return false;
    try {
      const record = JSON.parse(line.slice(1)) as { end?: FollowEnd };
      if (!record.end) return false;
      this.end = record.end;
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Adds a line keeping the whole ordered by time: lines of one pod come in order and pods
 * mostly keep pace, so the place is found walking back from the end (O(1) in practice).
 * Lines without a time go last, as they came.
 */
export function insertByTime(lines: LogLine[], line: LogLine): void {
  let at = lines.length;
  if (line.time !== undefined) {
    while (at > 0) {
      const before = (lines[at - 1] as LogLine).time;
      if (before === undefined || before <= line.time) break;
      at--;
    }
  }
  if (at === lines.length) lines.push(line);
  else lines.splice(at, 0, line);
}

/** Several pods' logs as one, ordered by timestamp (stable: ties keep pod order). */
export function interleave(logs: readonly (readonly LogLine[])[]): LogLine[] {
  const out: LogLine[] = [];
  for (const log of logs) for (const line of log) insertByTime(out, line);
  return out;
}

/** Colours readable on light and dark backgrounds; Mantine's palette names. */
export const podPalette = [
  'blue',
  'teal',
  'grape',
  'orange',
  'cyan',
  'pink',
  'lime',
  'violet',
  'yellow',
  'indigo',
] as const;

/** A pod's colour, the same on every render and in every tab (FNV-1a of its name). */
export function podColour(pod: string): (typeof podPalette)[number] {
  let hash = 0x811c9dc5;
  for (let i = 0; i < pod.length; i++) {
    hash ^= pod.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return podPalette[hash % podPalette.length] as (typeof podPalette)[number];
}

// eslint-disable-next-line no-control-regex -- ANSI escape sequences are what this removes
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*(?:\u0007|\u001b\\)/g;

/** The text a reader sees: ANSI sequences removed (what search looks in). */
export function visibleText(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}

/** Indices of the lines whose visible text contains `query` (case-insensitive). */
export function findMatches(lines: readonly LogLine[], query: string): number[] {
  if (query === '') return [];
  const needle = query.toLowerCase();
  const found: number[] = [];
  lines.forEach((line, i) => {
    if (visibleText(line.text).toLowerCase().includes(needle)) found.push(i);
  });
  return found;
}

/** Pieces of `text` with the occurrences of `query` marked (case-insensitive). */
export function highlight(text: string, query: string): { text: string; match: boolean }[] {
  if (query === '') return [{ text, match: false }];
  const lower = text.toLowerCase();
  const needle = query.toLowerCase();
  const out: { text: string; match: boolean }[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    if (at > from) out.push({ text: text.slice(from, at), match: false });
    out.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) out.push({ text: text.slice(from), match: false });
  return out;
}

/** The next match after (or before) the current one, wrapping around. */
export function stepMatch(count: number, current: number, step: 1 | -1): number {
  if (count === 0) return -1;
  return (current + step + count) % count;
}
