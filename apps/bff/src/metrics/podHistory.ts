import {
  podMetricNames,
  podMetricUnits,
  type MetricPoint,
  type PodMetricName,
  type PodMetricSeries,
} from '@cci/model';
import type { Reading } from './extract.ts';
import { CounterTracker } from './rates.ts';
import { RingBuffer } from './ringBuffer.ts';

/**
 * The history of one pod: one ring buffer per (metric, container). Points are stamped with the
 * BFF's scrape time (what charts and ranges use); counter rates are computed over the exporter's
 * own sample times when it gives them, so a late scrape does not distort a rate.
 */
export class PodHistory {
  readonly #buffers = new Map<
    string,
    { metric: PodMetricName; container: string; ring: RingBuffer }
  >();
  readonly #counters = new CounterTracker();

  constructor(private readonly capacity: number) {}

  record(readings: readonly Reading[], scrapeTimeMs: number): void {
    for (const r of readings) {
      const key = `${r.metric}\u0000${r.container}`;
      let value: number | undefined = r.value;
      if (r.kind === 'counter') {
        value = this.#counters.update(key, {
          value: r.value,
          timeMs: r.timestampMs ?? scrapeTimeMs,
        });
      }
      if (value === undefined) continue;
      let entry = this.#buffers.get(key);
      if (!entry) {
        entry = { metric: r.metric, container: r.container, ring: new RingBuffer(this.capacity) };
        this.#buffers.set(key, entry);
      }
      entry.ring.push(scrapeTimeMs, value);
    }
  }

  /** Every series with points at or after sinceMs, in metric order, pod-wide series first. */
  series(sinceMs: number): PodMetricSeries[] {
    const order = (m: PodMetricName) => podMetricNames.indexOf(m);
    return [...this.#buffers.values()]
      .map((e) => ({
        metric: e.metric,
        container: e.container,
        unit: podMetricUnits[e.metric],
        points: e.ring.since(sinceMs),
      }))
      .filter((s) => s.points.length > 0)
      .sort((a, b) => order(a.metric) - order(b.metric) || a.container.localeCompare(b.container));
  }

  points(metric: PodMetricName, container: string, sinceMs: number): MetricPoint[] {
    return this.#buffers.get(`${metric}\u0000${container}`)?.ring.since(sinceMs) ?? [];
  }

  latest(metric: PodMetricName, container: string): MetricPoint | undefined {
    return this.#buffers.get(`${metric}\u0000${container}`)?.ring.latest();
  }

  /** A new pod under the same name (another uid): nothing of the old one may show. */
  clear(): void {
    this.#buffers.clear();
    this.#counters.clear();
  }
}
