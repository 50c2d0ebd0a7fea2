/** The data model of the Prometheus text exposition format 0.0.4. */

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  /** The sample's own name: for histograms and summaries it may be `<family>_bucket|_sum|_count`. */
  name: string;
  labels: Record<string, string>;
  value: number;
  timestampMs?: number;
}

export interface MetricFamily {
  name: string;
  help?: string;
  type: MetricType;
  samples: Sample[];
}

/** A line the parser rejected; `line` is 1-based. Parsing goes on with the next line. */
export interface ParseError {
  line: number;
  message: string;
}

export interface ParseResult {
  families: MetricFamily[];
  errors: ParseError[];
}
