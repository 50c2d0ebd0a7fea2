import { describe, expect, it } from 'vitest';
import { eipPoolCapacity, surgeOf } from './eipPoolCapacity.ts';

const pool = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'crd.yangtse.cni/v1',
  kind: 'EIPPool',
  metadata: { name, namespace: 'demo' },
  spec,
});

function deployment(
  name: string,
  replicas: number | undefined,
  poolName: string | undefined,
  strategy?: Record<string, unknown>,
) {
  return {
    kind: 'Deployment',
    metadata: { name },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      ...(strategy ? { strategy } : {}),
      template: {
        metadata: { annotations: poolName ? { 'yangtse.io/eip-pool': poolName } : {} },
        spec: {},
      },
    },
  };
}

describe('E8 EIP pool capacity', () => {
  it('E8 surge follows D3: default 25% rounds up, numbers as given, bad values default', () => {
    expect(surgeOf(undefined, 2)).toBe(1);
    expect(surgeOf('25%', 4)).toBe(1);
    expect(surgeOf('50%', 3)).toBe(2);
    expect(surgeOf(0, 10)).toBe(0);
    expect(surgeOf(3, 1)).toBe(3);
    expect(surgeOf('lots', 4)).toBe(1);
  });

  it('E8 a pool of 3 with one 2-replica deployment (default surge) is enough, 2 is not', () => {
    const deployments = [deployment('web', 2, 'p')];
    const [enough] = eipPoolCapacity([pool('p', { amount: 3 })], deployments);
    expect(enough).toMatchObject({ size: 3, replicas: 2, surge: 1, needed: 3, sufficient: true });
    const [short] = eipPoolCapacity([pool('p', { amount: 2 })], deployments);
    expect(short).toMatchObject({
      sufficient: false,
      suggestedSize: 3,
      surgeDeployments: ['web'],
      maxSurgeZeroFits: true,
    });
  });

  it('E8 sums every deployment using the pool and ignores the others', () => {
    const deployments = [
      deployment('a', 2, 'p'),
      deployment('b', 4, 'p', { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2 } }),
      deployment('c', 5, 'other'),
      deployment('d', 5, undefined),
    ];
    const [result] = eipPoolCapacity([pool('p', { amount: 5 })], deployments);
    expect(result?.deployments.map((d) => d.name)).toEqual(['a', 'b']);
    expect(result).toMatchObject({ replicas: 6, surge: 3, needed: 9, sufficient: false });
    expect(result?.maxSurgeZeroFits).toBe(false);
    expect(result?.suggestedSize).toBe(9);
  });

  it('E8 maxSurge 0 and Recreate need no spare EIPs; missing replicas count as 1', () => {
    const deployments = [
      deployment('a', 2, 'p', { rollingUpdate: { maxSurge: 0 } }),
      deployment('b', 1, 'p', { type: 'Recreate' }),
      deployment('c', undefined, 'p'),
    ];
    const [result] = eipPoolCapacity([pool('p', { amount: 4 })], deployments);
    expect(result).toMatchObject({ replicas: 4, surge: 1, sufficient: false });
    expect(result?.surgeDeployments).toEqual(['c']);
    expect(result?.maxSurgeZeroFits).toBe(true);
  });

  it('E8 a static pool counts its listed addresses; an unused pool is always enough', () => {
    const [used, unused] = eipPoolCapacity(
      [pool('s', { eips: ['203.0.113.13', '203.0.113.14'] }), pool('idle', { amount: 0 })],
      [deployment('web', 2, 's')],
    );
    expect(used).toMatchObject({ mode: 'static', size: 2, needed: 3, sufficient: false });
    expect(unused).toMatchObject({ mode: 'dynamic', size: 0, needed: 0, sufficient: true });
  });
});
