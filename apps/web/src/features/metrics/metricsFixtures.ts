import type { NamespaceTopResponse, PodMetricSeries, PodMetricsResponse } from '@cci/model';
import { podMetricUnits } from '@cci/model';

/** Test fixtures shaped like the BFF's answers (only tests import this module). */
export const T0 = Date.parse('2026-01-01T00:00:00Z');
const step = 5_000;

export function series(
  metric: PodMetricSeries['metric'],
  container: string,
  values: number[],
): PodMetricSeries {
  return {
    metric,
    container,
    unit: podMetricUnits[metric],
    points: values.map((v, i) => [T0 + i * step, v]),
  };
}

/** Two containers (app with limits, sidecar without a memory limit) plus pod-wide network. */
export function twoContainerPod(overrides: Partial<PodMetricsResponse> = {}): PodMetricsResponse {
  return {
    namespace: 'demo',
    pod: 'nginx-7d9f8c6b5-x2k4p',
    state: 'ok',
    intervalSeconds: 5,
    rangeSeconds: 300,
    lastScrapeMs: T0 + 2 * step,
    containers: ['app', 'sidecar'],
    limits: { app: { cpuCores: 0.5, memoryBytes: 2 ** 30 }, sidecar: { cpuCores: 0.25 } },
    gpu: false,
    series: [
      series('cpu_cores', 'app', [0.1, 0.2, 0.3]),
      series('cpu_cores', 'sidecar', [0.01, 0.02, 0.03]),
      series('cpu_cores', '', [0.12, 0.23, 0.34]),
      series('memory_working_set_bytes', 'app', [100, 110, 120]),
      series('memory_working_set_bytes', 'sidecar', [10, 10, 10]),
      series('network_rx_bytes_per_second', '', [1000, 2000, 1500]),
    ],
    ...overrides,
  };
}

export function namespaceTop(): NamespaceTopResponse {
  const nginx = {
    pod: 'nginx-7d9f8c6b5-x2k4p',
    state: 'ok' as const,
    cpuCores: 0.25,
    memoryWorkingSetBytes: 64 * 2 ** 20,
    cpuLimitCores: 0.5,
    memoryLimitBytes: 2 ** 30,
    cpuSparkline: series('cpu_cores', '', [0.1, 0.25]).points,
    memorySparkline: series('memory_working_set_bytes', '', [60, 64]).points,
  };
  const logDemo = {
    pod: 'log-demo-5f6d7c8b9-abcde',
    state: 'ok' as const,
    cpuCores: 0.05,
    memoryWorkingSetBytes: 128 * 2 ** 20,
    cpuSparkline: series('cpu_cores', '', [0.04, 0.05]).points,
    memorySparkline: series('memory_working_set_bytes', '', [120, 128]).points,
  };
  return {
    namespace: 'demo',
    intervalSeconds: 5,
    rangeSeconds: 900,
    counts: { scraped: 2, metricsOff: 1, notRunning: 0, error: 0 },
    byCpu: [nginx, logDemo],
    byMemory: [logDemo, nginx],
  };
}
