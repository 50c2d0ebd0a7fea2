/**
 * The demo's configuration, storage and service objects: what the workloads of
 * demoWorkloads.ts consume (C1, C2, LG1, PV1) and how they are reached (SV1, SV2, IG1).
 */
import { base64, DEMO_NAMESPACE, type Manifest } from './demoManifest.ts';

export const APP_CONFIG = 'app-config';
export const LOGGING_CONFIG = 'cci-logging-conf';
export const DB_SECRET = 'db-credentials';
export const EVS_CLAIM = 'data-evs';
export const SFS_CLAIM = 'data-sfs';

/** The ELB the LoadBalancer Service and the Ingress share (a fake id of the tenant's VPC). */
const ELB_ID = '4c8e2f6a-1b3d-4e5f-8a7b-9c0d1e2f3a4b';

const meta = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  namespace: DEMO_NAMESPACE,
  ...extra,
});

/**
 * LG1: only an [OUTPUT] section, keys indented exactly four spaces. The broker sits in the
 * documentation range (RFC 5737): nothing ever connects to it.
 */
const outputConf = [
  '[OUTPUT]',
  '    Name kafka',
  '    Match *',
  '    Brokers 192.0.2.10:9092',
  '    Topics fluent-bit',
  '',
].join('\n');

/** C1, C2, LG1: a plain ConfigMap, a log collection ConfigMap and an Opaque Secret. */
export function demoConfigs(): Manifest[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta(APP_CONFIG, { labels: { app: 'nginx' } }),
      data: { APP_MODE: 'demo', LOG_LEVEL: 'info', WELCOME_MESSAGE: 'Hello from CCI' },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta(LOGGING_CONFIG, { labels: { 'logconf.k8s.io/discovery': 'true' } }),
      data: { 'output.conf': outputConf },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(DB_SECRET, { labels: { app: 'redis' } }),
      type: 'Opaque',
      data: { username: base64('demo'), password: base64('redis-demo-password') },
    },
  ];
}

/** PV1: an EVS disk (ssd) for redis and an SFS share (nfs-rw) the nginx replicas share. */
export function demoClaims(): Manifest[] {
  const claim = (name: string, storageClassName: string, accessMode: string): Manifest => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta(name),
    spec: {
      accessModes: [accessMode],
      resources: { requests: { storage: '10Gi' } },
      storageClassName,
    },
  });
  return [claim(EVS_CLAIM, 'ssd', 'ReadWriteOnce'), claim(SFS_CLAIM, 'nfs-rw', 'ReadWriteMany')];
}

/** SV1, SV2, IG1: nginx inside the namespace, through an ELB, and behind an Ingress. */
export function demoServices(): Manifest[] {
  const port = (port: number) => ({ name: 'service0', port, targetPort: 80, protocol: 'TCP' });
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('nginx', { labels: { app: 'nginx' } }),
      spec: { type: 'ClusterIP', selector: { app: 'nginx' }, ports: [port(8080)] },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('nginx-lb', {
        labels: { app: 'nginx' },
        annotations: { 'kubernetes.io/elb.id': ELB_ID },
      }),
      spec: { type: 'LoadBalancer', selector: { app: 'nginx' }, ports: [port(80)] },
    },
    {
      apiVersion: 'extensions/v1beta1',
      kind: 'Ingress',
      metadata: meta('nginx', {
        labels: { app: 'nginx', isExternal: 'true', zone: 'data' },
        annotations: { 'kubernetes.io/elb.id': ELB_ID, 'kubernetes.io/elb.port': '8080' },
      }),
      spec: {
        rules: [
          {
            http: {
              paths: [{ path: '/', backend: { serviceName: 'nginx', servicePort: 8080 } }],
            },
          },
        ],
      },
    },
  ];
}
