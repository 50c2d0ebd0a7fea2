/**
 * Prometheus text exposition format 0.0.4, written the way Go's client library writes it (the
 * library cAdvisor uses): families sorted by name, labels sorted by name, floats in Go's
 * shortest `%g` form (1.073741824e+09), optional millisecond timestamps.
 */

export const PROMETHEUS_TEXT_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type MetricType = 'counter' | 'gauge';

export interface Sample {
  labels: Record<string, string>;
  value: number;
  timestampMs?: number | undefined;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: MetricType;
  samples: Sample[];
}

export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

const NEEDS_ESCAPE = /[\\\n"]/;

export function escapeLabelValue(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

/** strconv.FormatFloat(f, 'g', -1, 64) with expfmt's special cases. */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  // The shortest %g switches to the exponent form below 1e-4 and from 1e6 on (precision 6).
  if (exponent < -4 || exponent >= 6) {
    const digits = String(Math.abs(exponent)).padStart(2, '0');
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${digits}`;
  }
  return String(value);
}

function labelText(labels: Record<string, string>): string {
  const names = Object.keys(labels).sort();
  if (names.length === 0) return '';
  return `{${names.map((n) => `${n}="${escapeLabelValue(labels[n] ?? '')}"`).join(',')}}`;
}

/** Renders families in the order Go's registry gathers them: by name, series by label values. */
export function renderExposition(families: MetricFamily[]): string {
  const out: string[] = [];
  for (const family of [...families].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (family.samples.length === 0) continue;
    out.push(`# HELP ${family.name} ${escapeHelp(family.help)}`);
    out.push(`# TYPE ${family.name} ${family.type}`);
    const lines = family.samples.map((s) => {
      const labels = labelText(s.labels);
      const ts = s.timestampMs !== undefined ? ` ${Math.round(s.timestampMs)}` : '';
      return { labels, line: `${family.name}${labels} ${formatGoFloat(s.value)}${ts}` };
    });
    lines.sort((a, b) => (a.labels < b.labels ? -1 : a.labels > b.labels ? 1 : 0));
    for (const l of lines) out.push(l.line);
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
