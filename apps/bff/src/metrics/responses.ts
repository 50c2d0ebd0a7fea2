import type {
  MetricPoint,
  MetricsRangeSeconds,
  NamespaceTopPod,
  NamespaceTopResponse,
  PodMetricName,
  PodMetricsResponse,
  PodMetricsState,
} from '@cci/model';
import type { PodEntry } from './metricsHub.ts';

/** What a pod's scrape state means to the charts (the PodMetricsState doc in @cci/model). */
export function stateOf(entry: PodEntry): { state: PodMetricsState; message?: string } {
  const f = entry.facts;
  if (f.kind === 'metrics-off') return { state: 'metrics-off', message: f.message };
  if (f.kind === 'not-running') return { state: 'not-running', message: f.message };
  if (f.kind === 'bad-annotation') return { state: 'error', message: f.message };
  if (entry.lastError !== undefined) return { state: 'error', message: entry.lastError };
  return { state: 'ok' };
}

export function podResponse(
  entry: PodEntry,
  rangeSeconds: MetricsRangeSeconds,
  intervalSeconds: number,
  now: number,
): PodMetricsResponse {
  const f = entry.facts;
  return {
    namespace: f.namespace,
    pod: f.name,
    ...stateOf(entry),
    intervalSeconds,
    rangeSeconds,
    ...(entry.lastSuccessMs !== undefined ? { lastScrapeMs: entry.lastSuccessMs } : {}),
    containers: f.containers,
    limits: f.limits,
    gpu: f.gpu,
    series: entry.history.series(now - rangeSeconds * 1000),
  };
}

const SPARKLINE_POINTS = 30;

/** At most SPARKLINE_POINTS bucket averages: a sparkline needs a shape, not every point. */
export function downsample(points: MetricPoint[], max = SPARKLINE_POINTS): MetricPoint[] {
  if (points.length <= max) return points;
  const out: MetricPoint[] = [];
  const size = points.length / max;
  for (let b = 0; b < max; b++) {
    const bucket = points.slice(Math.floor(b * size), Math.floor((b + 1) * size));
    if (bucket.length === 0) continue;
    const avg = bucket.reduce((s, p) => s + p[1], 0) / bucket.length;
    out.push([(bucket[bucket.length - 1] as MetricPoint)[0], avg]);
  }
  return out;
}

/** Pod-wide points: the pod cgroup series, or the sum of the containers' when there is none. */
function podWide(entry: PodEntry, metric: PodMetricName, sinceMs: number): MetricPoint[] {
  const pod = entry.history.points(metric, '', sinceMs);
  if (pod.length > 0) return pod;
  const sums = new Map<number, number>();
  for (const c of entry.facts.containers) {
    for (const [t, v] of entry.history.points(metric, c, sinceMs))
      sums.set(t, (sums.get(t) ?? 0) + v);
  }
  return [...sums].sort((a, b) => a[0] - b[0]);
}

function sumLimits(entry: PodEntry, pick: 'cpuCores' | 'memoryBytes'): number | undefined {
  const values = entry.facts.containers.map((c) => entry.facts.limits[c]?.[pick]);
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  return values.reduce<number>((s, v) => s + (v as number), 0);
}

export function topRow(entry: PodEntry, sinceMs: number): NamespaceTopPod {
  const cpu = podWide(entry, 'cpu_cores', sinceMs);
  const memory = podWide(entry, 'memory_working_set_bytes', sinceMs);
  const cpuLimit = sumLimits(entry, 'cpuCores');
  const memoryLimit = sumLimits(entry, 'memoryBytes');
  const lastCpu = cpu[cpu.length - 1];
  const lastMemory = memory[memory.length - 1];
  return {
    pod: entry.facts.name,
    state: stateOf(entry).state,
    ...(lastCpu ? { cpuCores: lastCpu[1] } : {}),
    ...(lastMemory ? { memoryWorkingSetBytes: lastMemory[1] } : {}),
    ...(cpuLimit !== undefined ? { cpuLimitCores: cpuLimit } : {}),
    ...(memoryLimit !== undefined ? { memoryLimitBytes: memoryLimit } : {}),
    cpuSparkline: downsample(cpu),
    memorySparkline: downsample(memory),
  };
}

const TOP = 10;

export function topResponse(
  namespace: string,
  entries: PodEntry[],
  rangeSeconds: MetricsRangeSeconds,
  intervalSeconds: number,
  now: number,
): NamespaceTopResponse {
  const counts = { scraped: 0, metricsOff: 0, notRunning: 0, error: 0 };
  const rows = entries.map((e) => topRow(e, now - rangeSeconds * 1000));
  for (const r of rows) {
    if (r.state === 'ok') counts.scraped++;
    else if (r.state === 'metrics-off') counts.metricsOff++;
    else if (r.state === 'not-running') counts.notRunning++;
    else counts.error++;
  }
  const by = (pick: (r: NamespaceTopPod) => number | undefined) =>
    rows
      .filter((r) => pick(r) !== undefined)
      .sort((a, b) => (pick(b) as number) - (pick(a) as number) || a.pod.localeCompare(b.pod))
      .slice(0, TOP);
  return {
    namespace,
    intervalSeconds,
    rangeSeconds,
    counts,
    byCpu: by((r) => r.cpuCores),
    byMemory: by((r) => r.memoryWorkingSetBytes),
  };
}
