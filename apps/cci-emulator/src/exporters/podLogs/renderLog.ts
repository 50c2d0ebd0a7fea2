import type { LogTimeline } from './logTimeline.ts';
import { formatRfc3339Nano } from './rfc3339.ts';
import type { PodLogOptions } from './logOptions.ts';

/** The emulated log file keeps its last lines only, as kubelet's rotation (10 MiB) would. */
export const RETAINED_LOG_LINES = 20_000;

/** Index range [from, to) of the lines a request returns at `nowMs`: since-filter, then tail. */
export function selectLines(
  timeline: LogTimeline,
  options: PodLogOptions,
  nowMs: number,
): { from: number; to: number } {
  const to = timeline.countAt(nowMs);
  let from = Math.max(0, to - RETAINED_LOG_LINES);
  const since =
    options.sinceTimeMs ??
    (options.sinceSeconds !== undefined ? nowMs - options.sinceSeconds * 1000 : undefined);
  if (since !== undefined) from = Math.max(from, timeline.firstIndexAtOrAfter(since));
  if (options.tailLines !== undefined) from = Math.max(from, to - options.tailLines);
  return { from: Math.min(from, to), to };
}

export function renderLine(timeline: LogTimeline, index: number, timestamps: boolean): string {
  const line = timeline.line(index);
  return timestamps
    ? `${formatRfc3339Nano(line.atMs, line.nanos)} ${line.text}\n`
    : `${line.text}\n`;
}

/** Writes lines while respecting limitBytes; returns false once the limit is reached. */
export class LimitedWriter {
  private written = 0;
  constructor(
    private readonly limit: number | undefined,
    private readonly write: (chunk: string) => void,
  ) {}

  push(chunk: string): boolean {
    if (this.limit === undefined) {
      this.write(chunk);
      return true;
    }
    const room = this.limit - this.written;
    const bytes = Buffer.from(chunk, 'utf8');
    if (bytes.length < room) {
      this.written += bytes.length;
      this.write(chunk);
      return true;
    }
    this.written = this.limit;
    if (room > 0) this.write(bytes.subarray(0, room).toString('utf8'));
    return false;
  }
}
