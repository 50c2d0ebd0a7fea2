import { findKindByResource, type KindDescriptor } from '@cci/model';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/types.ts';
import { withDefaults } from './defaults.ts';

const kind = (group: string, version: string, plural: string) =>
  findKindByResource(group, version, plural) as KindDescriptor;

const container = (image: string, extra: Record<string, unknown> = {}) => ({
  name: 'c',
  image,
  ...extra,
});

describe('withDefaults (the API server defaults of the served versions)', () => {
  it('fills a pod spec and its containers, choosing imagePullPolicy by tag', () => {
    const pod: KubeObject = {
      metadata: { name: 'p' },
      spec: {
        containers: [
          container('nginx'),
          container('nginx:1.25', { ports: [{ containerPort: 80 }] }),
          container('nginx:latest', { imagePullPolicy: 'Never' }),
        ],
      },
    };
    const out = withDefaults(kind('', 'v1', 'pods'), pod) as unknown as {
      spec: Record<string, unknown> & { containers: Record<string, unknown>[] };
    };
    expect(out.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
    });
    expect(out.spec.containers.map((c) => c['imagePullPolicy'])).toEqual([
      'Always',
      'IfNotPresent',
      'Never',
    ]);
    expect(out.spec.containers[1]).toMatchObject({
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
    });
    expect((pod.spec as { restartPolicy?: string }).restartPolicy).toBeUndefined();
  });

  it('D5 fills a Deployment (strategy, revisionHistoryLimit 10, deadline) and writes 1024Mi as 1Gi', () => {
    const out = withDefaults(kind('apps', 'v1', 'deployments'), {
      metadata: { name: 'd' },
      spec: {
        template: {
          spec: {
            restartPolicy: 'Always',
            containers: [
              container('nginx:latest', { resources: { limits: { memory: '1024Mi' } } }),
            ],
          },
        },
      },
    }) as unknown as { spec: Record<string, unknown> };
    expect(out.spec).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
      template: { spec: { containers: [{ resources: { limits: { memory: '1Gi' } } }] } },
    });
  });

  it('keeps a Recreate strategy without rolling parameters and what the client set', () => {
    const out = withDefaults(kind('apps', 'v1', 'deployments'), {
      metadata: { name: 'd' },
      spec: { replicas: 0, revisionHistoryLimit: 2, strategy: { type: 'Recreate' } },
    }) as unknown as { spec: Record<string, unknown> };
    expect(out.spec).toMatchObject({
      replicas: 0,
      revisionHistoryLimit: 2,
      strategy: { type: 'Recreate' },
    });
    expect(out.spec['strategy']).not.toHaveProperty('rollingUpdate');
  });
});
