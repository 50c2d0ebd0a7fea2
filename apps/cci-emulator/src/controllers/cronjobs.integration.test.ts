import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  namespaceManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import { createCronJobController, cronJobAdmission } from './cronjobs.ts';
import { createJobController, jobAdmission } from './jobs.ts';

let t: TestEmulator;
const base = '/api/v1/namespaces/ns-a';
const jobsPath = '/apis/batch/v1/namespaces/ns-a/jobs';
const cronJobsPath = (version: string) => `/apis/batch/${version}/namespaces/ns-a/cronjobs`;

interface JobBody {
  metadata: { name: string; ownerReferences?: { kind: string; name: string }[] };
  status?: { conditions?: { type: string }[] };
}
interface CronJobBody {
  apiVersion: string;
  spec: Record<string, unknown>;
  status?: { lastScheduleTime?: string; active?: { kind: string; name: string }[] };
}

function cronJob(
  name: string,
  spec: Record<string, unknown>,
  command: string[],
  version = 'v1beta1',
) {
  return {
    apiVersion: `batch/${version}`,
    kind: 'CronJob',
    metadata: { name },
    spec: {
      schedule: '*/1 * * * *',
      ...spec,
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: 'OnFailure',
              containers: [{ name: 'main', image: 'busybox', command }],
            },
          },
        },
      },
    },
  };
}

async function jobs(): Promise<JobBody[]> {
  return (await t.api.get<{ items: JobBody[] }>(jobsPath)).body.items;
}
async function events(reason: string): Promise<string[]> {
  const items = (
    await t.api.get<{ items: { reason: string; message: string }[] }>(`${base}/events`)
  ).body.items;
  return items.filter((e) => e.reason === reason).map((e) => e.message);
}

let minuteZero = 0;
/** Emulated seconds since the first scheduled minute minus 30 s (the clock is set to hh:mm:30). */
async function advanceTo(seconds: number): Promise<void> {
  await t.advance(minuteZero + seconds * 1000 - t.emulator.clock.nowMs());
}
const minutesAt = (seconds: number) => Math.floor((minuteZero + seconds * 1000) / 60_000);

beforeEach(async () => {
  t = await startTestEmulator({
    controllers: [createCronJobController(), createJobController()],
    admission: [cronJobAdmission, jobAdmission],
  });
  expect((await t.api.post('/api/v1/namespaces', namespaceManifest('ns-a'))).status).toBe(201);
  const now = t.emulator.clock.nowMs();
  await t.advance(60_000 - (now % 60_000) + 30_000);
  minuteZero = t.emulator.clock.nowMs();
});
afterEach(() => t.close());

describe('CronJob controller', () => {
  it('J3 a */1 schedule creates 5 Jobs in 5 minutes and keeps the 3 newest successful ones', async () => {
    const created = await t.api.post<CronJobBody>(
      cronJobsPath('v1beta1'),
      cronJob('every-minute', {}, ['sh', '-c', 'echo hi']),
    );
    expect(created.body.spec).toMatchObject({
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    });
    await advanceTo(300);
    const aboutJobs = (messages: string[]) => messages.filter((m) => / job /.test(m));
    expect(aboutJobs(await events('SuccessfulCreate'))).toHaveLength(5);
    expect(aboutJobs(await events('SuccessfulDelete'))).toHaveLength(2);
    const kept = await jobs();
    expect(kept.map((j) => j.metadata.name).sort()).toEqual(
      [3, 4, 5].map((m) => `every-minute-${minutesAt(m * 60 - 30)}`),
    );
    for (const job of kept) {
      expect(job.status?.conditions?.[0]?.type).toBe('Complete');
      expect(job.metadata.ownerReferences?.[0]).toMatchObject({
        kind: 'CronJob',
        name: 'every-minute',
      });
    }
    const cj = (await t.api.get<CronJobBody>(`${cronJobsPath('v1beta1')}/every-minute`)).body;
    expect(cj.status?.lastScheduleTime).toBe(
      new Date(minutesAt(270) * 60_000).toISOString().replace('.000', ''),
    );
    expect(cj.status?.active).toBeUndefined();
  });

  it('J3 batch/v1 CronJobs run too and list running Jobs in status.active', async () => {
    await t.api.post(cronJobsPath('v1'), cronJob('v1-job', {}, ['sleep', '20'], 'v1'));
    await advanceTo(35);
    const cj = (await t.api.get<CronJobBody>(`${cronJobsPath('v1')}/v1-job`)).body;
    expect(cj.status?.active).toEqual([
      expect.objectContaining({ kind: 'Job', name: `v1-job-${minutesAt(30)}` }),
    ]);
    await advanceTo(55);
    expect(
      (await t.api.get<CronJobBody>(`${cronJobsPath('v1')}/v1-job`)).body.status?.active,
    ).toBeUndefined();
    expect(await events('SawCompletedJob')).toHaveLength(1);
  });

  it('J3 concurrencyPolicy Forbid waits for the running Job, then starts the missed run', async () => {
    await t.api.post(
      cronJobsPath('v1beta1'),
      cronJob('forbid', { concurrencyPolicy: 'Forbid' }, ['sleep', '90']),
    );
    await advanceTo(100);
    expect(await jobs()).toHaveLength(1);
    await advanceTo(125);
    expect((await jobs()).map((j) => j.metadata.name).sort()).toEqual([
      `forbid-${minutesAt(30)}`,
      `forbid-${minutesAt(90)}`,
    ]);
  });

  it('J3 startingDeadlineSeconds: a run missed by more than the deadline is skipped with MissSchedule', async () => {
    await t.api.post(
      cronJobsPath('v1beta1'),
      cronJob('strict', { concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 10 }, [
        'sleep',
        '90',
      ]),
    );
    await advanceTo(125);
    expect(await jobs()).toHaveLength(1);
    expect(await events('MissSchedule')).toHaveLength(1);
    await advanceTo(155);
    expect((await jobs()).map((j) => j.metadata.name)).toContain(`strict-${minutesAt(150)}`);
  });

  it('J3 concurrencyPolicy Replace deletes the running Job for the new one', async () => {
    await t.api.post(
      cronJobsPath('v1beta1'),
      cronJob('replace', { concurrencyPolicy: 'Replace' }, ['sleep', '90']),
    );
    await advanceTo(95);
    expect((await jobs()).map((j) => j.metadata.name)).toEqual([`replace-${minutesAt(90)}`]);
    expect(await events('SuccessfulDelete')).toEqual([`Deleted job replace-${minutesAt(30)}`]);
  });

  it('J3 a suspended CronJob creates nothing; resumed, it runs the latest missed time', async () => {
    await t.api.post(
      cronJobsPath('v1beta1'),
      cronJob('paused', { suspend: true }, ['sh', '-c', 'echo hi']),
    );
    await advanceTo(200);
    expect(await jobs()).toHaveLength(0);
    await t.api.patch(
      `${cronJobsPath('v1beta1')}/paused`,
      { spec: { suspend: false } },
      'application/merge-patch+json',
    );
    await t.settle();
    expect((await jobs()).map((j) => j.metadata.name)).toEqual([`paused-${minutesAt(150)}`]);
  });
});
