/**
 * Compiled by `npm run typecheck` only: objects as the seed templates write them must satisfy
 * the generated types, and a wrong field must not.
 */
import type { Deployment, EIPPool, ImageSnapshot, ObjectOf, Pod } from './index.ts';

export const pod: ObjectOf<'Pod'> = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx', annotations: { 'yangtse.io/pod-with-eip': 'true' } },
  spec: {
    containers: [
      { name: 'c', image: 'nginx:alpine', resources: { limits: { cpu: 1, memory: '1Gi' } } },
    ],
  },
} satisfies Pod;

export const deployment: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [] } },
    strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
  },
};

export const pool: EIPPool = {
  apiVersion: 'crd.yangtse.cni/v1',
  kind: 'EIPPool',
  metadata: { name: 'eippool-demo', namespace: 'ns1' },
  spec: {
    amount: 3,
    eipAttributes: {
      networkType: '5_bgp',
      ipVersion: 4,
      bandwidth: { name: 'cci-eippool-demo1', chargeMode: 'bandwidth', shareType: 'PER', size: 5 },
    },
  },
};

export const snapshot: ImageSnapshot = { kind: 'ImageSnapshot', metadata: { name: 's1' } };

// @ts-expect-error a Pod has no spec.replicas
export const wrong: Pod = { spec: { containers: [], replicas: 2 } };
