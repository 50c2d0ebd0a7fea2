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

  it('a real clock follows wall time and can be jumped forward', () => {
    const clock = new EmulatorClock('real');
    const before = Date.now();
    clock.advance(3_600_000);
    expect(clock.nowMs() - before).toBeGreaterThanOrEqual(3_600_000);
    clock.stop();
  });
});
