import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerHeap, type HeapTimer } from './timerHeap.ts';

const timer = (due: number, seq: number): HeapTimer => ({ due, seq, fn: () => {}, index: -1 });

/** The heap's order: due time, then scheduling order. */
const byDueThenSeq = (a: HeapTimer, b: HeapTimer) => a.due - b.due || a.seq - b.seq;

type Op = { kind: 'push'; due: number } | { kind: 'pop' } | { kind: 'remove'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('push' as const), due: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ kind: fc.constant('pop' as const) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
);

describe('TimerHeap', () => {
  it('pops in due order, same-due timers first in first out', () => {
    const heap = new TimerHeap();
    const timers = [timer(5, 0), timer(1, 1), timer(5, 2), timer(1, 3), timer(0, 4)];
    for (const t of timers) heap.push(t);
    const order: number[] = [];
    for (let t = heap.pop(); t; t = heap.pop()) order.push(t.seq);
    expect(order).toEqual([4, 1, 3, 0, 2]);
    expect(timers.every((t) => t.index === -1)).toBe(true);
  });

  it('removes a timer once; a popped, removed or cleared timer is no longer in it', () => {
    const heap = new TimerHeap();
    const [a, b, c] = [timer(1, 0), timer(2, 1), timer(3, 2)];
    for (const t of [a, b, c]) heap.push(t);
    expect(heap.remove(b)).toBe(true);
    expect(heap.remove(b)).toBe(false);
    expect(heap.pop()).toBe(a);
    expect(heap.remove(a)).toBe(false);
    expect(heap.size).toBe(1);
    heap.clear();
    expect(heap.remove(c)).toBe(false);
    expect(heap.size).toBe(0);
    expect(heap.peek()).toBeUndefined();
  });

  it('agrees with a sorted array under any mix of push, pop and remove', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const heap = new TimerHeap();
        let model: HeapTimer[] = [];
        const all: HeapTimer[] = [];
        let seq = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            const t = timer(o.due, seq++);
            all.push(t);
            heap.push(t);
            model = [...model, t].sort(byDueThenSeq);
          } else if (o.kind === 'pop') {
            expect(heap.pop()).toBe(model.shift());
          } else if (all.length > 0) {
            // Any timer ever pushed: some still pending, some already gone.
            const t = all[o.pick % all.length] as HeapTimer;
            expect(heap.remove(t)).toBe(model.includes(t));
            model = model.filter((m) => m !== t);
          }
          expect(heap.size).toBe(model.length);
          expect(heap.peek()).toBe(model[0]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
