import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../../test/support/testEmulator.ts';
import type { KubeObject } from '../store/types.ts';
import {
  deployment,
  isActivePod,
  isReadyPod,
  onEveryPodChange,
  startWorkloadEmulator,
  workloadApi,
} from './workloads.testkit.ts';

const ns = 'rollout-test';
let t: TestEmulator;
let w: ReturnType<typeof workloadApi>;

beforeEach(async () => {
  t = await startWorkloadEmulator(ns);
  w = workloadApi(t, ns);
});
afterEach(() => t.close());

function imageOf(pod: KubeObject): string {
  return ((pod['spec'] as { containers: { image: string }[] }).containers[0] ?? { image: '' })
    .image;
}

/** Rolls `name` to `image`, sampling active and available pods at every pod change until done. */
async function rollAndSample(
  name: string,
  image: string,
): Promise<{ active: number; available: number }[]> {
  const samples: { active: number; available: number }[] = [];
  const stop = onEveryPodChange(t, ns, (pods) => {
    const active = pods.filter(isActivePod);
    samples.push({ active: active.length, available: active.filter(isReadyPod).length });
  });
  try {
    await w.setImage(name, image);
    for (let i = 0; i < 200; i++) {
      await t.advance(500);
      const pods = (await w.pods()).filter(isActivePod);
      const d = await w.getDeployment(name);
      const done =
        d.status?.conditions?.some((c) => c.reason === 'NewReplicaSetAvailable') &&
        d.status.observedGeneration === d.metadata.generation;
      if (done && pods.every((p) => imageOf(p) === image && isReadyPod(p))) break;
    }
  } finally {
    stop();
  }
  return samples;
}

describe('rolling updates (D3)', () => {
  it('D3: replicas 2 with the 25% defaults: at most 3 pods, never fewer than 2 available', async () => {
    await t.api.post(w.deploymentsPath, deployment('nginx', 2, 'nginx:latest'));
    await t.advance(3000);
    const samples = await rollAndSample('nginx', 'nginx:alpine');
    expect(samples.length).toBeGreaterThan(5);
    expect(Math.max(...samples.map((s) => s.active))).toBe(3);
    expect(Math.min(...samples.map((s) => s.available))).toBe(2);
    const pods = (await w.pods()).filter(isActivePod);
    expect(pods.map(imageOf)).toEqual(['nginx:alpine', 'nginx:alpine']);
    const rss = await w.replicaSets();
    expect(rss.map((r) => r.spec.replicas).sort()).toEqual([0, 2]);
    const scaling = await w.events('deployment-controller');
    const newRs = rss.find((r) => r.spec.replicas === 2)?.metadata.name;
    const oldRs = rss.find((r) => r.spec.replicas === 0)?.metadata.name;
    // One new pod at a time, each followed by one old pod going (seed ch. 6).
    expect(scaling.slice(1)).toEqual([
      `Scaled up replica set ${newRs} to 1`,
      `Scaled down replica set ${oldRs} to 1`,
      `Scaled up replica set ${newRs} to 2`,
      `Scaled down replica set ${oldRs} to 0`,
    ]);
  });

  it('D3: replicas 4, maxSurge 0 and maxUnavailable 1: never more than 4 pods nor fewer than 3 available', async () => {
    await t.api.post(
      w.deploymentsPath,
      deployment('web', 4, 'nginx:1', {
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      }),
    );
    await t.advance(3000);
    const samples = await rollAndSample('web', 'nginx:2');
    expect(Math.max(...samples.map((s) => s.active))).toBe(4);
    expect(Math.min(...samples.map((s) => s.available))).toBe(3);
    expect((await w.pods()).filter(isActivePod).map(imageOf)).toEqual(Array(4).fill('nginx:2'));
  });

  it('D3: replicas 4, maxSurge 50% and maxUnavailable 25%: at most 6 pods, never fewer than 3 available', async () => {
    await t.api.post(
      w.deploymentsPath,
      deployment('wide', 4, 'nginx:1', {
        strategy: { rollingUpdate: { maxSurge: '50%', maxUnavailable: '25%' } },
      }),
    );
    await t.advance(3000);
    const samples = await rollAndSample('wide', 'nginx:2');
    expect(Math.max(...samples.map((s) => s.active))).toBe(6);
    expect(Math.min(...samples.map((s) => s.available))).toBe(3);
  });

  it('D3: Recreate removes every old pod before the first new one is created', async () => {
    await t.api.post(
      w.deploymentsPath,
      deployment('db', 2, 'mysql:5', { strategy: { type: 'Recreate' } }),
    );
    await t.advance(3000);
    const overlaps: string[] = [];
    const stop = onEveryPodChange(t, ns, (pods) => {
      const images = new Set(pods.map(imageOf));
      if (images.has('mysql:5') && images.has('mysql:8')) overlaps.push([...images].join(','));
    });
    await w.setImage('db', 'mysql:8');
    await t.settle();
    const terminating = await w.pods();
    expect(terminating).toHaveLength(2);
    expect(terminating.every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    await t.advance(29_000);
    expect((await w.pods()).every((p) => imageOf(p) === 'mysql:5')).toBe(true);
    await t.advance(5000);
    stop();
    const pods = await w.pods();
    expect(pods.map(imageOf)).toEqual(['mysql:8', 'mysql:8']);
    expect(pods.every(isReadyPod)).toBe(true);
    expect(overlaps).toEqual([]);
  });
});
