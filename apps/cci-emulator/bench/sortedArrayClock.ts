/**
 * The emulator clock's timer list before the heap, kept as the benchmark's baseline (manual time
 * only): every new timer re-sorts the array, every cancel filters it.
 */
interface Timer {
  due: number;
  seq: number;
  fn: () => void;
}

export class SortedArrayClock {
  private timers: Timer[] = [];
  private seq = 0;
  private now: number;

  constructor(start: Date) {
    this.now = start.getTime();
  }

  schedule(delayMs: number, fn: () => void): () => void {
    const timer: Timer = { due: this.now + Math.max(0, delayMs), seq: this.seq++, fn };
    this.timers.push(timer);
    this.timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  advance(ms: number): void {
    const target = this.now + ms;
    for (;;) {
      const next = this.timers[0];
      if (!next || next.due > target) break;
      this.now = Math.max(this.now, next.due);
      this.timers.shift();
      next.fn();
    }
    this.now = target;
  }
}
