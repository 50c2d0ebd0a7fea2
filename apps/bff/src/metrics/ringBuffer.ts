import type { MetricPoint } from '@cci/model';

/**
 * A fixed-capacity series of [epoch ms, value] points: the newest `capacity` points are kept,
 * older ones are overwritten. Two typed arrays, so an hour of history at 15 s costs ~4 KiB per
 * series and nothing is allocated per scrape.
 */
export class RingBuffer {
  readonly #times: Float64Array;
  readonly #values: Float64Array;
  #next = 0;
  #size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
    }
    this.#times = new Float64Array(capacity);
    this.#values = new Float64Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** Appends a point; a point not newer than the last one replaces it (a repeated scrape). */
  push(timeMs: number, value: number): void {
    const last = this.#size > 0 ? (this.#next - 1 + this.capacity) % this.capacity : -1;
    if (last >= 0 && timeMs <= (this.#times[last] as number)) {
      this.#times[last] = timeMs;
      this.#values[last] = value;
      return;
    }
    this.#times[this.#next] = timeMs;
    this.#values[this.#next] = value;
    this.#next = (this.#next + 1) % this.capacity;
    this.#size = Math.min(this.#size + 1, this.capacity);
  }

  /** Points with time ≥ sinceMs, oldest first. */
  since(sinceMs: number): MetricPoint[] {
    const out: MetricPoint[] = [];
    const start = (this.#next - this.#size + this.capacity) % this.capacity;
    for (let i = 0; i < this.#size; i++) {
      const at = (start + i) % this.capacity;
      const time = this.#times[at] as number;
      if (time >= sinceMs) out.push([time, this.#values[at] as number]);
    }
    return out;
  }

  /** The newest point, if any. */
  latest(): MetricPoint | undefined {
    if (this.#size === 0) return undefined;
    const at = (this.#next - 1 + this.capacity) % this.capacity;
    return [this.#times[at] as number, this.#values[at] as number];
  }
}
