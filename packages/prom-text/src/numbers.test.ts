import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFloatString, parseTimestampToken } from './numbers.ts';

/** The fast path must agree with Number() bit for bit, including -0. */
const agreesWithNumber = (token: string) => {
  const expected = Number(token);
  const ours = parseFloatString(token);
  if (token === '' || Number.isNaN(expected)) return ours === undefined;
  return Object.is(ours, expected);
};

describe('float and timestamp tokens', () => {
  it('any token of digits, dots, signs and exponents reads as Number() reads it (or fails)', () => {
    const token = fc
      .array(fc.constantFrom('0', '1', '5', '9', '.', 'e', 'E', '+', '-'), { maxLength: 24 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(token, agreesWithNumber), { numRuns: 5000 });
  });

  it('every double, in every notation an exporter may print, reads back exactly', () => {
    const notations = fc.tuple(fc.double({ noNaN: true }), fc.integer({ min: 1, max: 17 }));
    fc.assert(
      fc.property(notations, ([value, precision]) =>
        [String(value), value.toPrecision(precision), value.toExponential(precision - 1)].every(
          agreesWithNumber,
        ),
      ),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['1.073741824e+09', 1073741824],
    ['-0', -0],
    ['0.1', 0.1],
    ['123456789012345', 123456789012345],
    ['1234567890123456789', Number('1234567890123456789')],
    ['1e22', 1e22],
    ['1e23', 1e23],
    ['4.9e-324', 5e-324],
    ['1e400', Infinity],
  ])('%s', (token, expected) => {
    expect(Object.is(parseFloatString(token), expected)).toBe(true);
  });

  it.each(['', '-', '1e', '1e+', '.', 'e5', '1.2.3', '--1', '1_000', ' 1'])(
    'rejects %j',
    (token) => {
      expect(parseFloatString(token)).toBeUndefined();
    },
  );

  it.each([
    ['0', 0],
    ['-0', 0],
    ['+12', 12],
    ['9007199254740991', 9007199254740991],
    ['9007199254740992', undefined],
    ['12.5', undefined],
    ['-', undefined],
  ])('timestamp %s', (token, expected) => {
    expect(parseTimestampToken(token, 0, token.length)).toBe(expected);
  });
});
