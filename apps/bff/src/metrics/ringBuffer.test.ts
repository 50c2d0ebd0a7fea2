import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ringBuffer.ts';

describe('RingBuffer (metrics history)', () => {
  it('keeps the newest `capacity` points, oldest first, after wrapping around', () => {
    const ring = new RingBuffer(3);
    for (let i = 1; i <= 5; i++) ring.push(i * 1000, i * 10);
    expect(ring.size).toBe(3);
    expect(ring.since(0)).toEqual([
      [3000, 30],
      [4000, 40],
      [5000, 50],
    ]);
    expect(ring.latest()).toEqual([5000, 50]);
  });

  it('returns only points at or after the range start', () => {
    const ring = new RingBuffer(10);
    for (let i = 1; i <= 6; i++) ring.push(i * 1000, i);
    expect(ring.since(4000).map((p) => p[1])).toEqual([4, 5, 6]);
    expect(ring.since(7000)).toEqual([]);
  });

  it('replaces the last point when a point is not newer (a repeated scrape)', () => {
    const ring = new RingBuffer(4);
    ring.push(1000, 1);
    ring.push(2000, 2);
    ring.push(2000, 3);
    expect(ring.since(0)).toEqual([
      [1000, 1],
      [2000, 3],
    ]);
  });

  it('holds one hour at 15 s (241 points) and forgets the 242nd oldest', () => {
    const ring = new RingBuffer(Math.ceil(3600 / 15) + 1);
    for (let i = 0; i <= 300; i++) ring.push(i * 15_000, i);
    const points = ring.since(0);
    expect(points).toHaveLength(241);
    expect(points[0]).toEqual([60 * 15_000, 60]);
  });

  it('is empty at first and refuses a capacity that is not a positive integer', () => {
    expect(new RingBuffer(2).latest()).toBeUndefined();
    expect(() => new RingBuffer(0)).toThrow(/positive integer/);
    expect(() => new RingBuffer(1.5)).toThrow(/positive integer/);
  });
});
