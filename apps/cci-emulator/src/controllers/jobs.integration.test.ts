import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  namespaceManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import { createJobController, jobAdmission } from './jobs.ts';

let t: TestEmulator;
const base = '/api/v1/namespaces/ns-a';
const jobs = '/apis/batch/v1/namespaces/ns-a/jobs';

interface PodBody {
  metadata: {
    name: string;
    uid: string;
    labels: Record<string, string>;
    ownerReferences?: { kind: string; name: string; uid: string; controller: boolean }[];
  };
  status?: {
    phase?: string;
    containerStatuses?: { restartCount: number; state: { terminated?: { exitCode: number } } }[];
  };
}
interface JobBody {
  metadata: { uid: string };
  spec: Record<string, unknown> & { template: { metadata?: { labels?: Record<string, string> } } };
  status?: {
    active?: number;
    succeeded?: number;
    failed?: number;
    startTime?: string;
    completionTime?: string;
    conditions?: { type: string; status: string; reason?: string }[];
  };
}

function job(
  name: string,
  spec: Record<string, unknown>,
  command: string[] = ['sh', '-c', 'echo done'],
  restartPolicy = 'Never',
) {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      ...spec,
      template: {
        spec: { restartPolicy, containers: [{ name: 'main', image: 'busybox', command }] },
      },
    },
  };
}

async function pods(): Promise<PodBody[]> {
  return (await t.api.get<{ items: PodBody[] }>(`${base}/pods`)).body.items;
}
async function getJob(name: string): Promise<JobBody> {
  return (await t.api.get<JobBody>(`${jobs}/${name}`)).body;
}
async function eventReasons(): Promise<string[]> {
  return (await t.api.get<{ items: { reason: string }[] }>(`${base}/events`)).body.items.map(
    (e) => e.reason,
  );
}
const activePods = async () =>
  (await pods()).filter((p) => !['Succeeded', 'Failed'].includes(p.status?.phase ?? ''));

beforeEach(async () => {
  t = await startTestEmulator({ controllers: [createJobController()], admission: [jobAdmission] });
  expect((await t.api.post('/api/v1/namespaces', namespaceManifest('ns-a'))).status).toBe(201);
});
afterEach(() => t.close());

describe('Job controller', () => {
  it('J1 a one-off Job runs one labelled, owned pod <job>-xxxxx and completes when it succeeds', async () => {
    const created = await t.api.post<JobBody>(jobs, job('once', {}));
    expect(created.body.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6 });
    expect(created.body.spec['selector']).toEqual({
      matchLabels: { 'controller-uid': created.body.metadata.uid },
    });
    await t.settle();
    const [pod] = await pods();
    expect(pod?.metadata.name).toMatch(/^once-[a-z0-9]{5}$/);
    expect(pod?.metadata.labels).toEqual({
      'controller-uid': created.body.metadata.uid,
      'job-name': 'once',
    });
    expect(pod?.metadata.ownerReferences).toEqual([
      expect.objectContaining({
        kind: 'Job',
        name: 'once',
        uid: created.body.metadata.uid,
        controller: true,
      }),
    ]);
    expect((await getJob('once')).status).toMatchObject({ active: 1 });
    await t.advance(2000);
    const done = await getJob('once');
    expect(done.status).toMatchObject({
      succeeded: 1,
      conditions: [{ type: 'Complete', status: 'True' }],
    });
    expect(done.status?.active).toBeUndefined();
    expect(done.status?.startTime).toBeDefined();
    expect(done.status?.completionTime).toBeDefined();
    expect((await pods())[0]?.status?.phase).toBe('Succeeded');
    expect((await eventReasons()).sort()).toEqual(['Completed', 'SuccessfulCreate']);
  });

  it('J2 fixed completions in parallel: never more than parallelism pods, completes at completions', async () => {
    await t.api.post(jobs, job('batch', { completions: 5, parallelism: 2 }, ['sleep', '3']));
    await t.settle();
    let peak = 0;
    for (let i = 0; i < 12; i++) {
      peak = Math.max(peak, (await activePods()).length);
      await t.advance(1000);
    }
    expect(peak).toBe(2);
    const done = await getJob('batch');
    expect(done.status).toMatchObject({ succeeded: 5, conditions: [{ type: 'Complete' }] });
    expect(await pods()).toHaveLength(5);
  });

  it('J2 work queue (completions unset): once one pod succeeded no pod is added; complete when all finished', async () => {
    await t.api.post(jobs, job('queue', { parallelism: 3 }, ['sleep', '5']));
    await t.settle();
    const started = await pods();
    expect(started).toHaveLength(3);
    // One worker finds the queue empty early.
    const early = started[0]?.metadata.name ?? '';
    await t.api.patch(
      `${base}/pods/${early}`,
      { metadata: { annotations: { 'emulator.cci.io/run-seconds': '1' } } },
      'application/merge-patch+json',
    );
    await t.advance(2000);
    expect((await getJob('queue')).status).toMatchObject({ active: 2, succeeded: 1 });
    expect(await pods()).toHaveLength(3);
    await t.advance(5000);
    expect((await getJob('queue')).status).toMatchObject({
      succeeded: 3,
      conditions: [{ type: 'Complete' }],
    });
    expect(await pods()).toHaveLength(3);
  });

  it('J1 backoffLimit: failing pods (command false) are replaced until failures exceed it, then the Job fails', async () => {
    await t.api.post(jobs, job('flaky', { backoffLimit: 2 }, ['false']));
    await t.advance(10_000);
    const failed = await getJob('flaky');
    expect(failed.status).toMatchObject({
      failed: 3,
      conditions: [{ type: 'Failed', reason: 'BackoffLimitExceeded' }],
    });
    expect(failed.status?.completionTime).toBeUndefined();
    const all = await pods();
    expect(all).toHaveLength(3);
    expect(
      all.every(
        (p) =>
          p.status?.phase === 'Failed' &&
          p.status.containerStatuses?.[0]?.state.terminated?.exitCode === 1,
      ),
    ).toBe(true);
    expect(await eventReasons()).toContain('BackoffLimitExceeded');
  });

  it('J1 restartPolicy OnFailure: container restarts count toward backoffLimit', async () => {
    await t.api.post(
      jobs,
      job('restarts', { backoffLimit: 2 }, ['sh', '-c', 'exit 3'], 'OnFailure'),
    );
    await t.advance(1500);
    const [pod] = await pods();
    expect(pod?.status?.containerStatuses?.[0]).toMatchObject({
      restartCount: 1,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
    });
    expect((await getJob('restarts')).status?.conditions).toBeUndefined();
    await t.advance(12_000);
    expect((await getJob('restarts')).status).toMatchObject({
      conditions: [{ type: 'Failed', reason: 'BackoffLimitExceeded' }],
    });
    expect(await pods()).toHaveLength(0);
  });

  it('J1 activeDeadlineSeconds: the Job fails with DeadlineExceeded and its active pods are deleted', async () => {
    await t.api.post(
      jobs,
      job('slow', { activeDeadlineSeconds: 10, parallelism: 2, completions: 4 }, ['sleep', '100']),
    );
    await t.advance(9000);
    expect(await activePods()).toHaveLength(2);
    expect((await getJob('slow')).status?.conditions).toBeUndefined();
    await t.advance(1000);
    const failed = await getJob('slow');
    expect(failed.status).toMatchObject({
      failed: 2,
      conditions: [{ type: 'Failed', reason: 'DeadlineExceeded' }],
    });
    expect(failed.status?.active).toBeUndefined();
    expect(await pods()).toHaveLength(0);
    expect(await eventReasons()).toEqual(
      expect.arrayContaining(['SuccessfulDelete', 'DeadlineExceeded']),
    );
  });

  it('J1 a deleted running pod is replaced; ttlSecondsAfterFinished deletes the finished Job', async () => {
    await t.api.post(jobs, job('ttl', { ttlSecondsAfterFinished: 30 }, ['sleep', '5']));
    await t.settle();
    const [first] = await pods();
    await t.api.delete(`${base}/pods/${first?.metadata.name ?? ''}`);
    await t.settle();
    const [second] = await pods();
    expect(second?.metadata.name).not.toBe(first?.metadata.name);
    await t.advance(6000);
    expect((await getJob('ttl')).status?.succeeded).toBe(1);
    await t.advance(30_000);
    expect((await t.api.get(`${jobs}/ttl`)).status).toBe(404);
    expect(await pods()).toHaveLength(0);
  });
});
