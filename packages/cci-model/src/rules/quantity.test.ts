import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuantity, parseQuantity, quantitiesEqual } from './quantity.ts';

describe('parseQuantity', () => {
  it.each([
    ['500m', 0.5],
    ['0.5', 0.5],
    ['4000m', 4],
    [4, 4],
    ['1Gi', 2 ** 30],
    ['1024Mi', 2 ** 30],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['1k', 1000],
    ['1M', 1e6],
    ['2e3', 2000],
    ['2E3', 2000],
    ['1E', 1e18],
    ['100n', 1e-7],
    ['+1', 1],
    ['.5', 0.5],
  ])('reads %s as %d', (input, expected) => {
    expect(parseQuantity(input)).toBe(expected);
  });

  it.each(['', 'abc', '1 Gi', '1gi', '1GB', 'Mi', '1.2.3', null, undefined, {}, Number.NaN])(
    'rejects %j',
    (input) => {
      expect(parseQuantity(input)).toBeUndefined();
    },
  );

  it('P1 compares millicores with decimal cores exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (millis) => {
        const a = parseQuantity(`${millis}m`);
        const b = parseQuantity(String(millis / 1000));
        return a !== undefined && b !== undefined && quantitiesEqual(a, b);
      }),
    );
  });

  it('P1 tells 250m from 500m', () => {
    expect(quantitiesEqual(parseQuantity('250m') ?? 0, parseQuantity('500m') ?? 0)).toBe(false);
  });
});

describe('formatQuantity', () => {
  it.each([
    ['cpu', 0.75, '750m'],
    ['cpu', 4, '4'],
    ['memory', 2 ** 31, '2Gi'],
    ['memory', 1536 * 2 ** 20, '1536Mi'],
    ['memory', 1000, '1000'],
    ['nvidia.com/gpu-tesla-t4', 2, '2'],
  ])('P8 shows %s %d as %s', (resource, value, expected) => {
    expect(formatQuantity(resource, value)).toBe(expected);
  });
});
