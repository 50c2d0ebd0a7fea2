import { parsePrometheusText, type MetricFamily } from '@cci/prom-text';

/**
 * Reads an exporter's text the strict way tests need: any line @cci/prom-text rejects (bad
 * escape, malformed number, TYPE after samples...) fails the test, so the emulator can only
 * emit what Prometheus accepts. Families by name.
 */
export function parseExposition(text: string): Map<string, MetricFamily> {
  const { families, errors } = parsePrometheusText(text);
  if (errors.length > 0) {
    const listed = errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`);
    throw new Error(`the exposition has ${errors.length} invalid line(s): ${listed.join('; ')}`);
  }
  return new Map(families.map((f) => [f.name, f]));
}
