import type { PodMetricName } from '@cci/model';
import type { MetricFamily } from '@cci/prom-text';

/**
 * Which cAdvisor family (rule M3) feeds which chart metric. Counters become per-second rates
 * later (rates.ts); gauges are plotted as read. Series of the same container are combined over
 * the labels the charts do not show (interfaces, devices, GPUs).
 */
interface Source {
  metric: PodMetricName;
  family: string;
  kind: 'gauge' | 'counter';
  combine: 'sum' | 'avg';
  /** Which series count (cpuTotal); all when absent. */
  keep?: (labels: Record<string, string>) => boolean;
}

function gauge(metric: PodMetricName, family: string, combine: Source['combine'] = 'sum'): Source {
  return { metric, family, kind: 'gauge', combine };
}

function counter(metric: PodMetricName, family: string, keep?: Source['keep']): Source {
  return { metric, family, kind: 'counter', combine: 'sum', ...(keep ? { keep } : {}) };
}

/** Only CPU usage has per-CPU series in some cAdvisor versions; `cpu="total"` is the sum. */
const cpuTotal = (labels: Record<string, string>) => (labels['cpu'] ?? 'total') === 'total';

const sources: readonly Source[] = [
  counter('cpu_cores', 'container_cpu_usage_seconds_total', cpuTotal),
  gauge('memory_working_set_bytes', 'container_memory_working_set_bytes'),
  gauge('memory_rss_bytes', 'container_memory_rss'),
  gauge('memory_cache_bytes', 'container_memory_cache'),
  counter('network_rx_bytes_per_second', 'container_network_receive_bytes_total'),
  counter('network_tx_bytes_per_second', 'container_network_transmit_bytes_total'),
  counter('fs_read_bytes_per_second', 'container_fs_reads_bytes_total'),
  counter('fs_write_bytes_per_second', 'container_fs_writes_bytes_total'),
  gauge('fs_usage_bytes', 'container_fs_usage_bytes'),
  gauge('processes', 'container_processes'),
  gauge('threads', 'container_threads'),
  gauge('file_descriptors', 'container_file_descriptors'),
  gauge('gpu_duty_cycle', 'container_accelerator_duty_cycle', 'avg'),
  gauge('gpu_memory_used_bytes', 'container_accelerator_memory_used_bytes'),
  gauge('gpu_memory_total_bytes', 'container_accelerator_memory_total_bytes'),
];

export interface Reading {
  metric: PodMetricName;
  /** Container name; '' is the pod cgroup (pod-wide totals, the network). */
  container: string;
  kind: 'gauge' | 'counter';
  value: number;
  /** The exporter's own sample time, when it gave one (rates use it: exact spacing). */
  timestampMs?: number;
}

/**
 * The readings of one scrape of one pod's exporter. Samples of another pod or namespace (a
 * misconfigured exporter) and kubelet's pause container (`POD`) are ignored.
 */
export function extractReadings(
  families: readonly MetricFamily[],
  pod: { namespace: string; name: string },
): Reading[] {
  const byName = new Map(families.map((f) => [f.name, f]));
  const readings: Reading[] = [];
  for (const source of sources) {
    const family = byName.get(source.family);
    if (!family) continue;
    const groups = new Map<string, { sum: number; count: number; timestampMs?: number }>();
    for (const sample of family.samples) {
      const l = sample.labels;
      if (sample.name !== source.family || !Number.isFinite(sample.value)) continue;
      if (l['namespace'] !== undefined && l['namespace'] !== pod.namespace) continue;
      if (l['pod'] !== undefined && l['pod'] !== pod.name) continue;
      const container = l['container'] ?? '';
      if (container === 'POD' || (source.keep && !source.keep(l))) continue;
      const group = groups.get(container) ?? { sum: 0, count: 0 };
      group.sum += sample.value;
      group.count += 1;
      if (sample.timestampMs !== undefined) {
        group.timestampMs = Math.max(group.timestampMs ?? -Infinity, sample.timestampMs);
      }
      groups.set(container, group);
    }
    for (const [container, g] of groups) {
      readings.push({
        metric: source.metric,
        container,
        kind: source.kind,
        value: source.combine === 'avg' ? g.sum / g.count : g.sum,
        ...(g.timestampMs !== undefined ? { timestampMs: g.timestampMs } : {}),
      });
    }
  }
  return readings;
}
