/**
 * A resource quantity in the canonical form the API server stores and returns
 * (resource.Quantity's String()): `1024Mi` -> `1Gi`, `0.5` -> `500m`, `1000` -> `1k`,
 * `1536Mi` stays. Binary suffixes stay binary while the value is a whole number of at least
 * 1024; anything else is written in decimal SI. Values are kept to nano precision, rounded up.
 */
const binary: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const decimal: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const decimalSuffix = new Map(Object.entries(decimal).map(([s, e]) => [e, s]));
const binarySuffix = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const PATTERN = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const NANO = 10n ** 9n;

/** The canonical text, or undefined when `text` is not a quantity (validation reports it). */
export function canonicalQuantity(text: string): string | undefined {
  const m = PATTERN.exec(text.trim());
  if (!m) return undefined;
  const [, sign = '', number = '', suffix = ''] = m;
  const [whole = '', fraction = ''] = number.split('.');
  const digits = BigInt(`${whole}${fraction}` || '0');
  let exponent10 = -fraction.length;
  let factor = 1n;
  let format: 'binary' | 'decimal' | 'exponent' = 'decimal';
  if (suffix in binary) {
    factor = 1024n ** BigInt(binary[suffix] ?? 0);
    format = 'binary';
  } else if (/^[eE]/.test(suffix)) {
    exponent10 += Number(suffix.slice(1));
    format = 'exponent';
  } else {
    exponent10 += decimal[suffix] ?? 0;
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
  const negative = sign === '-';
  if (format === 'binary' && nanos >= 1024n * NANO && nanos % NANO === 0n) {
    let value = nanos / NANO;
    let power = 0;
    while (power < 6 && value % 1024n === 0n) {
      value /= 1024n;
      power++;
    }
    return `${negative ? '-' : ''}${value}${binarySuffix[power]}`;
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
