import { describe, expect, it } from 'vitest';
import { humanDuration, timestampAge } from './humanDuration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration (kubectl AGE)', () => {
  it.each([
    [-3 * s, '<invalid>'],
    [-1.5 * s, '0s'],
    [0, '0s'],
    [999, '0s'],
    [23 * s, '23s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 30 * s, '2m30s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [39 * m, '39m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [5 * h + 10 * m, '5h10m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h + 30 * m, '8h'],
    [47 * h, '47h'],
    [2 * d, '2d'],
    [3 * d + 4 * h, '3d4h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d + 5 * h, '8d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [760 * d, '2y30d'],
    [8 * 365 * d + 3 * d, '8y'],
  ])('%d ms -> %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });

  it('ages timestamps and marks missing ones unknown', () => {
    const now = new Date('2024-05-01T12:00:00Z');
    expect(timestampAge('2024-05-01T11:21:00Z', now)).toBe('39m');
    expect(timestampAge('2024-05-01T11:59:59.123456Z', now)).toBe('0s');
    expect(timestampAge(undefined, now)).toBe('<unknown>');
    expect(timestampAge('not a time', now)).toBe('<unknown>');
  });
});
