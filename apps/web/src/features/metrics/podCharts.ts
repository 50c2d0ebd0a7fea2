import {
  podLevelContainer,
  type MetricPoint,
  type PodMetricName,
  type PodMetricSeries,
  type PodMetricsResponse,
  type PodMetricUnit,
} from '@cci/model';

/** The pod details charts, in display order; each plots metrics of one unit. */
export type PodChartId =
  'cpu' | 'memory' | 'network' | 'fsIo' | 'fsUsage' | 'processes' | 'gpuDuty' | 'gpuMemory';

export interface PodChartSpec {
  id: PodChartId;
  unit: PodMetricUnit;
  metrics: readonly PodMetricName[];
  /** Which container limit the chart draws as a reference line. */
  limit?: 'cpuCores' | 'memoryBytes';
  gpuOnly?: boolean;
}

export const podChartSpecs: readonly PodChartSpec[] = [
  { id: 'cpu', unit: 'cores', metrics: ['cpu_cores'], limit: 'cpuCores' },
  {
    id: 'memory',
    unit: 'bytes',
    metrics: ['memory_working_set_bytes', 'memory_rss_bytes', 'memory_cache_bytes'],
    limit: 'memoryBytes',
  },
  {
    id: 'network',
    unit: 'bytes/s',
    metrics: ['network_rx_bytes_per_second', 'network_tx_bytes_per_second'],
  },
  {
    id: 'fsIo',
    unit: 'bytes/s',
    metrics: ['fs_read_bytes_per_second', 'fs_write_bytes_per_second'],
  },
  { id: 'fsUsage', unit: 'bytes', metrics: ['fs_usage_bytes'] },
  { id: 'processes', unit: 'count', metrics: ['processes', 'threads', 'file_descriptors'] },
  { id: 'gpuDuty', unit: 'percent', metrics: ['gpu_duty_cycle'], gpuOnly: true },
  // The cards' total memory is drawn as a line: it is a reading (per card), not a spec limit.
  {
    id: 'gpuMemory',
    unit: 'bytes',
    metrics: ['gpu_memory_used_bytes', 'gpu_memory_total_bytes'],
    gpuOnly: true,
  },
];

/** Per container (one line each) or summed over the pod's containers. */
export type Aggregation = 'containers' | 'sum';

export interface ChartLine {
  /** Row property; index-based because recharts reads dotted data keys as paths. */
  key: string;
  metric: PodMetricName;
  /** Container name; '' for a pod-wide or summed line. */
  container: string;
}

export interface ChartLimit {
  container: string;
  value: number;
}

export interface ChartData {
  lines: ChartLine[];
  /** One row per timestamp, oldest first: `{ t, s0, s1, ... }`. */
  rows: Array<Record<string, number>>;
  limits: ChartLimit[];
  /** Epoch ms of the newest point, 0 when there is none. */
  lastMs: number;
}

export function chartsFor(response: Pick<PodMetricsResponse, 'gpu'>): PodChartSpec[] {
  return podChartSpecs.filter((spec) => !spec.gpuOnly || response.gpu);
}

/** Adds points of several series that share timestamps (one scrape samples every container). */
export function sumPoints(series: readonly (readonly MetricPoint[])[]): MetricPoint[] {
  const byTime = new Map<number, number>();
  for (const points of series) {
    for (const [t, v] of points) byTime.set(t, (byTime.get(t) ?? 0) + v);
  }
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]);
}

/**
 * The lines of one metric. Container series are preferred (they add up to what the limits
 * bound); pod-wide series serve metrics that only exist per pod (network: containers share the
 * pod's network namespace).
 */
function linesOfMetric(
  series: readonly PodMetricSeries[],
  metric: PodMetricName,
  aggregation: Aggregation,
): Array<{ container: string; points: MetricPoint[] }> {
  const ofMetric = series.filter((s) => s.metric === metric);
  const perContainer = ofMetric.filter((s) => s.container !== podLevelContainer);
  if (perContainer.length === 0) {
    return ofMetric.map((s) => ({ container: podLevelContainer, points: s.points }));
  }
  if (aggregation === 'containers') {
    return perContainer.map((s) => ({ container: s.container, points: s.points }));
  }
  return [{ container: podLevelContainer, points: sumPoints(perContainer.map((s) => s.points)) }];
}

function limitsOf(
  response: Pick<PodMetricsResponse, 'containers' | 'limits'>,
  which: NonNullable<PodChartSpec['limit']>,
  aggregation: Aggregation,
): ChartLimit[] {
  const values = response.containers.map((c) => ({
    container: c,
    value: response.limits[c]?.[which],
  }));
  const known = values.filter((v): v is ChartLimit => v.value !== undefined && v.value > 0);
  if (aggregation === 'containers') return known;
  // A sum is only a bound when every container has one.
  if (known.length === 0 || known.length !== values.length) return [];
  return [{ container: podLevelContainer, value: known.reduce((s, v) => s + v.value, 0) }];
}

export function buildChartData(
  response: Pick<PodMetricsResponse, 'series' | 'containers' | 'limits'>,
  spec: PodChartSpec,
  aggregation: Aggregation,
): ChartData {
  const lines: ChartLine[] = [];
  const rowsByTime = new Map<number, Record<string, number>>();
  for (const metric of spec.metrics) {
    for (const { container, points } of linesOfMetric(response.series, metric, aggregation)) {
      const key = `s${lines.length}`;
      lines.push({ key, metric, container });
      for (const [t, v] of points) {
        const row = rowsByTime.get(t) ?? { t };
        row[key] = v;
        rowsByTime.set(t, row);
      }
    }
  }
  const rows = [...rowsByTime.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  const limits = spec.limit ? limitsOf(response, spec.limit, aggregation) : [];
  return { lines, rows, limits, lastMs: rows.at(-1)?.['t'] ?? 0 };
}
