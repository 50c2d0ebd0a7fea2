import { isIP } from 'node:net';
import {
  enableMetricsAnnotation,
  metricsPortAnnotation,
  tlsReferenceAnnotations,
  type ContainerLimits,
} from '@cci/model';

/** Rule M1's default port; M2's certificate reference turns the exporter to HTTPS. */
export const DEFAULT_METRICS_PORT = 19100;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const isNamespaceName = (s: string) => s.length <= 63 && DNS_LABEL.test(s);
export const isPodName = (s: string) => s.length <= 253 && DNS_SUBDOMAIN.test(s);

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

/** CPU in cores and memory in bytes from Kubernetes quantities ("500m", "2Gi", "1e9"). */
export function parseQuantity(q: string): number | undefined {
  const m = /^([+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(q.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return undefined;
  const factors: Record<string, number> = {
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
  };
  return n * (m[2] ? (factors[m[2]] as number) : 1);
}

export function podFacts(object: unknown, expected: { namespace: string; name: string }): PodFacts {
  const pod = object as PodObject;
  const namespace = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  // The object must be the pod asked for; the names then go into a path, so they are checked.
  if (namespace !== expected.namespace || name !== expected.name) {
    throw new Error('the API server answered with another object than the pod asked for');
  }
  if (!isNamespaceName(namespace) || !isPodName(name)) throw new Error('invalid pod name');
  const specContainers = pod.spec?.containers ?? [];
  const containers = specContainers.map((c) => c.name ?? '').filter((n) => n !== '');
  const limits: Record<string, ContainerLimits> = {};
  let gpu = false;
  for (const c of specContainers) {
    if (!c.name) continue;
    const l = c.resources?.limits ?? {};
    const cpu = l['cpu'] === undefined ? undefined : parseQuantity(l['cpu']);
    const memory = l['memory'] === undefined ? undefined : parseQuantity(l['memory']);
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
