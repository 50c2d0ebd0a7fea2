import type { StoreEvent } from './types.ts';

/**
 * The last `capacity` committed events, so a watch can resume from a resourceVersion.
 * Every write produces exactly one event, so the log is gap-free between `evictedThrough`
 * and the newest event; a watch from before `evictedThrough` must be answered 410 Gone.
 */
export class EventLog {
  private readonly ring: (StoreEvent | undefined)[];
  private start = 0;
  private size = 0;
  /** Highest resourceVersion no longer retained (the starting version after a restart). */
  evictedThrough: number;

  constructor(
    private readonly capacity: number,
    startingVersion: number,
  ) {
    this.ring = new Array<StoreEvent | undefined>(capacity);
    this.evictedThrough = startingVersion;
  }

  append(event: StoreEvent): void {
    if (this.size === this.capacity) {
      const oldest = this.ring[this.start];
      if (oldest) this.evictedThrough = oldest.rv;
      this.ring[this.start] = event;
      this.start = (this.start + 1) % this.capacity;
    } else {
      this.ring[(this.start + this.size) % this.capacity] = event;
      this.size++;
    }
  }

  /** Events newer than `rv`, oldest first, or undefined when some of them were evicted. */
  since(rv: number): StoreEvent[] | undefined {
    if (rv < this.evictedThrough) return undefined;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = this.at(mid);
      if (e.rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    const out: StoreEvent[] = [];
    for (let i = lo; i < this.size; i++) out.push(this.at(i));
    return out;
  }

  private at(i: number): StoreEvent {
    const e = this.ring[(this.start + i) % this.capacity];
    if (!e) throw new Error('event log index out of range');
    return e;
  }
}
