/** The data model of the Prometheus text exposition format 0.0.4. */

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  /**
   * The sample's own name: for histograms and summaries it may be `<family>_bucket|_sum|_count`.
   * As Prometheus ingests them, a bucket may lack `le`, a summary sample `quantile`, and a
   * histogram may hold a sample under its bare name: check the labels before reading buckets.
   */
  name: string;
  labels: Record<string, string>;
  value: number;
  /** An int64 in the text; exact up to ±2^53 ms, the nearest double beyond. */
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
