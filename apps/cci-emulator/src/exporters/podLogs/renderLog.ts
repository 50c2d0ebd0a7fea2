import type { LogTimeline } from './logTimeline.ts';
import { formatRfc3339Nano } from './rfc3339.ts';
import type { PodLogOptions } from './logOptions.ts';

/** The emulated log file keeps its last lines only, as kubelet's rotation (10 MiB) would. */
export const RETAINED_LOG_LINES = 20_000;

/**
 * Pod annotation (emulator only) raising that retention, up to 1,000,000 lines: a pod with a
 * very long log (the log view's benchmark reads 100,000 lines).
 */
export const RETAINED_LOG_LINES_ANNOTATION = 'emulator.cci.io/retained-log-lines';
const MAX_RETAINED_LOG_LINES = 1_000_000;

/** The lines a pod's log keeps: RETAINED_LOG_LINES unless its annotation says more. */
export function retainedLines(annotations: Record<string, string> | undefined): number {
  const asked = Number(annotations?.[RETAINED_LOG_LINES_ANNOTATION]);
  return Number.isInteger(asked) && asked > 0
    ? Math.min(asked, MAX_RETAINED_LOG_LINES)
    : RETAINED_LOG_LINES;
}

/** Index range [from, to) of the lines a request returns at `nowMs`: since-filter, then tail. */
export function selectLines(
  timeline: LogTimeline,
  options: PodLogOptions,
  nowMs: number,
  retained = RETAINED_LOG_LINES,
): { from: number; to: number } {
  const to = timeline.countAt(nowMs);
  let from = Math.max(0, to - retained);
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
