import { parseFloatString } from './numbers.ts';
import type { MetricFamily, MetricType } from './types.ts';

/** How a sample relates to the family it was filed under. */
export const SampleRole = {
  /** Counter, gauge, untyped: the sample name is the family name. */
  plain: 0,
  /** `<histogram>_bucket`: its `le` label, if any, must be a float. */
  bucket: 1,
  /** A summary's own name: its `quantile` label, if any, must be a float. */
  quantile: 2,
  /** `<histogram|summary>_sum` or `_count`. */
  sumOrCount: 3,
  /** A histogram's bare name: kept as a plain series (Prometheus ingests it as one). */
  bareHistogram: 4,
} as const;
export type SampleRole = (typeof SampleRole)[keyof typeof SampleRole];

export interface FamilyEntry {
  family: MetricFamily;
  /** Lines of the family's HELP and TYPE (0 = none yet), for duplicate errors. */
  helpLine: number;
  typeLine: number;
}

const METRIC_TYPES: ReadonlySet<string> = new Set<MetricType>([
  'counter',
  'gauge',
  'histogram',
  'summary',
  'untyped',
]);

/** TYPE values are matched case-insensitively, as Prometheus' own parser does. */
export function metricTypeOf(token: string): MetricType | undefined {
  switch (token) {
    // Exporters write them in lower case: no lower-casing, no hashing (and no slice of the text kept).
    case 'counter':
      return 'counter';
    case 'gauge':
      return 'gauge';
    case 'histogram':
      return 'histogram';
    case 'summary':
      return 'summary';
    case 'untyped':
      return 'untyped';
  }
  const lower = token.toLowerCase();
  return METRIC_TYPES.has(lower) ? (lower as MetricType) : undefined;
}

const LOWER_CASE_TYPES: readonly MetricType[] = [
  'counter',
  'gauge',
  'histogram',
  'summary',
  'untyped',
];

/** metricTypeOf(text.slice(start, end)), without the slice for the lower-case spellings exporters write. */
export function metricTypeAt(text: string, start: number, end: number): MetricType | undefined {
  for (const type of LOWER_CASE_TYPES)
    if (end - start === type.length && text.startsWith(type, start)) return type;
  return metricTypeOf(text.slice(start, end));
}

/**
 * Families by name, in order of first appearance. Histogram and summary samples
 * (`_bucket`, `_sum`, `_count`, quantiles) are filed under their family when a family of that
 * name has been declared with the matching TYPE; otherwise a sample name is its own family.
 */
export class FamilyRegistry {
  private readonly byName = new Map<string, FamilyEntry>();
  private readonly ordered: FamilyEntry[] = [];
  /** The role of the sample name last passed to `resolve`. */
  role: SampleRole = SampleRole.plain;
  /**
   * The entry last returned by `entry`. A family's HELP, TYPE and first sample name it in turn,
   * and comparing with the last name is cheaper than hashing a fresh string for the map (an
   * entry, once created, stays the one for its name).
   */
  private lastEntry: FamilyEntry | undefined;

  entry(name: string): FamilyEntry {
    const last = this.lastEntry;
    if (last !== undefined && last.family.name === name) return last;
    let entry = this.byName.get(name);
    if (entry === undefined) {
      entry = { family: { name, type: 'untyped', samples: [] }, helpLine: 0, typeLine: 0 };
      this.byName.set(name, entry);
      this.ordered.push(entry);
    }
    this.lastEntry = entry;
    return entry;
  }

  /** The family a sample named `name` belongs to (created untyped if new); sets `role`. */
  resolve(name: string): FamilyEntry {
    const base = suffixBase(name);
    // A name with a HELP or TYPE line of its own (`# HELP h_count` before `# TYPE h histogram`)
    // is its own family, as in Prometheus' expfmt parser (which looks the exact name up first).
    if (base !== undefined && !this.isDeclared(name)) {
      const parent = this.byName.get(base);
      const type = parent?.family.type;
      if (parent !== undefined && (type === 'histogram' || type === 'summary')) {
        const isBucket = name.length - base.length === 7; // '_bucket'
        if (!isBucket || type === 'histogram') {
          this.role = isBucket ? SampleRole.bucket : SampleRole.sumOrCount;
          return parent;
        }
      }
    }
    const entry = this.entry(name);
    const type = entry.family.type;
    this.role =
      type === 'summary'
        ? SampleRole.quantile
        : type === 'histogram'
          ? SampleRole.bareHistogram
          : SampleRole.plain;
    return entry;
  }

  private isDeclared(name: string): boolean {
    const own = this.byName.get(name);
    return own !== undefined && (own.helpLine !== 0 || own.typeLine !== 0);
  }

  /** Families with at least one sample (declared-only families are dropped, as Prometheus does). */
  families(): MetricFamily[] {
    const out: MetricFamily[] = [];
    for (const entry of this.ordered) if (entry.family.samples.length > 0) out.push(entry.family);
    return out;
  }
}

function suffixBase(name: string): string | undefined {
  const last = name.charCodeAt(name.length - 1);
  if (last !== 116 && last !== 109) return undefined; // 't' of _bucket/_count, 'm' of _sum
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (name.length > suffix.length && name.endsWith(suffix))
      return name.slice(0, name.length - suffix.length);
  }
  return undefined;
}

/**
 * An `le` or `quantile` label, when there is one, must be a float (promtool rejects the scrape
 * otherwise). A bucket without `le`, a summary sample without `quantile` and a histogram's bare
 * name are ingested by Prometheus as plain series, so they are kept as they are.
 */
export function checkRole(
  role: SampleRole,
  family: string,
  labels: Record<string, string>,
): string | undefined {
  const label = role === SampleRole.bucket ? 'le' : 'quantile';
  if (!Object.hasOwn(labels, label)) return undefined;
  const raw = labels[label] as string;
  if (parseFloatString(raw) !== undefined) return undefined;
  const sampleName = role === SampleRole.bucket ? `${family}_bucket` : family;
  return `${sampleName}: "${label}" must be a float, got "${raw.slice(0, 40)}"`;
}
