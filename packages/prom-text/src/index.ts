export type { MetricFamily, MetricType, ParseError, ParseResult, Sample } from './types.ts';
export { parsePrometheusText } from './parsePrometheusText.ts';
export { escapeHelp, escapeLabelValue } from './escapes.ts';
