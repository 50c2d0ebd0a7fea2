/** Character classes of the text format, as a lookup table over char codes (no regex per line). */

export const NEWLINE = 10;
export const CARRIAGE_RETURN = 13;
export const SPACE = 32;
export const TAB = 9;
export const HASH = 35;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const EQUALS = 61;
export const QUOTE = 34;
export const BACKSLASH = 92;
export const COMMA = 44;

const METRIC_START = 1;
const METRIC_PART = 2;
const LABEL_START = 4;
const LABEL_PART = 8;
/** Characters that may appear in a decimal float literal: digits, sign, dot, exponent. */
const NUMERIC = 16;

const TABLE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95; // A-Z a-z _
  const digit = c >= 48 && c <= 57;
  let flags = 0;
  if (letter || c === 58) flags |= METRIC_START | METRIC_PART; // ':' only in metric names
  if (digit) flags |= METRIC_PART | LABEL_PART | NUMERIC;
  if (letter) flags |= LABEL_START | LABEL_PART;
  if (c === 43 || c === 45 || c === 46 || c === 69 || c === 101) flags |= NUMERIC; // + - . E e
  TABLE[c] = flags;
}

const has = (c: number, flag: number): boolean => c < 128 && ((TABLE[c] as number) & flag) !== 0;

export const isMetricNameStart = (c: number): boolean => has(c, METRIC_START);
export const isMetricNamePart = (c: number): boolean => has(c, METRIC_PART);
export const isLabelNameStart = (c: number): boolean => has(c, LABEL_START);
export const isLabelNamePart = (c: number): boolean => has(c, LABEL_PART);
export const isNumericChar = (c: number): boolean => has(c, NUMERIC);
export const isBlank = (c: number): boolean => c === SPACE || c === TAB;
