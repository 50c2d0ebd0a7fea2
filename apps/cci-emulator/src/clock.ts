import type { Clock } from './api/context.ts';
import { TimerHeap, type HeapTimer } from './timerHeap.ts';

/**
 * The emulator's time. Controllers schedule their steps here, never with setTimeout, so tests
 * can run them deterministically: a manual clock only moves when `advance` is called; a real
 * clock follows wall time, and `advance` still jumps it forward (the test admin API uses that).
 */
export class EmulatorClock implements Clock {
  private offsetMs = 0;
  private manualNow: number;
  /** Pending timers, earliest first; same-time timers in scheduling order. */
  private readonly timers = new TimerHeap();
  private seq = 0;
  private wake: NodeJS.Timeout | undefined;

  constructor(
    private readonly mode: 'real' | 'manual',
    start: Date = new Date(),
  ) {
    this.manualNow = start.getTime();
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return this.mode === 'manual' ? this.manualNow : Date.now() + this.offsetMs;
  }

  /** Runs `fn` once `delayMs` of emulator time has passed; returns a cancel function. */
  schedule(delayMs: number, fn: () => void): () => void {
    const due = this.nowMs() + Math.max(0, delayMs);
    const timer: HeapTimer = { due, seq: this.seq++, fn, index: -1 };
    this.timers.push(timer);
    // The wake-up is armed no later than the earliest timer: only a new earliest one moves it.
    if (this.timers.peek() === timer) this.arm();
    return () => {
      this.timers.remove(timer);
    };
  }

  /** Moves time forward, running every timer that falls due on the way, in order. */
  advance(ms: number): void {
    const target = this.nowMs() + ms;
    for (;;) {
      const next = this.timers.peek();
      if (!next || next.due > target) break;
      this.setNow(Math.max(this.nowMs(), next.due));
      this.timers.pop();
      next.fn();
    }
    this.setNow(target);
    this.arm();
  }

  /**
   * Runs the next timer due at or before `targetMs` (moving time to it) and returns true, or
   * moves time to `targetMs` and returns false. Callers settle the controllers between steps,
   * so a chain of steps scheduled by controllers all happens within one advance.
   */
  step(targetMs: number): boolean {
    const next = this.timers.peek();
    if (!next || next.due > targetMs) {
      this.setNow(Math.max(this.nowMs(), targetMs));
      this.arm();
      return false;
    }
    this.setNow(Math.max(this.nowMs(), next.due));
    this.timers.pop();
    next.fn();
    return true;
  }

  pendingTimers(): number {
    return this.timers.size;
  }

  stop(): void {
    if (this.wake) clearTimeout(this.wake);
    this.timers.clear();
  }

  private setNow(ms: number): void {
    if (this.mode === 'manual') this.manualNow = ms;
    else this.offsetMs = ms - Date.now();
  }

  private arm(): void {
    if (this.mode === 'manual') return;
    if (this.wake) clearTimeout(this.wake);
    const next = this.timers.peek();
    if (!next) return;
    this.wake = setTimeout(() => this.runDue(), Math.max(0, next.due - this.nowMs()));
    this.wake.unref();
  }

  private runDue(): void {
    const now = this.nowMs();
    for (let next = this.timers.peek(); next && next.due <= now; next = this.timers.peek()) {
      this.timers.pop();
      next.fn();
    }
    this.arm();
  }
}
