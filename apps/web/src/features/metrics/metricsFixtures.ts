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

/** P3: one container with two V100 16 GB cards (duty cycle averaged, memory summed by the BFF). */
export function gpuPod(overrides: Partial<PodMetricsResponse> = {}): PodMetricsResponse {
  const cards = 2 * 16160 * 2 ** 20;
  return {
    ...twoContainerPod(),
    namespace: 'gpu-lab',
    pod: 'gpu-train-5c7d8e9f0-q1w2e',
    containers: ['container-0'],
    limits: { 'container-0': { cpuCores: 4, memoryBytes: 32 * 2 ** 30 } },
    gpu: true,
    series: [
      series('cpu_cores', 'container-0', [1.1, 1.4, 1.2]),
      series('gpu_duty_cycle', 'container-0', [35, 52, 47]),
      series('gpu_memory_used_bytes', 'container-0', [9e9, 1.1e10, 1e10]),
      series('gpu_memory_total_bytes', 'container-0', [cards, cards, cards]),
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
