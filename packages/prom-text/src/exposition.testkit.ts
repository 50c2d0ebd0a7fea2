/**
 * A minimal writer of the text format for generated payloads (tests and the benchmark), written
 * the way Go's client_golang writes it, so generated payloads look like what real exporters serve.
 * Not part of the package API.
 */
import { escapeHelp, escapeLabelValue } from './escapes.ts';
import type { MetricType } from './types.ts';

export type Labels = Record<string, string>;
export type SampleRow = readonly [suffix: string, labels: Labels, value: number];

/**
 * Go's strconv.FormatFloat(v, 'g', -1, 64), what client_golang uses: the shortest digits, with an
 * exponent once the decimal exponent is below -4 or at least 6 (`1.048576e+06`, `2.4041e-05`).
 */
export function goFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return '0';
  const [mantissa = '', exp = '0'] = value.toExponential().split('e');
  const exponent = Number(exp);
  if (exponent >= -4 && exponent < 6) return String(value);
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

function renderLabels(labels: Labels): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(labels))
    parts.push(`${name}="${escapeLabelValue(value)}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

/** One family: HELP, TYPE, then a line per row (`suffix` is appended to the name: `_bucket`...). */
export function renderFamily(
  name: string,
  help: string,
  type: MetricType,
  rows: readonly SampleRow[],
): string {
  let out = `# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`;
  for (const [suffix, labels, value] of rows)
    out += `${name}${suffix}${renderLabels(labels)} ${goFloat(value)}\n`;
  return out;
}

/**
 * A deterministic pseudo-random stream (mulberry32), so payloads are the same in every run and
 * the benchmark's figures compare like with like.
 */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A counter-like value with a few decimals, as exporters' seconds and bytes counters look. */
export function counterValue(random: () => number, scale: number): number {
  return Math.round(random() * scale * 100) / 100;
}
