import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/objects.ts';
import { directRelations, readyAddresses, relatedLookups } from './related.ts';

const obj = (
  name: string,
  extra: Partial<KubeObject> & { meta?: Record<string, unknown> } = {},
) => {
  const { meta, ...rest } = extra;
  return {
    metadata: { name, namespace: 'demo', uid: `uid-${name}`, ...meta },
    ...rest,
  } as KubeObject;
};
const ownedBy = (owner: string, kind: string) => ({
  ownerReferences: [{ kind, name: owner, uid: `uid-${owner}`, apiVersion: 'apps/v1' }],
});

describe('related objects', () => {
  it('D2 follows Deployment → ReplicaSets → Pods through owner references', () => {
    const deploy = obj('nginx', { spec: { selector: { matchLabels: { app: 'nginx' } } } });
    const [rsLookup, podLookup] = relatedLookups('deployments', deploy);
    expect(rsLookup).toMatchObject({ plural: 'replicasets', labelSelector: 'app=nginx' });
    const mine = obj('nginx-abc', { meta: ownedBy('nginx', 'Deployment') });
    const other = obj('nginx2-def', { meta: ownedBy('nginx2', 'Deployment') });
    const replicaSets = rsLookup!.pick([mine, other], {});
    expect(replicaSets.map((o) => o.metadata.name)).toEqual(['nginx-abc']);
    const pod = obj('nginx-abc-x1', { meta: ownedBy('nginx-abc', 'ReplicaSet') });
    const stray = obj('nginx-zzz-x1', { meta: ownedBy('nginx-zzz', 'ReplicaSet') });
    const pods = podLookup!.pick([pod, stray], { relReplicaSets: replicaSets });
    expect(pods.map((o) => o.metadata.name)).toEqual(['nginx-abc-x1']);
  });

  it('SV5 looks up the Service Endpoints of the same name and the selected pods', () => {
    const svc = obj('web', { spec: { selector: { app: 'web' } } });
    const lookups = relatedLookups('services', svc);
    expect(lookups.map((l) => l.plural)).toEqual(['endpoints', 'pods']);
    expect(lookups[1]?.labelSelector).toBe('app=web');
    const endpoints = obj('web', {
      subsets: [{ addresses: [{ ip: '10.0.0.5' }, { ip: '10.0.0.6' }] }],
    });
    expect(lookups[0]!.pick([endpoints, obj('other')], {})).toEqual([endpoints]);
    expect(readyAddresses(endpoints)).toEqual(['10.0.0.5', '10.0.0.6']);
  });

  it('N4 lists the Networks inside a namespace', () => {
    const ns = { metadata: { name: 'demo', uid: 'u' } } as KubeObject;
    expect(relatedLookups('namespaces', ns)).toMatchObject([
      { plural: 'networks', namespace: 'demo' },
    ]);
  });

  it('E4 shows a pod EIP, its pool and its owner; S3 the image snapshot used', () => {
    const pod = obj('web-eip-1', {
      meta: {
        ...ownedBy('web-eip-abc', 'ReplicaSet'),
        annotations: {
          'yangtse.io/eip-pool': 'eippool-demo',
          'yangtse.io/allocated-ipv4-eip': '100.64.0.7',
          'cci.io/image-snapshot-specified-name': 'snap-1',
        },
      },
    });
    const groups = directRelations('pods', pod);
    expect(groups).toEqual([
      { id: 'relOwner', refs: [{ plural: 'replicasets', namespace: 'demo', name: 'web-eip-abc' }] },
      { id: 'relEip', refs: [{ namespace: 'demo', name: '100.64.0.7' }] },
      { id: 'relEipPool', refs: [{ plural: 'eippools', namespace: 'demo', name: 'eippool-demo' }] },
      {
        id: 'relImageSnapshot',
        refs: [{ plural: 'imagesnapshots', namespace: 'demo', name: 'snap-1' }],
      },
    ]);
  });

  it('E4 says an EIP is still pending while the pool has not allocated one', () => {
    const pod = obj('p', { meta: { annotations: { 'yangtse.io/eip-pool': 'pool' } } });
    expect(directRelations('pods', pod)[0]).toMatchObject({
      id: 'relEip',
      refs: [{ note: { key: 'eipPending', params: { pool: 'pool' } } }],
    });
  });

  it('C1/C2/PV lists the ConfigMaps, Secrets and claims a workload template uses, once each', () => {
    const deploy = obj('app', {
      spec: {
        template: {
          spec: {
            volumes: [
              { name: 'a', configMap: { name: 'cfg' } },
              { name: 'b', persistentVolumeClaim: { claimName: 'data' } },
            ],
            containers: [
              {
                env: [
                  { valueFrom: { secretKeyRef: { name: 'db' } } },
                  { valueFrom: { configMapKeyRef: { name: 'cfg' } } },
                ],
              },
            ],
          },
        },
      },
    });
    const config = directRelations('deployments', deploy).find((g) => g.id === 'relConfig');
    expect(config?.refs.map((r) => `${r.plural}/${r.name}`)).toEqual([
      'configmaps/cfg',
      'persistentvolumeclaims/data',
      'secrets/db',
    ]);
  });
});
