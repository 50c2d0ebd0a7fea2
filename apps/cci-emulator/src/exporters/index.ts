export { renderPodMetrics } from './renderPodMetrics.ts';
export {
  createExporterRegistry,
  DEFAULT_METRICS_PORT,
  podMetricsEnabled,
  podMetricsPort,
  type ExporterRegistryDeps,
} from './registry.ts';
export { cadvisorFamilies } from './cadvisorFamilies.ts';
export { PROMETHEUS_TEXT_CONTENT_TYPE, formatGoFloat } from './exposition.ts';
export type { PodShape } from './podShape.ts';
