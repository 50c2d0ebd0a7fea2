import { isIP } from 'node:net';
import {
  type ContainerLimits,
  enableMetricsAnnotation,
  isDns1123Label,
  isDns1123Subdomain,
  metricsPortAnnotation,
  parseQuantity,
  tlsReferenceAnnotations,
} from '@cci/model';

/** Rule M1's default port; M2's certificate reference turns the exporter to HTTPS. */
export const DEFAULT_METRICS_PORT = 19100;

/**
 * Where a pod's exporter listens. Built ONLY by podFacts() from a Pod object the BFF read with
 * the viewing user's own credentials: nothing a browser sends reaches an address, port or path.
 */
export interface ScrapeTarget {
  namespace: string;
  pod: string;
  podIP: string;
  port: number;
  tls: boolean;
}

export type PodFacts = {
  namespace: string;
  name: string;
  uid: string;
  containers: string[];
  limits: Record<string, ContainerLimits>;
  gpu: boolean;
} & (
  | { kind: 'scrapable'; target: ScrapeTarget }
  | { kind: 'metrics-off' | 'not-running' | 'bad-annotation'; message: string }
);

interface PodObject {
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    annotations?: Record<string, string>;
  };
  spec?: { containers?: { name?: string; resources?: { limits?: Record<string, string> } }[] };
  status?: { phase?: string; podIP?: string };
}

/** A limit in base units (cores, bytes); a negative one is no limit (the API refuses them). */
function limitQuantity(q: string): number | undefined {
  const value = parseQuantity(q);
  return value !== undefined && value >= 0 ? value : undefined;
}

export function podFacts(object: unknown, expected: { namespace: string; name: string }): PodFacts {
  const pod = object as PodObject;
  const namespace = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  // The object must be the pod asked for; the names then go into a path, so they are checked.
  if (namespace !== expected.namespace || name !== expected.name) {
    throw new Error('the API server answered with another object than the pod asked for');
  }
  if (!isDns1123Label(namespace) || !isDns1123Subdomain(name)) throw new Error('invalid pod name');
  const specContainers = pod.spec?.containers ?? [];
  const containers = specContainers.map((c) => c.name ?? '').filter((n) => n !== '');
  const limits: Record<string, ContainerLimits> = {};
  let gpu = false;
  for (const c of specContainers) {
    if (!c.name) continue;
    const l = c.resources?.limits ?? {};
    const cpu = l['cpu'] === undefined ? undefined : limitQuantity(l['cpu']);
    const memory = l['memory'] === undefined ? undefined : limitQuantity(l['memory']);
    limits[c.name] = {
      ...(cpu !== undefined ? { cpuCores: cpu } : {}),
      ...(memory !== undefined ? { memoryBytes: memory } : {}),
    };
    if (Object.keys(l).some((k) => k.startsWith('nvidia.com/gpu'))) gpu = true;
  }
  const base = { namespace, name, uid: pod.metadata?.uid ?? '', containers, limits, gpu };
  const annotations = pod.metadata?.annotations ?? {};

  const enable = annotations[enableMetricsAnnotation];
  if (enable !== undefined && enable.trim().toLowerCase() === 'false') {
    return {
      ...base,
      kind: 'metrics-off',
      message: `${enableMetricsAnnotation} is "false" (rule M1)`,
    };
  }
  const rawPort = annotations[metricsPortAnnotation];
  const port = rawPort === undefined ? DEFAULT_METRICS_PORT : Number(rawPort.trim());
  if (!Number.isInteger(port) || port < 1 || port > 65535 || !/^\s*\d+\s*$/.test(rawPort ?? '1')) {
    return {
      ...base,
      kind: 'bad-annotation',
      message: `${metricsPortAnnotation} must be a port number between 1 and 65535 (rule M1)`,
    };
  }
  const podIP = pod.status?.podIP ?? '';
  if (pod.status?.phase !== 'Running' || isIP(podIP) === 0) {
    return {
      ...base,
      kind: 'not-running',
      message: `the pod is ${pod.status?.phase ?? 'Pending'}${podIP ? '' : ' and has no IP yet'}`,
    };
  }
  const tls = annotations[tlsReferenceAnnotations.cert] !== undefined;
  return { ...base, kind: 'scrapable', target: { namespace, pod: name, podIP, port, tls } };
}
