/**
 * Wire types of the BFF's pod metrics API (issue #8), shared by the BFF and the web charts.
 *
 * - `GET /api/metrics/namespaces/:ns/pods/:pod?range=300|900|3600` → {@link PodMetricsResponse}
 * - `GET /api/metrics/namespaces/:ns/top?range=300|900|3600` → {@link NamespaceTopResponse}
 *
 * Both need a session; errors are k8s Status JSON like every other BFF route (401 without a
 * session, 400 for a bad `range`, 403/404 when the user's own credentials cannot read the
 * namespace or pod). Series are rates already (counters → per second), so a chart just plots.
 */

/** The query values `range` accepts, in seconds (5 min, 15 min, 1 h). */
export const metricsRangesSeconds = [300, 900, 3600] as const;
export type MetricsRangeSeconds = (typeof metricsRangesSeconds)[number];
export const defaultMetricsRangeSeconds: MetricsRangeSeconds = 900;

export const podMetricNames = [
  'cpu_cores',
  'memory_working_set_bytes',
  'memory_rss_bytes',
  'memory_cache_bytes',
  'network_rx_bytes_per_second',
  'network_tx_bytes_per_second',
  'fs_read_bytes_per_second',
  'fs_write_bytes_per_second',
  'fs_usage_bytes',
  'processes',
  'threads',
  'file_descriptors',
  'gpu_duty_cycle',
  'gpu_memory_used_bytes',
  'gpu_memory_total_bytes',
] as const;
export type PodMetricName = (typeof podMetricNames)[number];

export type PodMetricUnit = 'cores' | 'bytes' | 'bytes/s' | 'count' | 'percent';

/** The unit every metric is reported in (fixed, so the web can pick axis formatters up front). */
export const podMetricUnits: Record<PodMetricName, PodMetricUnit> = {
  cpu_cores: 'cores',
  memory_working_set_bytes: 'bytes',
  memory_rss_bytes: 'bytes',
  memory_cache_bytes: 'bytes',
  network_rx_bytes_per_second: 'bytes/s',
  network_tx_bytes_per_second: 'bytes/s',
  fs_read_bytes_per_second: 'bytes/s',
  fs_write_bytes_per_second: 'bytes/s',
  fs_usage_bytes: 'bytes',
  processes: 'count',
  threads: 'count',
  file_descriptors: 'count',
  gpu_duty_cycle: 'percent',
  gpu_memory_used_bytes: 'bytes',
  gpu_memory_total_bytes: 'bytes',
};

/**
 * - `ok`: the exporter answered (series may still be short right after the first look).
 * - `metrics-off`: rule M1, `monitoring.cci.io/enable-pod-metrics: "false"`; not an error.
 * - `not-running`: the pod is not Running (no IP yet, finished, ...); older points are kept.
 * - `error`: the last scrape failed (`message` says why); older points are kept.
 */
export type PodMetricsState = 'ok' | 'metrics-off' | 'not-running' | 'error';

/** The pseudo container name of pod-wide series (the pod cgroup: network, pod totals). */
export const podLevelContainer = '';

/** One point: [epoch milliseconds, value]. */
export type MetricPoint = [number, number];

export interface PodMetricSeries {
  metric: PodMetricName;
  /** Container name, or {@link podLevelContainer} ('') for the whole pod. */
  container: string;
  unit: PodMetricUnit;
  /** Oldest first, only points inside the requested range. */
  points: MetricPoint[];
}

export interface ContainerLimits {
  cpuCores?: number;
  memoryBytes?: number;
}

export interface PodMetricsResponse {
  namespace: string;
  pod: string;
  state: PodMetricsState;
  /** Why the state is not `ok` (English; the web localizes by state). */
  message?: string;
  /** The BFF's scrape interval: the spacing of points. */
  intervalSeconds: number;
  rangeSeconds: MetricsRangeSeconds;
  /** Epoch ms of the last successful scrape, if any. */
  lastScrapeMs?: number;
  /** Container names from the pod spec, in spec order. */
  containers: string[];
  /** From `resources.limits` of each container (absent when unset). */
  limits: Record<string, ContainerLimits>;
  /** True when a container requests `nvidia.com/gpu-*` (GPU series may appear). */
  gpu: boolean;
  series: PodMetricSeries[];
}

/** One row of the namespace overview: latest values plus a short pod-wide sparkline. */
export interface NamespaceTopPod {
  pod: string;
  state: PodMetricsState;
  /** Latest pod-wide CPU in cores (absent until two scrapes have happened). */
  cpuCores?: number;
  /** Latest pod-wide working set in bytes. */
  memoryWorkingSetBytes?: number;
  /** Sum of container CPU limits, when every container has one. */
  cpuLimitCores?: number;
  memoryLimitBytes?: number;
  /** At most ~30 points across the range, oldest first. */
  cpuSparkline: MetricPoint[];
  memorySparkline: MetricPoint[];
}

export interface NamespaceTopResponse {
  namespace: string;
  intervalSeconds: number;
  rangeSeconds: MetricsRangeSeconds;
  /** Running pods scraped, pods with metrics off (M1), and pods not yet running. */
  counts: { scraped: number; metricsOff: number; notRunning: number; error: number };
  /** Top pods (at most 10) by latest CPU, highest first. */
  byCpu: NamespaceTopPod[];
  /** Top pods (at most 10) by latest working set, highest first. */
  byMemory: NamespaceTopPod[];
}

/**
 * `POST /api/metrics/sd-tokens` (session + CSRF like every mutation) → {@link SdTokenResponse}.
 * The token is shown once; Prometheus sends it as `Authorization: Bearer` to
 * `GET /api/metrics/sd/namespaces/:ns` (http_sd_configs). It is not the IAM token, is bound to
 * the session that created it and dies with it. `DELETE /api/metrics/sd-tokens` revokes it.
 */
export interface SdTokenResponse {
  token: string;
  /** Epoch ms; the session's own expiry. */
  expiresAtMs: number;
  /** Path of the SD endpoint for a namespace, with `{namespace}` to substitute. */
  sdPathTemplate: string;
}
