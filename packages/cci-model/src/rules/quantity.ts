/**
 * Kubernetes resource quantities ("500m", "1Gi", "2e3", 4) as plain numbers in base units
 * (cores, bytes, devices), so rules compare 500m with 0.5 and 1Gi with 1024Mi.
 */

/** Binary suffixes by power of 1024 (index 0 is none). */
export const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;

const binarySuffixes: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** Decimal SI suffixes and their powers of ten. */
export const DECIMAL_EXPONENTS: Readonly<Record<string, number>> = {
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

/** A quantity's text: mantissa with sign, then a suffix or a decimal exponent. */
export const QUANTITY_PATTERN =
  /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

/** The value in base units, or undefined when `value` is not a quantity. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = QUANTITY_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const mantissa = match[1] ?? '';
  const suffix = match[2];
  const exponent = match[3];
  if (suffix !== undefined && suffix in binarySuffixes) {
    return Number(mantissa) * (binarySuffixes[suffix] ?? 1);
  }
  // Decimal scaling goes through the string form so that "100m" and "0.1" give the same double.
  const power = exponent !== undefined ? Number(exponent) : (DECIMAL_EXPONENTS[suffix ?? ''] ?? 0);
  return Number(`${mantissa}e${power}`);
}

/** Equal up to floating-point noise (quantities are exact decimals or binary multiples). */
export function quantitiesEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A short human form: cpu as cores or millicores, memory with the largest exact binary unit. */
export function formatQuantity(resource: string, value: number): string {
  if (resource === 'cpu') {
    if (Number.isInteger(value)) return String(value);
    const millis = Math.round(value * 1000);
    return quantitiesEqual(millis / 1000, value) ? `${millis}m` : String(value);
  }
  if (resource === 'memory' || resource.endsWith('storage')) {
    for (const unit of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
      const size = binarySuffixes[unit] ?? 1;
      if (value >= size && Number.isInteger(value / size)) return `${value / size}${unit}`;
    }
  }
  return String(value);
}

/** Shows a quantity as the user wrote it (numbers and strings alike). */
export function quantityText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : JSON.stringify(value);
}
