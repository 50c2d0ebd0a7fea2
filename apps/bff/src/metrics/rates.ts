/**
 * Turns cumulative counters into per-second rates between two consecutive readings. A counter
 * that went down was reset (the container restarted and counts from 0 again), so the increase
 * since the reset is the new value itself, as Prometheus' rate() assumes.
 */
export interface CounterReading {
  value: number;
  timeMs: number;
}

export function counterRate(previous: CounterReading, current: CounterReading): number | undefined {
  const seconds = (current.timeMs - previous.timeMs) / 1000;
  if (!(seconds > 0)) return undefined; // the same sample again, or clocks going backwards
  const increase = current.value >= previous.value ? current.value - previous.value : current.value;
  return increase / seconds;
}

/** The last reading of each counter series, to rate the next one against. */
export class CounterTracker {
  readonly #last = new Map<string, CounterReading>();

  /** Records the reading and returns the rate since the previous one (undefined for the first). */
  update(key: string, current: CounterReading): number | undefined {
    const previous = this.#last.get(key);
    if (previous && current.timeMs <= previous.timeMs) return undefined;
    this.#last.set(key, current);
    return previous ? counterRate(previous, current) : undefined;
  }

  clear(): void {
    this.#last.clear();
  }
}
