/**
 * Service addresses (SV3, SV4): ClusterIPs come from 10.247.0.0/16, the range CCI reserves for
 * Services. Allocation happens at admission, as on a real API server, so `kubectl create` answers
 * with the address already set; the service controller fills in any Service that slipped past
 * (created before the plugin was installed) with the same allocator.
 */
import { findKindByResource, type KindDescriptor } from '@cci/model';
import type { AdmissionPlugin } from '../api/context.ts';
import { errors } from '../http/errors.ts';
import type { KubeObject } from '../store/types.ts';

export const serviceKind = findKindByResource('', 'v1', 'services') as KindDescriptor;

export const SERVICE_CIDR = '10.247.0.0/16';
const serviceBase = ipv4ToNumber('10.247.0.0') ?? 0;
const serviceSize = 1 << 16;

export function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    n = n * 256 + octet;
  }
  return n;
}

export function numberToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** FNV-1a: a stable hash so a Service's address depends on its name, not on creation order. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Picks a free address in `size` addresses from `base`: the probe starts at a point given by
 * `seed` (so addresses look spread out like the seed's 10.247.9.190) and walks up, skipping the
 * network address, the first host (kept back as upstream keeps it for `kubernetes`) and the
 * broadcast address. The same seed and used set always give the same answer.
 */
export function pickFreeAddress(
  base: number,
  size: number,
  used: ReadonlySet<string>,
  seed: string,
): string | undefined {
  const start = stableHash(seed) % size;
  for (let i = 0; i < size; i++) {
    const offset = (start + i) % size;
    if (offset === 0 || offset === 1 || offset === size - 1) continue;
    const ip = numberToIpv4(base + offset);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}

export function isInServiceRange(ip: string): boolean {
  const n = ipv4ToNumber(ip);
  return n !== undefined && n >= serviceBase && n < serviceBase + serviceSize;
}

function clusterIpOf(service: KubeObject): string | undefined {
  const ip = (service['spec'] as { clusterIP?: unknown } | undefined)?.clusterIP;
  return typeof ip === 'string' && ip !== '' ? ip : undefined;
}

/** Every ClusterIP held by a Service, in every namespace (the range is shared). */
export function usedClusterIps(services: readonly KubeObject[]): Set<string> {
  const used = new Set<string>();
  for (const s of services) {
    const ip = clusterIpOf(s);
    if (ip && ip !== 'None') used.add(ip);
  }
  return used;
}

/** The next ClusterIP for a new Service, or undefined when the range is full. */
export function allocateClusterIp(
  services: readonly KubeObject[],
  namespace: string,
  name: string,
): string | undefined {
  return pickFreeAddress(
    serviceBase,
    serviceSize,
    usedClusterIps(services),
    `${namespace}/${name}`,
  );
}

/** SV4: the name a Service answers to inside its namespace's DNS. */
export function serviceDnsName(service: string, namespace: string): string {
  return `${service}.${namespace}.svc.cluster.local`;
}

type ServicePort = Record<string, unknown>;

/** API defaults of a Service: type, session affinity, port protocol and targetPort. */
function withServiceDefaults(spec: Record<string, unknown>): void {
  spec['type'] ??= 'ClusterIP';
  spec['sessionAffinity'] ??= 'None';
  const ports = Array.isArray(spec['ports']) ? (spec['ports'] as ServicePort[]) : [];
  for (const port of ports) {
    if (typeof port !== 'object' || port === null) continue;
    port['protocol'] ??= 'TCP';
    if (port['targetPort'] === undefined && port['port'] !== undefined)
      port['targetPort'] = port['port'];
  }
}

/**
 * Admission for Services: fills the defaults and allocates the ClusterIP on create (an address
 * asked for in spec.clusterIP is honoured when free and in range, else 422); on update the
 * address is immutable, and an update that leaves it out keeps the old one.
 */
export const serviceAdmission: AdmissionPlugin = (request) => {
  if (request.kind.storageKey !== serviceKind.storageKey || request.subresource) return;
  if (request.operation === 'DELETE') return;
  const object = structuredClone(request.object);
  const spec = (object['spec'] ??= {}) as Record<string, unknown>;
  const name = object.metadata.name;
  withServiceDefaults(spec);
  const asked = clusterIpOf(object);

  if (request.operation === 'UPDATE') {
    const old = request.oldObject ? clusterIpOf(request.oldObject) : undefined;
    if (asked === undefined && old !== undefined) spec['clusterIP'] = old;
    else if (old !== undefined && asked !== old)
      throw errors.invalid(serviceKind, name, [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.clusterIP',
          message: `Invalid value: "${asked}": field is immutable`,
        },
      ]);
    return { object };
  }

  const services = request.store.list(serviceKind.storageKey);
  if (asked === 'None') return { object };
  if (asked !== undefined) {
    if (!isInServiceRange(asked))
      throw errors.invalid(serviceKind, name, [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.clusterIP',
          message: `Invalid value: "${asked}": provided IP is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`,
        },
      ]);
    if (usedClusterIps(services).has(asked))
      throw errors.invalid(serviceKind, name, [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.clusterIP',
          message: `Invalid value: "${asked}": provided IP is already allocated`,
        },
      ]);
    return { object };
  }
  const ip = allocateClusterIp(services, request.namespace ?? '', name);
  if (!ip)
    throw errors.unavailable(
      `Internal error occurred: failed to allocate a serviceIP: range is full`,
    );
  spec['clusterIP'] = ip;
  return { object };
};
