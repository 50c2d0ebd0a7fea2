/**
 * The endpoints controller (SV5): for every Service with a selector, an Endpoints object of the
 * same name lists the matching pods that have an IP: Ready pods under `addresses`, the others
 * under `notReadyAddresses`, with the Service's ports resolved against each pod (a numeric
 * targetPort as is, a named one through the pod's container ports; a pod lacking the named port
 * is left out of that port's subset). Pods that finished (Succeeded/Failed) or are being deleted
 * are not listed. Services without a selector keep hand-written Endpoints untouched.
 */
import { findKindByResource, type KindDescriptor } from '@cci/model';
import type { KubeObject } from '../store/types.ts';
import { timestamp } from '../api/metadata.ts';
import { serviceKind } from './clusterIps.ts';
import { objectKey, splitKey, type Controller, type ControllerContext } from './runtime.ts';
import { sameData } from './statusWrite.ts';

export const endpointsKind = findKindByResource('', 'v1', 'endpoints') as KindDescriptor;
const podKind = findKindByResource('', 'v1', 'pods') as KindDescriptor;

/** Marks Endpoints this controller manages (upstream writes the same annotation). */
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
}
interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
}
interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

interface ServicePort {
  name?: unknown;
  port?: unknown;
  protocol?: unknown;
  targetPort?: unknown;
}
interface ContainerPort {
  name?: unknown;
  containerPort?: unknown;
  protocol?: unknown;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export function selectorMatches(
  selector: Record<string, unknown>,
  labels: Record<string, string>,
): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

export function isPodReady(pod: KubeObject): boolean {
  const conditions = record(pod['status'])['conditions'];
  return (
    Array.isArray(conditions) &&
    conditions.some((c) => record(c)['type'] === 'Ready' && record(c)['status'] === 'True')
  );
}

/** The pod port a Service port sends to, or undefined when a named targetPort is missing. */
export function resolveTargetPort(servicePort: ServicePort, pod: KubeObject): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (typeof target !== 'string') return undefined;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  const containers = record(pod['spec'])['containers'];
  for (const container of Array.isArray(containers) ? containers : []) {
    const ports = record(container)['ports'];
    for (const p of (Array.isArray(ports) ? ports : []) as ContainerPort[]) {
      if (
        p.name === target &&
        (p.protocol ?? 'TCP') === protocol &&
        typeof p.containerPort === 'number'
      )
        return p.containerPort;
    }
  }
  return undefined;
}

function podIpOf(pod: KubeObject): string | undefined {
  const ip = record(pod['status'])['podIP'];
  return typeof ip === 'string' && ip !== '' ? ip : undefined;
}

function isListed(pod: KubeObject): boolean {
  const phase = record(pod['status'])['phase'];
  return (
    !pod.metadata.deletionTimestamp &&
    phase !== 'Succeeded' &&
    phase !== 'Failed' &&
    podIpOf(pod) !== undefined
  );
}

function addressOf(pod: KubeObject): EndpointAddress {
  const nodeName = record(pod['spec'])['nodeName'];
  return {
    ip: podIpOf(pod) ?? '',
    ...(typeof nodeName === 'string' && nodeName !== '' ? { nodeName } : {}),
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace ?? '',
      name: pod.metadata.name,
      uid: pod.metadata.uid ?? '',
    },
  };
}

const byIp = (a: EndpointAddress, b: EndpointAddress) =>
  a.ip.localeCompare(b.ip, 'en', { numeric: true });

/** The subsets of a Service's Endpoints: pods grouped by the ports they resolve to. */
export function endpointSubsets(
  service: KubeObject,
  pods: readonly KubeObject[],
): EndpointSubset[] {
  const spec = record(service['spec']);
  const selector = record(spec['selector']);
  const servicePorts = (Array.isArray(spec['ports']) ? spec['ports'] : []) as ServicePort[];
  const groups = new Map<
    string,
    { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }
  >();
  for (const pod of pods) {
    if (!isListed(pod) || !selectorMatches(selector, pod.metadata.labels ?? {})) continue;
    const ports: EndpointPort[] = [];
    for (const sp of servicePorts) {
      const port = resolveTargetPort(sp, pod);
      if (port === undefined) continue;
      ports.push({
        ...(typeof sp.name === 'string' && sp.name !== '' ? { name: sp.name } : {}),
        port,
        protocol: typeof sp.protocol === 'string' ? sp.protocol : 'TCP',
      });
    }
    if (servicePorts.length > 0 && ports.length === 0) continue;
    const key = JSON.stringify(ports);
    const group = groups.get(key) ?? { ports, ready: [], notReady: [] };
    (isPodReady(pod) ? group.ready : group.notReady).push(addressOf(pod));
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, g]) => ({
      ...(g.ready.length > 0 ? { addresses: g.ready.sort(byIp) } : {}),
      ...(g.notReady.length > 0 ? { notReadyAddresses: g.notReady.sort(byIp) } : {}),
      ...(g.ports.length > 0 ? { ports: g.ports } : {}),
    }));
}

function syncEndpoints(ctx: ControllerContext, namespace: string, name: string): void {
  const service = ctx.get(serviceKind, namespace, name);
  const current = ctx.get(endpointsKind, namespace, name);
  const managed = current?.metadata.annotations?.[TRIGGER_TIME_ANNOTATION] !== undefined;
  if (!service || service.metadata.deletionTimestamp) {
    if (current && managed) ctx.remove(endpointsKind, namespace, name);
    return;
  }
  const selector = record(service['spec'])['selector'];
  if (Object.keys(record(selector)).length === 0) return;

  const subsets = endpointSubsets(service, ctx.list(podKind, namespace));
  const labels = service.metadata.labels ?? {};
  if (
    current &&
    managed &&
    sameData(current['subsets'] ?? [], subsets) &&
    sameData(current.metadata.labels ?? {}, labels)
  )
    return;
  const annotations = {
    ...(current?.metadata.annotations ?? {}),
    [TRIGGER_TIME_ANNOTATION]: timestamp(ctx.clock.now()),
  };
  const metadata = { ...(current?.metadata ?? { name, namespace }), labels, annotations };
  const base: KubeObject = current ?? { apiVersion: 'v1', kind: 'Endpoints', metadata };
  const { subsets: _old, ...rest } = base;
  const next: KubeObject = { ...rest, metadata, ...(subsets.length > 0 ? { subsets } : {}) };
  if (current) ctx.update(endpointsKind, next);
  else ctx.create(endpointsKind, namespace, next);
}

export function createEndpointsController(): Controller {
  return {
    name: 'endpoints',
    watches: [
      { kind: serviceKind, keysFor: (svc) => [objectKey(svc)] },
      { kind: endpointsKind, keysFor: (ep) => [objectKey(ep)] },
      // A pod change may concern any Service of its namespace (labels can stop matching too).
      { kind: podKind, keysFor: (pod) => (pod.metadata.namespace ? [pod.metadata.namespace] : []) },
    ],
    reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      if (namespace !== undefined) {
        syncEndpoints(ctx, namespace, name);
        return;
      }
      for (const service of ctx.list(serviceKind, name))
        syncEndpoints(ctx, name, service.metadata.name);
    },
  };
}
