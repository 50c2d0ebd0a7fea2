import { SeededStream, hashString, unitAt } from '../seededRandom.ts';
import type { LogScript } from './logScripts.ts';

export interface LogLine {
  index: number;
  atMs: number;
  /** Sub-millisecond part of the line's timestamp, for RFC3339Nano. */
  nanos: number;
  text: string;
}

/**
 * The log of one container instance as a function of time: line i has a fixed time, computable
 * in O(1), so "how many lines by t" and "lines since t" need no history. Steady lines come one
 * per period with a jitter below the period, which keeps their times strictly increasing.
 */
export class LogTimeline {
  private readonly seed: number;
  private readonly steadyStartMs: number;

  constructor(
    private readonly script: LogScript,
    readonly startMs: number,
    /** When the instance terminated; undefined while it runs. */
    readonly endMs: number | undefined,
    seedKey: string,
  ) {
    this.seed = hashString(seedKey);
    const lastStartup = script.startup.at(-1)?.offsetMs ?? 0;
    this.steadyStartMs = startMs + lastStartup + 1;
  }

  private get period(): number | undefined {
    return this.script.steady ? this.script.periodMs : undefined;
  }

  private get burst(): readonly number[] {
    return this.script.burstOffsetsMs ?? [0];
  }

  /** Steady lines come in bursts (one per period, jittered); offsets stay below 0.1 period. */
  private steadyTime(j: number, period: number): number {
    const size = this.burst.length;
    const group = Math.floor(j / size);
    const jitter = Math.floor(unitAt(this.seed, 2 * group) * period * 0.9);
    return this.steadyStartMs + group * period + jitter + (this.burst[j % size] ?? 0);
  }

  timeOf(index: number): number {
    const startup = this.script.startup[index];
    if (startup) return this.startMs + startup.offsetMs;
    const period = this.period;
    if (period === undefined) return Infinity;
    return this.steadyTime(index - this.script.startup.length, period);
  }

  /** Lines printed at or before `atMs` (never past the instance's end). */
  countAt(atMs: number): number {
    const t = Math.min(atMs, this.endMs ?? Infinity);
    let n = 0;
    while (n < this.script.startup.length && this.timeOf(n) <= t) n++;
    const period = this.period;
    if (n < this.script.startup.length || period === undefined || t < this.steadyStartMs) return n;
    const size = this.burst.length;
    let j = Math.floor((t - this.steadyStartMs) / period) * size;
    while (this.steadyTime(j, period) <= t) j++;
    return n + j;
  }

  /** The first line index whose time is at or after `atMs`. */
  firstIndexAtOrAfter(atMs: number): number {
    return this.countAt(atMs - 1);
  }

  /** Whether lines may still come after `count` lines (false once a finished log is complete). */
  hasMoreAfter(count: number): boolean {
    if (this.endMs !== undefined) return count < this.countAt(this.endMs);
    return this.period !== undefined || count < this.script.startup.length;
  }

  line(index: number): LogLine {
    const atMs = this.timeOf(index);
    const nanos = Math.floor(unitAt(this.seed, 2 * index + 1) * 1_000_000);
    const startup = this.script.startup[index];
    const text = startup
      ? startup.text(atMs)
      : (this.script.steady?.(
          index - this.script.startup.length,
          atMs,
          new SeededStream(hashString(`${this.seed}:${index}`)),
        ) ?? '');
    return { index, atMs, nanos, text };
  }
}
