import { cadvisorMetricFamilies } from './cadvisorFamilies.ts';
import { renderExposition } from './exposition.ts';
import type { PodShape } from './podShape.ts';
import { podView } from './podView.ts';

/**
 * M3: the cAdvisor metric set of one pod at emulator time `atMs`, in Prometheus text format.
 * Pure and deterministic: the same pod (uid, containers, limits, start times) and the same time
 * give the same text, so benchmarks and tests can generate payloads without an emulator.
 */
export function renderPodMetrics(pod: PodShape, atMs: number): string {
  return renderExposition(cadvisorMetricFamilies(podView(pod, atMs)));
}
