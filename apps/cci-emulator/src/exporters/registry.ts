import { enableMetricsAnnotation, findKindByResource, metricsPortAnnotation } from '@cci/model';
import type { PodHttpRequest, PodHttpResponse, PodPortRegistry } from '../api/podProxy.ts';
import type { ObjectStore } from '../store/objectStore.ts';
import { PROMETHEUS_TEXT_CONTENT_TYPE } from './exposition.ts';
import type { PodShape } from './podShape.ts';
import { renderPodMetrics } from './renderPodMetrics.ts';

export const DEFAULT_METRICS_PORT = 19100;

/** M1: on unless the annotation says "false" (any case). */
export function podMetricsEnabled(pod: PodShape): boolean {
  const value = pod.metadata.annotations?.[enableMetricsAnnotation];
  return value === undefined || value.trim().toLowerCase() !== 'false';
}

/** M1: the annotated port, or 19100; an unusable value means the agent listens nowhere. */
export function podMetricsPort(pod: PodShape): number | undefined {
  const value = pod.metadata.annotations?.[metricsPortAnnotation];
  if (value === undefined) return DEFAULT_METRICS_PORT;
  if (!/^\s*\d+\s*$/.test(value)) return undefined;
  const port = Number(value);
  return port >= 1 && port <= 65535 ? port : undefined;
}

export interface ExporterRegistryDeps {
  store: ObjectStore;
  clock: { now(): Date };
}

const text = (status: number, body: string): PodHttpResponse => ({
  status,
  contentType: 'text/plain; charset=utf-8',
  body,
});

/**
 * The in-pod metrics agent (M1–M3) of every running pod, reached through the pods/proxy
 * subresource. M2: the TLS annotations only change the agent's scheme inside the VPC; the
 * emulator's proxy path always speaks plain HTTP to it, so they are not consulted here.
 */
export function createExporterRegistry(
  dependencies: ExporterRegistryDeps | (() => ExporterRegistryDeps),
): PodPortRegistry {
  const pods = findKindByResource('', 'v1', 'pods');
  if (!pods) throw new Error('the model has no pods kind');
  // A function lets a caller build the registry before the store exists (startEmulator options).
  const resolve = typeof dependencies === 'function' ? dependencies : () => dependencies;
  return {
    lookup(namespace, name, port) {
      const deps = resolve();
      const pod = deps.store.get(pods.storageKey, namespace, name) as PodShape | undefined;
      if (!pod || pod.status?.phase !== 'Running') return undefined;
      if (!podMetricsEnabled(pod) || podMetricsPort(pod) !== port) return undefined;
      return (req: PodHttpRequest) => {
        // Read again at request time: the handler may outlive the lookup by a tick.
        const current =
          (deps.store.get(pods.storageKey, namespace, name) as PodShape | undefined) ?? pod;
        if (req.path !== '/metrics') return text(404, '404 page not found\n');
        if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'Method Not Allowed\n');
        return {
          status: 200,
          contentType: PROMETHEUS_TEXT_CONTENT_TYPE,
          body: req.method === 'HEAD' ? '' : renderPodMetrics(current, deps.clock.now().getTime()),
        };
      };
    },
  };
}
