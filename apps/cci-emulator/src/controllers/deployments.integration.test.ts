import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../../test/support/testEmulator.ts';
import { deployment, startWorkloadEmulator, workloadApi } from './workloads.testkit.ts';

const ns = 'deploy-test';
let t: TestEmulator;
let w: ReturnType<typeof workloadApi>;

beforeEach(async () => {
  t = await startWorkloadEmulator(ns);
  w = workloadApi(t, ns);
});
afterEach(() => t.close());

const revision = (o: { metadata: { annotations?: Record<string, string> } } | undefined) =>
  o?.metadata.annotations?.['deployment.kubernetes.io/revision'];

describe('Deployment controller', () => {
  it('D2/D6: Deployment → ReplicaSet <name>-<hash> → pods <name>-<hash>-<5 chars>, status and events', async () => {
    expect(
      (await t.api.post(w.deploymentsPath, deployment('nginx', 2, 'nginx:latest'))).status,
    ).toBe(201);
    await t.advance(3000);
    const [rs] = await w.replicaSets();
    const hash = rs?.metadata.labels?.['pod-template-hash'] ?? '';
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(rs?.metadata.name).toBe(`nginx-${hash}`);
    expect(rs?.spec.selector.matchLabels).toEqual({ app: 'nginx', 'pod-template-hash': hash });
    expect(rs?.spec.template.metadata.labels).toEqual({ app: 'nginx', 'pod-template-hash': hash });
    expect(rs?.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '2',
      'deployment.kubernetes.io/max-replicas': '3',
    });
    const pods = await w.pods();
    expect(
      pods
        .map((p) => p.metadata.name)
        .every((n) => new RegExp(`^nginx-${hash}-[a-z2-9]{5}$`).test(n)),
    ).toBe(true);
    expect(pods.every((p) => p.metadata.labels?.['pod-template-hash'] === hash)).toBe(true);
    const d = await w.getDeployment('nginx');
    expect(revision(d)).toBe('1');
    expect(d.status).toMatchObject({
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      unavailableReplicas: 0,
    });
    expect(d.status?.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable'],
      ['Progressing', 'True', 'NewReplicaSetAvailable'],
    ]);
    expect(await w.events('deployment-controller')).toEqual([
      `Scaled up replica set nginx-${hash} to 2`,
    ]);
  });

  it('D2: a deleted pod of a Deployment is replaced', async () => {
    await t.api.post(w.deploymentsPath, deployment('web', 2, 'nginx'));
    await t.advance(3000);
    const [victim] = await w.pods();
    await t.api.delete(
      `/api/v1/namespaces/${ns}/pods/${victim?.metadata.name}?gracePeriodSeconds=0`,
    );
    await t.advance(3000);
    const pods = await w.pods();
    expect(pods).toHaveLength(2);
    expect(pods.map((p) => p.metadata.name)).not.toContain(victim?.metadata.name);
    expect((await w.getDeployment('web')).status?.availableReplicas).toBe(2);
  });

  it('D4/D5: a template change makes a new ReplicaSet; rolling back re-uses the old one with the next revision', async () => {
    await t.api.post(w.deploymentsPath, deployment('app', 2, 'nginx:1.0'));
    await t.advance(3000);
    const [first] = await w.replicaSets();
    await w.setImage('app', 'nginx:2.0');
    await t.advance(60_000);
    let rss = await w.replicaSets();
    expect(rss).toHaveLength(2);
    const second = rss.find((r) => r.metadata.name !== first?.metadata.name);
    expect(rss.find((r) => r.metadata.name === first?.metadata.name)?.spec.replicas).toBe(0);
    expect(second?.spec.replicas).toBe(2);
    expect(revision(second)).toBe('2');
    expect(revision(await w.getDeployment('app'))).toBe('2');

    // What `kubectl rollout undo` sends: the old ReplicaSet's template without the hash label.
    const template = structuredClone(first?.spec.template) as {
      metadata: { labels: Record<string, string> };
    };
    delete template.metadata.labels['pod-template-hash'];
    await t.api.patch(
      `${w.deploymentsPath}/app`,
      [
        {
          op: 'replace',
          path: '/spec/template',
          value: { ...template, metadata: { ...template.metadata, creationTimestamp: null } },
        },
      ],
      'application/json-patch+json',
    );
    await t.advance(60_000);
    rss = await w.replicaSets();
    expect(rss).toHaveLength(2);
    const reused = rss.find((r) => r.metadata.name === first?.metadata.name);
    expect(reused?.spec.replicas).toBe(2);
    expect(revision(reused)).toBe('3');
    expect(reused?.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(rss.find((r) => r.metadata.name === second?.metadata.name)?.spec.replicas).toBe(0);
    expect(revision(await w.getDeployment('app'))).toBe('3');
    const pods = await w.pods();
    expect(
      pods
        .filter((p) => !p.metadata.deletionTimestamp)
        .every((p) => p.metadata.name.startsWith(`${first?.metadata.name}-`)),
    ).toBe(true);
  });

  it('D5: old ReplicaSets beyond revisionHistoryLimit are deleted', async () => {
    await t.api.post(
      w.deploymentsPath,
      deployment('hist', 1, 'nginx:1', { revisionHistoryLimit: 1 }),
    );
    await t.advance(3000);
    for (const tag of ['2', '3', '4']) {
      await w.setImage('hist', `nginx:${tag}`);
      await t.advance(40_000);
    }
    const rss = await w.replicaSets();
    expect(rss.map((r) => revision(r)).sort()).toEqual(['3', '4']);
    expect(rss.find((r) => revision(r) === '3')?.spec.replicas).toBe(0);
  });

  it('D6: scaling the Deployment scales its ReplicaSet, with events', async () => {
    await t.api.post(w.deploymentsPath, deployment('scaled', 2, 'nginx'));
    await t.advance(3000);
    await t.api.patch(
      `${w.deploymentsPath}/scaled/scale`,
      { spec: { replicas: 4 } },
      'application/merge-patch+json',
    );
    await t.advance(3000);
    let d = await w.getDeployment('scaled');
    expect(d.status).toMatchObject({
      replicas: 4,
      updatedReplicas: 4,
      availableReplicas: 4,
      observedGeneration: 2,
    });
    await t.api.patch(
      `${w.deploymentsPath}/scaled/scale`,
      { spec: { replicas: 1 } },
      'application/merge-patch+json',
    );
    await t.settle();
    d = await w.getDeployment('scaled');
    expect(d.status).toMatchObject({ replicas: 1, availableReplicas: 1, observedGeneration: 3 });
    const [rs] = await w.replicaSets();
    expect(await w.events('deployment-controller')).toEqual([
      `Scaled up replica set ${rs?.metadata.name} to 2`,
      `Scaled up replica set ${rs?.metadata.name} to 4`,
      `Scaled down replica set ${rs?.metadata.name} to 1`,
    ]);
    expect(rs?.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('1');
  });

  it('a rollout whose pods never become ready times out (ProgressDeadlineExceeded)', async () => {
    const probe = { readinessProbe: { exec: { command: ['ls', '/ready'] } } };
    const spec = deployment('stuck', 1, 'nginx', { progressDeadlineSeconds: 60 }) as {
      spec: { template: { spec: { containers: object[] } } };
    };
    spec.spec.template.spec.containers = [{ name: 'container-0', image: 'nginx', ...probe }];
    await t.api.post(w.deploymentsPath, spec);
    await t.advance(30_000);
    let d = await w.getDeployment('stuck');
    expect(d.status?.conditions?.find((c) => c.type === 'Progressing')?.status).toBe('True');
    expect(d.status?.conditions?.find((c) => c.type === 'Available')?.status).toBe('False');
    await t.advance(31_000);
    d = await w.getDeployment('stuck');
    expect(d.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
    });
  });
});
