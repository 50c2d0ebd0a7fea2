/**
 * Services (SV1-SV4). Two controllers:
 * - the service controller gives a Service without a ClusterIP one (normally admission did it,
 *   see clusterIps.ts) and a LoadBalancer Service its ELB address in
 *   `status.loadBalancer.ingress[0].ip`: the `kubernetes.io/elb.ip` annotation when set, else
 *   `spec.loadBalancerIP`, else the address already given to another Service on the same ELB
 *   (`kubernetes.io/elb.id`), else a free address of the documentation range 192.0.2.0/24
 *   (never routable, so nobody mistakes it for a real ELB);
 * - the kube-dns controller keeps a `kube-dns` Service in every namespace (SV3), created with the
 *   namespace and re-created if deleted, as CCI does for its reserved DNS Service.
 */
import { findKindByResource, type KindDescriptor } from '@cci/model';
import type { KubeObject } from '../store/types.ts';
import { allocateClusterIp, ipv4ToNumber, pickFreeAddress, serviceKind } from './clusterIps.ts';
import { objectKey, splitKey, type Controller, type ControllerContext } from './runtime.ts';
import { writeStatusIfChanged } from './statusWrite.ts';

const namespaceKind = findKindByResource('', 'v1', 'namespaces') as KindDescriptor;

export const ELB_ID_ANNOTATION = 'kubernetes.io/elb.id';
export const ELB_IP_ANNOTATION = 'kubernetes.io/elb.ip';
export const KUBE_DNS = 'kube-dns';
const elbBase = ipv4ToNumber('192.0.2.0') ?? 0;

type Spec = Record<string, unknown>;

function specOf(service: KubeObject): Spec {
  const spec = service['spec'];
  return typeof spec === 'object' && spec !== null ? (spec as Spec) : {};
}

function ingressIpOf(service: KubeObject): string | undefined {
  const status = service['status'] as
    { loadBalancer?: { ingress?: { ip?: unknown }[] } } | undefined;
  const ip = status?.loadBalancer?.ingress?.[0]?.ip;
  return typeof ip === 'string' ? ip : undefined;
}

/** The ELB address a LoadBalancer Service is reached at. */
export function loadBalancerIpFor(
  service: KubeObject,
  all: readonly KubeObject[],
): string | undefined {
  const annotations = service.metadata.annotations ?? {};
  const fromAnnotation = annotations[ELB_IP_ANNOTATION];
  if (fromAnnotation) return fromAnnotation;
  const requested = specOf(service)['loadBalancerIP'];
  if (typeof requested === 'string' && requested !== '') return requested;
  const others = all.filter((s) => s.metadata.uid !== service.metadata.uid);
  const elbId = annotations[ELB_ID_ANNOTATION];
  if (elbId) {
    const sameElb = others.find(
      (s) => s.metadata.annotations?.[ELB_ID_ANNOTATION] === elbId && ingressIpOf(s),
    );
    if (sameElb) return ingressIpOf(sameElb);
  }
  const current = ingressIpOf(service);
  if (current?.startsWith('192.0.2.')) return current;
  const used = new Set(others.map(ingressIpOf).filter((ip): ip is string => ip !== undefined));
  return pickFreeAddress(
    elbBase,
    256,
    used,
    elbId ?? `${service.metadata.namespace ?? ''}/${service.metadata.name}`,
  );
}

export function createServiceController(): Controller {
  return {
    name: 'service',
    watches: [{ kind: serviceKind, keysFor: (obj) => [objectKey(obj)] }],
    reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      let service = ctx.get(serviceKind, namespace, name);
      if (!service || service.metadata.deletionTimestamp) return;
      const spec = specOf(service);
      if (spec['clusterIP'] === undefined || spec['clusterIP'] === '') {
        const ip = allocateClusterIp(ctx.list(serviceKind), namespace ?? '', name);
        if (!ip) return;
        const updated = ctx.update(serviceKind, { ...service, spec: { ...spec, clusterIP: ip } });
        if (!('metadata' in updated)) return;
        service = updated;
      }
      const status = (service['status'] ?? {}) as Record<string, unknown>;
      if (specOf(service)['type'] === 'LoadBalancer') {
        const ip = loadBalancerIpFor(service, ctx.list(serviceKind));
        writeStatusIfChanged(ctx, serviceKind, service, {
          ...status,
          loadBalancer: ip ? { ingress: [{ ip }] } : {},
        });
      } else if (status['loadBalancer'] !== undefined) {
        writeStatusIfChanged(ctx, serviceKind, service, { ...status, loadBalancer: {} });
      }
    },
  };
}

/** SV3: the DNS Service CCI reserves in every namespace. */
export function kubeDnsService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: KUBE_DNS,
      labels: { 'k8s-app': KUBE_DNS, 'kubernetes.io/name': 'CoreDNS' },
    },
    spec: {
      type: 'ClusterIP',
      selector: { 'k8s-app': KUBE_DNS },
      sessionAffinity: 'None',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      ],
    },
  };
}

function ensureKubeDns(ctx: ControllerContext, namespace: string): void {
  const ns = ctx.get(namespaceKind, undefined, namespace);
  if (!ns || ns.metadata.deletionTimestamp) return;
  if (ctx.get(serviceKind, namespace, KUBE_DNS)) return;
  const manifest = kubeDnsService();
  // Admission normally allocates; allocating here too keeps kube-dns addressed without it.
  const ip = allocateClusterIp(ctx.list(serviceKind), namespace, KUBE_DNS);
  if (ip) (manifest['spec'] as Spec)['clusterIP'] = ip;
  ctx.create(serviceKind, namespace, manifest);
}

export function createKubeDnsController(): Controller {
  return {
    name: 'kube-dns',
    watches: [
      { kind: namespaceKind, keysFor: (ns) => [ns.metadata.name] },
      {
        kind: serviceKind,
        keysFor: (svc) =>
          svc.metadata.name === KUBE_DNS && svc.metadata.namespace ? [svc.metadata.namespace] : [],
      },
    ],
    reconcile(key, ctx) {
      ensureKubeDns(ctx, key);
    },
  };
}
