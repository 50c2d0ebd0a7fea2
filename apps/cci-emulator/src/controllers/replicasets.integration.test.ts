import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdmissionPlugin } from '../api/context.ts';
import { errors } from '../http/errors.ts';
import {
  namespaceManifest,
  networkManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import { createPodController } from './pods.ts';
import { createReplicaSetController } from './replicasets.ts';

let t: TestEmulator;
const ns = 'rs-test';
const rsPath = `/apis/apps/v1/namespaces/${ns}/replicasets`;

interface PodView {
  metadata: {
    name: string;
    labels?: Record<string, string>;
    deletionTimestamp?: string;
    ownerReferences?: { kind: string; name: string; controller?: boolean }[];
  };
}

function replicaSet(name: string, replicas: number, readinessProbe?: object): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, tier: 'web' } },
        spec: {
          containers: [
            { name: 'c', image: 'nginx', ...(readinessProbe ? { readinessProbe } : {}) },
          ],
        },
      },
    },
  };
}

async function pods(): Promise<PodView[]> {
  return (await t.api.get<{ items: PodView[] }>(`/api/v1/namespaces/${ns}/pods`)).body.items;
}

async function rsStatus(name: string): Promise<Record<string, number>> {
  return (await t.api.get<{ status: Record<string, number> }>(`${rsPath}/${name}`)).body.status;
}

let refuseTier: string | undefined;
const refuser: AdmissionPlugin = (req) => {
  if (
    req.operation === 'CREATE' &&
    req.kind.kind === 'Pod' &&
    req.object.metadata.labels?.['tier'] === refuseTier
  ) {
    throw errors.forbidden('exceeded quota: pods');
  }
};

beforeEach(async () => {
  refuseTier = undefined;
  t = await startTestEmulator({
    controllers: [createPodController(), createReplicaSetController()],
    admission: [refuser],
  });
  await t.api.post('/api/v1/namespaces', namespaceManifest(ns));
  await t.api.post(
    `/apis/networking.cci.io/v1beta1/namespaces/${ns}/networks`,
    networkManifest('net'),
  );
});
afterEach(() => t.close());

describe('ReplicaSet controller (D2)', () => {
  it('D2: creates <rs>-<5 chars> pods owned by the ReplicaSet and replaces a deleted one', async () => {
    await t.api.post(rsPath, replicaSet('nginx-7f98958cdf', 2));
    await t.advance(3000);
    const first = await pods();
    expect(first).toHaveLength(2);
    for (const p of first) {
      expect(p.metadata.name).toMatch(/^nginx-7f98958cdf-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).toEqual({ app: 'nginx-7f98958cdf', tier: 'web' });
      expect(p.metadata.ownerReferences).toEqual([
        expect.objectContaining({ kind: 'ReplicaSet', name: 'nginx-7f98958cdf', controller: true }),
      ]);
    }
    expect(await rsStatus('nginx-7f98958cdf')).toEqual({
      replicas: 2,
      fullyLabeledReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      observedGeneration: 1,
    });

    const victim = first[0]?.metadata.name ?? '';
    await t.api.delete(`/api/v1/namespaces/${ns}/pods/${victim}`);
    await t.settle();
    const during = await pods();
    expect(during.filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);
    expect(
      during.find((p) => p.metadata.name === victim)?.metadata.deletionTimestamp,
    ).toBeDefined();
    await t.advance(30_000);
    const after = await pods();
    expect(after).toHaveLength(2);
    expect(after.map((p) => p.metadata.name)).not.toContain(victim);

    const reasons = (
      await t.api.get<{ items: { reason: string; source: { component: string } }[] }>(
        `/api/v1/namespaces/${ns}/events`,
      )
    ).body.items
      .filter((e) => e.source.component === 'replicaset-controller')
      .map((e) => e.reason);
    expect(reasons).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate']);
  });

  it('scaling down deletes not-ready pods first, then the newest', async () => {
    await t.api.post(rsPath, replicaSet('web', 2));
    await t.advance(3000);
    const ready = (await pods()).map((p) => p.metadata.name);
    await t.advance(5000);
    // Two more pods that will not be ready yet when the scale-down comes.
    await t.api.patch(`${rsPath}/web`, { spec: { replicas: 4 } }, 'application/merge-patch+json');
    await t.advance(1000);
    await t.api.patch(`${rsPath}/web`, { spec: { replicas: 2 } }, 'application/merge-patch+json');
    await t.settle();
    const alive = (await pods())
      .filter((p) => !p.metadata.deletionTimestamp)
      .map((p) => p.metadata.name);
    expect(alive.sort()).toEqual([...ready].sort());
    const status = await rsStatus('web');
    expect(status['replicas']).toBe(2);
    expect(status['observedGeneration']).toBe(3);
  });

  it('a pod relabelled out of the selector is released and replaced', async () => {
    await t.api.post(rsPath, replicaSet('rel', 1));
    await t.advance(3000);
    const [only] = await pods();
    await t.api.patch(
      `/api/v1/namespaces/${ns}/pods/${only?.metadata.name}`,
      { metadata: { labels: { app: 'debug' } } },
      'application/merge-patch+json',
    );
    await t.settle();
    const all = await pods();
    expect(all).toHaveLength(2);
    expect(
      all.find((p) => p.metadata.name === only?.metadata.name)?.metadata.ownerReferences,
    ).toBeUndefined();
  });

  it('a refused pod creation is reported as FailedCreate and retried', async () => {
    refuseTier = 'web';
    await t.api.post(rsPath, replicaSet('quota', 1));
    await t.settle();
    expect(await pods()).toHaveLength(0);
    const status = await t.api.get<{
      status: { conditions?: { type: string; message: string }[] };
    }>(`${rsPath}/quota`);
    expect(status.body.status.conditions?.[0]).toMatchObject({
      type: 'ReplicaFailure',
      message: expect.stringMatching(/exceeded quota/),
    });
    refuseTier = undefined;
    await t.advance(10_000);
    expect(await pods()).toHaveLength(1);
    expect((await rsStatus('quota'))['conditions']).toBeUndefined();
  });
});
