import { isBlank, isNumericChar } from './chars.ts';

/**
 * Go's strconv.ParseFloat (what Prometheus uses) also spells infinities and NaN in any case, with
 * an optional sign on the infinities; these are the spellings beyond plain decimals.
 */
const SPECIAL_FLOATS = new Map<string, number>([
  ['nan', NaN],
  ['inf', Infinity],
  ['+inf', Infinity],
  ['-inf', -Infinity],
  ['infinity', Infinity],
  ['+infinity', Infinity],
  ['-infinity', -Infinity],
]);

/** Powers of ten that are exact doubles (10^22 is the largest). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The float in text[start, end), or undefined when it is not one. Exporter values are short
 * decimals (`1.073741824e+09`, `0.25`, `42`): with at most 15 significant digits and a decimal
 * exponent within ±22, both the digits and the power of ten are exact doubles, so one
 * multiplication or division gives the correctly rounded result, exactly what Number() gives
 * (Clinger's fast path), without slicing a string. Anything else goes through Number().
 */
export function parseFloatToken(text: string, start: number, end: number): number | undefined {
  let i = start;
  const first = text.charCodeAt(i);
  const negative = first === 45; // '-'
  if (negative || first === 43) i++; // '+'
  let mantissa = 0;
  let digits = 0;
  let exponent = 0;
  let code = text.charCodeAt(i);
  while (i < end && code >= 48 && code <= 57) {
    mantissa = mantissa * 10 + (code - 48);
    digits++;
    code = text.charCodeAt(++i);
  }
  if (i < end && code === 46) {
    code = text.charCodeAt(++i);
    while (i < end && code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits++;
      exponent--;
      code = text.charCodeAt(++i);
    }
  }
  if (digits > 0 && digits <= 15 && i < end && (code === 101 || code === 69)) {
    code = text.charCodeAt(++i);
    const negativeExponent = code === 45;
    if (negativeExponent || code === 43) code = text.charCodeAt(++i);
    let power = 0;
    const powerStart = i;
    while (i < end && code >= 48 && code <= 57 && i - powerStart < 4) {
      power = power * 10 + (code - 48);
      code = text.charCodeAt(++i);
    }
    if (i === powerStart) return parseSlow(text, start, end);
    exponent += negativeExponent ? -power : power;
  }
  if (i !== end || digits === 0 || digits > 15 || exponent < -22 || exponent > 22)
    return parseSlow(text, start, end);
  const magnitude =
    exponent >= 0
      ? mantissa * (EXACT_POWERS_OF_TEN[exponent] as number)
      : mantissa / (EXACT_POWERS_OF_TEN[-exponent] as number);
  return negative ? -magnitude : magnitude;
}

/**
 * A sample's value starting at text[start], in a line ending at `end`: parseFloatToken without
 * first scanning for the token's end. The plain decimals exporters print are read in the same
 * pass that finds where they stop; `at.pos` is set to the token's end (the first blank or `end`).
 * When the token is not such a decimal, or does not stop at a blank, it is scanned and handed to
 * parseFloatToken, so the result is always parseFloatToken's for the same token.
 */
export function parseFloatAt(
  text: string,
  start: number,
  end: number,
  at: { pos: number },
): number | undefined {
  let i = start;
  let code = text.charCodeAt(i);
  const negative = code === 45; // '-'
  if (negative || code === 43) code = text.charCodeAt(++i); // '+'
  let mantissa = 0;
  let digits = 0;
  let exponent = 0;
  while (i < end && code >= 48 && code <= 57) {
    mantissa = mantissa * 10 + (code - 48);
    digits++;
    code = text.charCodeAt(++i);
  }
  if (i < end && code === 46) {
    code = text.charCodeAt(++i);
    while (i < end && code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits++;
      exponent--;
      code = text.charCodeAt(++i);
    }
  }
  if (i < end && (code === 101 || code === 69)) {
    code = text.charCodeAt(++i);
    const negativeExponent = code === 45;
    if (negativeExponent || code === 43) code = text.charCodeAt(++i);
    let power = 0;
    const powerStart = i;
    while (i < end && code >= 48 && code <= 57 && i - powerStart < 4) {
      power = power * 10 + (code - 48);
      code = text.charCodeAt(++i);
    }
    if (i === powerStart) digits = 0; // "1e": not a fast-path token
    exponent += negativeExponent ? -power : power;
  }
  if (
    (i === end || code === 32 || code === 9) &&
    digits > 0 &&
    digits <= 15 &&
    exponent >= -22 &&
    exponent <= 22
  ) {
    at.pos = i;
    const magnitude =
      exponent >= 0
        ? mantissa * (EXACT_POWERS_OF_TEN[exponent] as number)
        : mantissa / (EXACT_POWERS_OF_TEN[-exponent] as number);
    return negative ? -magnitude : magnitude;
  }
  let j = start;
  while (j < end && !isBlank(text.charCodeAt(j))) j++;
  at.pos = j;
  return parseFloatToken(text, start, j);
}

/**
 * A token made only of digits, signs, dots and exponent letters is a JS decimal literal exactly
 * when Number() does not give NaN, so Number() doubles as the validator; anything else must be a
 * special spelling. A decimal beyond the largest double (`1e309`) is rejected, not read as ±Inf:
 * Go's strconv.ParseFloat, which Prometheus uses, reports a range error for it.
 */
function parseSlow(text: string, start: number, end: number): number | undefined {
  if (start >= end) return undefined;
  if (isDecimalToken(text, start, end)) {
    const value = Number(text.slice(start, end));
    // NaN: not a literal (e.g. "1e", "+-1", "."); ±Infinity: out of a double's range.
    return value === value && value !== Infinity && value !== -Infinity ? value : undefined;
  }
  return end - start <= 9 ? SPECIAL_FLOATS.get(text.slice(start, end).toLowerCase()) : undefined;
}

function isDecimalToken(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isNumericChar(text.charCodeAt(i))) return false;
  return true;
}

/** Whether text[start, end) is a decimal literal too large for a double (ParseFloat's ErrRange). */
export function isOutOfRangeDecimal(text: string, start: number, end: number): boolean {
  if (start >= end || !isDecimalToken(text, start, end)) return false;
  const value = Number(text.slice(start, end));
  return value === Infinity || value === -Infinity;
}

/** A float in a whole string, e.g. the value of an `le` or `quantile` label. */
export function parseFloatString(value: string): number | undefined {
  return parseFloatToken(value, 0, value.length);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The millisecond timestamp in text[start, end): an int64, as Prometheus parses it
 * (strconv.ParseInt(s, 10, 64)), so the whole int64 range is accepted. It is returned as a
 * number: beyond ±2^53 ms (year ±285,000) that is the nearest double, not the exact integer
 * (documented in docs/architecture.md, "prom-text and the reference parsers").
 */
export function parseTimestampToken(text: string, start: number, end: number): number | undefined {
  let i = start;
  const first = text.charCodeAt(i);
  const negative = first === 45; // '-'
  if (negative || first === 43) i++; // '+'
  if (i >= end) return undefined;
  let value = 0;
  for (let k = i; k < end; k++) {
    const digit = text.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  if (value <= Number.MAX_SAFE_INTEGER) return negative && value !== 0 ? -value : value;
  // Exact range check on the digits: a double near 2^63 cannot tell 2^63 - 1 from 2^63.
  const exact = BigInt(text.slice(i, end));
  const signed = negative ? -exact : exact;
  return signed < INT64_MIN || signed > INT64_MAX ? undefined : Number(signed);
}
