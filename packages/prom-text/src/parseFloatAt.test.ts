import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricTypeAt, metricTypeOf } from './familyRegistry.ts';
import { parseFloatAt, parseFloatToken } from './numbers.ts';

/** What the parser did before parseFloatAt: scan to the first blank, then parse that token. */
function scanThenParse(text: string, end: number): { value: number | undefined; pos: number } {
  let j = 0;
  while (j < end && text[j] !== ' ' && text[j] !== '\t') j++;
  return { value: parseFloatToken(text, 0, j), pos: j };
}

const tokenChar = fc.constantFrom('0', '1', '5', '9', '.', 'e', 'E', '+', '-', 'x', 'N', 'a', 'I');
const token = fc.array(tokenChar, { maxLength: 24 }).map((parts) => parts.join(''));
const notation = fc
  .tuple(fc.double(), fc.integer({ min: 1, max: 17 }))
  .chain(([value, precision]) =>
    fc.constantFrom(
      String(value),
      value.toPrecision(precision),
      value.toExponential(precision - 1),
      String(Math.trunc(value)),
    ),
  );
/** What may follow a value on its line: nothing, a timestamp, a line end the parser cut off. */
const after = fc.constantFrom('', ' 1700000000000', '\t12', '\n9', '\r\n', ' ', 'x 1');

describe('parseFloatAt (the value fast path) agrees with scan-then-parseFloatToken', () => {
  it.each([
    ['1.073741824e+09 1'],
    ['-0'],
    ['0.00012020499999999999'],
    ['+Inf'],
    ['NaN 12'],
    ['1e'],
    ['1e12345'],
    ['1.5x'],
    ['0x10'],
    ['-'],
    [''],
  ])('%j', (line) => {
    const at = { pos: -1 };
    const expected = scanThenParse(line, line.length);
    expect(Object.is(parseFloatAt(line, 0, line.length, at), expected.value)).toBe(true);
    expect(at.pos).toBe(expected.pos);
  });

  it('on any token and any line rest: same value (bit for bit) and same token end', () => {
    fc.assert(
      fc.property(fc.oneof(token, notation), after, (value, rest) => {
        const line = value + rest;
        // The parser passes the line's end, before any '\n' or the '\r' of a CRLF.
        const cut = line.search(/\r?\n/);
        const end = cut === -1 ? line.length : cut;
        const at = { pos: -1 };
        const expected = scanThenParse(line, end);
        return Object.is(parseFloatAt(line, 0, end, at), expected.value) && at.pos === expected.pos;
      }),
      { numRuns: 10000 },
    );
  });
});

describe('metricTypeAt', () => {
  it('matches metricTypeOf on any spelling, in place', () => {
    const spelling = fc.oneof(
      fc.constantFrom('counter', 'gauge', 'histogram', 'summary', 'untyped', 'GAUGE', 'Summary'),
      fc.string({ maxLength: 10 }),
    );
    fc.assert(
      fc.property(spelling, fc.string({ maxLength: 4 }), (type, rest) => {
        const text = `x ${type}${rest}`;
        return metricTypeAt(text, 2, 2 + type.length) === metricTypeOf(type);
      }),
      { numRuns: 3000 },
    );
  });
});
