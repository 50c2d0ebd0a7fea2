import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  namespaceManifest,
  networkManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import { createJobController, jobAdmission } from './jobs.ts';
import { createNetworkController } from './networks.ts';
import { createPodController } from './pods.ts';

// The Job controller next to the pod controller: the pod controller runs job pods (Pending,
// Running, Succeeded); the Job controller's runner only fails the ones whose command exits non-zero.
let t: TestEmulator;
const jobsPath = '/apis/batch/v1/namespaces/ns-a/jobs';

interface PodBody {
  metadata: { name: string; labels: Record<string, string> };
  status?: {
    phase?: string;
    podIP?: string;
    containerStatuses?: { state: { terminated?: { exitCode: number; reason: string } } }[];
  };
}

function job(name: string, command: string[]) {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      backoffLimit: 1,
      template: {
        spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox', command }] },
      },
    },
  };
}

async function podsOf(jobName: string): Promise<PodBody[]> {
  const res = await t.api.get<{ items: PodBody[] }>('/api/v1/namespaces/ns-a/pods');
  return res.body.items.filter((p) => p.metadata.labels['job-name'] === jobName);
}

beforeEach(async () => {
  t = await startTestEmulator({
    controllers: [createNetworkController(), createPodController(), createJobController()],
    admission: [jobAdmission],
  });
  await t.api.post('/api/v1/namespaces', namespaceManifest('ns-a'));
  await t.api.post(
    '/apis/networking.cci.io/v1beta1/namespaces/ns-a/networks',
    networkManifest('net'),
  );
});
afterEach(() => t.close());

describe('Job controller with the pod controller', () => {
  it('J1 a job pod is run by the pod controller (Running with an IP, then Succeeded)', async () => {
    await t.api.post(jobsPath, job('ok', ['sh', '-c', 'sleep 4']));
    const phases = new Set<string>();
    for (let i = 0; i < 15; i++) {
      await t.advance(1000);
      for (const p of await podsOf('ok')) phases.add(p.status?.phase ?? '');
    }
    expect([...phases]).toEqual(expect.arrayContaining(['Pending', 'Running', 'Succeeded']));
    const [pod] = await podsOf('ok');
    expect(pod?.status?.podIP).toMatch(/^192\.168\.0\.\d+$/);
    const status = (await t.api.get<{ status: { succeeded?: number } }>(`${jobsPath}/ok`)).body
      .status;
    expect(status.succeeded).toBe(1);
  });

  it('J1 a failing command fails its pod after it ran, and the Job after backoffLimit', async () => {
    await t.api.post(jobsPath, job('bad', ['sh', '-c', 'exit 2']));
    const phases = new Set<string>();
    for (let i = 0; i < 20; i++) {
      await t.advance(1000);
      for (const p of await podsOf('bad')) phases.add(p.status?.phase ?? '');
    }
    expect(phases.has('Running')).toBe(true);
    const pods = await podsOf('bad');
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.status?.phase).toBe('Failed');
      expect(p.status?.containerStatuses?.[0]?.state.terminated).toMatchObject({
        exitCode: 2,
        reason: 'Error',
      });
    }
    const status = (
      await t.api.get<{ status: { conditions?: { reason?: string }[] } }>(`${jobsPath}/bad`)
    ).body.status;
    expect(status.conditions?.[0]?.reason).toBe('BackoffLimitExceeded');
  });
});
