import { describe, expect, it } from 'vitest';
import { EmulatorClock } from './clock.ts';

describe('EmulatorClock', () => {
  it('runs timers in due order as a manual clock advances, and not before', () => {
    const clock = new EmulatorClock('manual', new Date('2026-01-01T00:00:00Z'));
    const ran: string[] = [];
    clock.schedule(2000, () => ran.push('b'));
    clock.schedule(1000, () => ran.push('a'));
    const cancel = clock.schedule(1500, () => ran.push('cancelled'));
    cancel();
    clock.advance(999);
    expect(ran).toEqual([]);
    clock.advance(1001);
    expect(ran).toEqual(['a', 'b']);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:02.000Z');
  });

  it('steps through timers scheduled by other timers within one window', () => {
    const clock = new EmulatorClock('manual', new Date(0));
    const ran: number[] = [];
    clock.schedule(100, () => {
      ran.push(clock.nowMs());
      clock.schedule(100, () => ran.push(clock.nowMs()));
    });
    while (clock.step(1000));
    expect(ran).toEqual([100, 200]);
    expect(clock.nowMs()).toBe(1000);
  });

  it('runs same-time timers in scheduling order, even those scheduled while running', () => {
    const clock = new EmulatorClock('manual', new Date(0));
    const ran: string[] = [];
    clock.schedule(10, () => {
      ran.push('a');
      clock.schedule(0, () => ran.push('d'));
    });
    clock.schedule(10, () => ran.push('b'));
    const cancel = clock.schedule(10, () => ran.push('cancelled'));
    clock.schedule(10, () => ran.push('c'));
    cancel();
    clock.advance(10);
    expect(ran).toEqual(['a', 'b', 'c', 'd']);
  });

  it('counts pending timers; cancelling one that ran, or twice, changes nothing', () => {
    const clock = new EmulatorClock('manual', new Date(0));
    const ran: number[] = [];
    const cancels = [30, 10, 20].map((ms) => clock.schedule(ms, () => ran.push(ms)));
    expect(clock.pendingTimers()).toBe(3);
    clock.advance(10);
    cancels[1]?.(); // already ran
    cancels[0]?.();
    cancels[0]?.();
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(100);
    expect(ran).toEqual([10, 20]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a real clock runs its timers when they fall due', async () => {
    const clock = new EmulatorClock('real');
    const ran: string[] = [];
    clock.schedule(40, () => ran.push('later'));
    const cancel = clock.schedule(20, () => ran.push('cancelled'));
    clock.schedule(5, () => ran.push('first'));
    cancel();
    // Wait for the last one (a loaded machine may run timers late, never early or out of order).
    for (let waited = 0; ran.length < 2 && waited < 5_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ran).toEqual(['first', 'later']);
    clock.stop();
  });

  it('a real clock follows wall time and can be jumped forward', () => {
    const clock = new EmulatorClock('real');
    const before = Date.now();
    clock.advance(3_600_000);
    expect(clock.nowMs() - before).toBeGreaterThanOrEqual(3_600_000);
    clock.stop();
  });
});
