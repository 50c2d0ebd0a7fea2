import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  namespaceManifest,
  networkManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import { createPodController } from './pods.ts';

let t: TestEmulator;
const ns = 'grace';
const podsPath = `/api/v1/namespaces/${ns}/pods`;

async function runningPod(name: string, extra: Record<string, unknown> = {}): Promise<void> {
  const container = {
    name: 'c',
    image: 'nginx',
    ...((extra['container'] as object | undefined) ?? {}),
  };
  const { container: _c, ...specExtra } = extra;
  const created = await t.api.post(podsPath, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [container], ...specExtra },
  });
  expect(created.status).toBe(201);
  await t.advance(3000);
  expect(
    (await t.api.get<{ status: { phase: string } }>(`${podsPath}/${name}`)).body.status.phase,
  ).toBe('Running');
}

async function exists(name: string): Promise<boolean> {
  const r = await t.api.get(`${podsPath}/${name}`);
  if (r.status !== 200 && r.status !== 404) throw new Error(`unexpected ${r.status}`);
  return r.status === 200;
}

async function killingMessages(name: string): Promise<string[]> {
  const list = await t.api.get<{
    items: { involvedObject: { name: string }; reason: string; message: string }[];
  }>(`/api/v1/namespaces/${ns}/events`);
  return list.body.items
    .filter((e) => e.involvedObject.name === name && e.reason === 'Killing')
    .map((e) => e.message);
}

beforeEach(async () => {
  t = await startTestEmulator({ controllers: [createPodController()] });
  await t.api.post('/api/v1/namespaces', namespaceManifest(ns));
  await t.api.post(
    `/apis/networking.cci.io/v1beta1/namespaces/${ns}/networks`,
    networkManifest('net'),
  );
});
afterEach(() => t.close());

describe('graceful pod deletion (P11)', () => {
  it('P11: a deleted pod is Terminating for 30s (still there at 29s, gone at 30s)', async () => {
    await runningPod('web');
    const deleted = await t.api.delete<{
      metadata: { deletionTimestamp?: string; deletionGracePeriodSeconds?: number };
    }>(`${podsPath}/web`);
    expect(deleted.status).toBeLessThan(300);
    expect(deleted.body.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(deleted.body.metadata.deletionTimestamp).toBeDefined();
    await t.settle();
    expect(await killingMessages('web')).toEqual(['Stopping container c']);
    await t.advance(29_000);
    expect(await exists('web')).toBe(true);
    await t.advance(1000);
    expect(await exists('web')).toBe(false);
  });

  it('P11: --grace-period=0 --force removes at once; a second delete may shorten the grace', async () => {
    await runningPod('forced');
    expect((await t.api.delete(`${podsPath}/forced?gracePeriodSeconds=0`)).status).toBe(200);
    expect(await exists('forced')).toBe(false);

    await runningPod('shortened');
    await t.api.delete(`${podsPath}/shortened`);
    await t.advance(1000);
    await t.api.delete(`${podsPath}/shortened`, {
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      gracePeriodSeconds: 5,
    });
    await t.advance(4999);
    expect(await exists('shortened')).toBe(true);
    await t.advance(1);
    expect(await exists('shortened')).toBe(false);
  });

  it('P11: spec.terminationGracePeriodSeconds sets the default; a preStop hook is noted', async () => {
    await runningPod('hooked', {
      terminationGracePeriodSeconds: 10,
      container: {
        lifecycle: { preStop: { exec: { command: ['/bin/sh', '-c', '/preStop.sh'] } } },
      },
    });
    await t.api.delete(`${podsPath}/hooked`);
    await t.settle();
    expect(await killingMessages('hooked')).toEqual([
      'Stopping container c: running its preStop hook (exec [/bin/sh -c /preStop.sh]), then SIGTERM; SIGKILL after 10s',
    ]);
    await t.advance(9999);
    expect(await exists('hooked')).toBe(true);
    await t.advance(1);
    expect(await exists('hooked')).toBe(false);
  });

  it('P11: pods not yet scheduled or already finished are removed at once', async () => {
    await t.api.post('/api/v1/namespaces', namespaceManifest('no-net'));
    await t.api.post('/api/v1/namespaces/no-net/pods', {
      metadata: { name: 'pending' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    await t.settle();
    expect((await t.api.delete('/api/v1/namespaces/no-net/pods/pending')).status).toBe(200);
    expect((await t.api.get('/api/v1/namespaces/no-net/pods/pending')).status).toBe(404);

    await t.api.post(podsPath, {
      metadata: { name: 'job' },
      spec: {
        restartPolicy: 'Never',
        containers: [{ name: 'c', image: 'busybox', command: ['echo', 'hi'] }],
      },
    });
    await t.advance(4000);
    expect(
      (await t.api.get<{ status: { phase: string } }>(`${podsPath}/job`)).body.status.phase,
    ).toBe('Succeeded');
    await t.api.delete(`${podsPath}/job`);
    expect(await exists('job')).toBe(false);
  });
});
