import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFloatString, parseTimestampToken } from './numbers.ts';

/**
 * The fast path must agree with Number() bit for bit, including -0; a decimal that overflows a
 * double is rejected (Go's ParseFloat reports ErrRange for it).
 */
const agreesWithNumber = (token: string) => {
  const expected = Number(token);
  const ours = parseFloatString(token);
  const overflows = !Number.isFinite(expected) && !/inf/i.test(token);
  if (token === '' || Number.isNaN(expected) || overflows) return ours === undefined;
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
    ['1e-400', 0],
    ['1.7976931348623157e308', Number.MAX_VALUE],
  ])('%s', (token, expected) => {
    expect(Object.is(parseFloatString(token), expected)).toBe(true);
  });

  it.each([
    '',
    '-',
    '1e',
    '1e+',
    '.',
    'e5',
    '1.2.3',
    '--1',
    '1_000',
    ' 1',
    '1e309',
    '-1e400',
    '1.8e308',
  ])('rejects %j', (token) => {
    expect(parseFloatString(token)).toBeUndefined();
  });

  it.each([
    ['0', 0],
    ['-0', 0],
    ['+12', 12],
    ['9007199254740991', 9007199254740991],
    ['9007199254740992', 9007199254740992],
    ['9223372036854775807', 2 ** 63], // the nearest double,
    ['-9223372036854775808', -(2 ** 63)],
    ['00000000000000000000000042', 42],
    ['9223372036854775808', undefined],
    ['-9223372036854775809', undefined],
    ['99999999999999999999', undefined],
    ['12.5', undefined],
    ['-', undefined],
  ])('timestamp %s', (token, expected) => {
    expect(parseTimestampToken(token, 0, token.length)).toBe(expected);
  });
});
