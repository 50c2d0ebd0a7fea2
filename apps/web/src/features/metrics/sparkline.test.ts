import { describe, expect, it } from 'vitest';
import { sparklinePoints } from './sparkline.ts';

describe('sparklinePoints', () => {
  it('maps time to x and value to y, largest value at the top', () => {
    expect(
      sparklinePoints(
        [
          [1000, 0],
          [2000, 2],
          [3000, 1],
        ],
        100,
        20,
      ),
    ).toBe('0,20 50,0 100,10');
  });

  it('does not divide by zero for flat or single-point series', () => {
    expect(sparklinePoints([], 100, 20)).toBe('');
    expect(
      sparklinePoints(
        [
          [1000, 0],
          [2000, 0],
        ],
        100,
        20,
      ),
    ).toBe('0,20 100,20');
    expect(sparklinePoints([[1000, 5]], 100, 20)).toBe('0,0 100,0');
  });
});
