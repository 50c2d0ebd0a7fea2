import { BINARY_SUFFIXES, DECIMAL_EXPONENTS, QUANTITY_PATTERN } from './quantity.ts';

/**
 * A resource quantity in the canonical form the API server stores and returns
 * (resource.Quantity's String()): `1024Mi` -> `1Gi`, `0.5` -> `500m`, `1000` -> `1k`,
 * `1536Mi` stays. Binary suffixes stay binary while the value is a whole number of at least
 * 1024; anything else is written in decimal SI. Values are kept to nano precision, rounded up.
 */
const decimalSuffix = new Map(Object.entries(DECIMAL_EXPONENTS).map(([s, e]) => [e, s]));
const binaryPower = new Map<string, number>(BINARY_SUFFIXES.map((s, power) => [s, power]));
const NANO = 10n ** 9n;

/** The canonical text, or undefined when `text` is not a quantity (validation reports it). */
export function canonicalQuantity(text: string): string | undefined {
  const m = QUANTITY_PATTERN.exec(text.trim());
  if (!m) return undefined;
  const [, mantissa = '', suffix, exponentText] = m;
  const negative = mantissa.startsWith('-');
  const [whole = '', fraction = ''] = mantissa.replace(/^[+-]/, '').split('.');
  const digits = BigInt(`${whole}${fraction}` || '0');
  let exponent10 = -fraction.length;
  let factor = 1n;
  let format: 'binary' | 'decimal' | 'exponent' = 'decimal';
  const power = suffix === undefined || suffix === '' ? undefined : binaryPower.get(suffix);
  if (power !== undefined) {
    factor = 1024n ** BigInt(power);
    format = 'binary';
  } else if (exponentText !== undefined) {
    exponent10 += Number(exponentText);
    format = 'exponent';
  } else {
    exponent10 += DECIMAL_EXPONENTS[suffix ?? ''] ?? 0;
  }
  // nanos = digits * factor * 10^(exponent10 + 9), rounded up (away from zero) as Go does.
  const shift = exponent10 + 9;
  let nanos: bigint;
  if (shift >= 0) nanos = digits * factor * 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    const scaled = digits * factor;
    nanos = scaled / divisor + (scaled % divisor === 0n ? 0n : 1n);
  }
  if (nanos === 0n) return '0';
  if (format === 'binary' && nanos >= 1024n * NANO && nanos % NANO === 0n) {
    let value = nanos / NANO;
    let power = 0;
    while (power < 6 && value % 1024n === 0n) {
      value /= 1024n;
      power++;
    }
    return `${negative ? '-' : ''}${value}${BINARY_SUFFIXES[power] ?? ''}`;
  }
  // Decimal: the largest exponent, a multiple of 3, that keeps the number whole.
  let exponent = -9;
  let value = nanos;
  while (exponent < 18 && value % 1000n === 0n) {
    value /= 1000n;
    exponent += 3;
  }
  const suffixText =
    format === 'exponent' ? (exponent === 0 ? '' : `e${exponent}`) : decimalSuffix.get(exponent);
  return `${negative ? '-' : ''}${value}${suffixText ?? ''}`;
}
