import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../test/support/client.ts';
import {
  namespaceManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import { createImageSnapshotController, SNAPSHOT_FINALIZER } from './imagesnapshots.ts';

const path = '/apis/imagecache.cci.io/v1/imagesnapshots';
const DAY = 86_400_000;

interface Snapshot {
  metadata: { name: string; finalizers?: string[] };
  status?: {
    phase?: string;
    snapshotID?: string;
    snapshotName?: string;
    reason?: string;
    message?: string;
    images?: { image: string }[];
    expired?: boolean;
  };
}

function snapshot(name: string, spec: Record<string, unknown>): object {
  return {
    apiVersion: 'imagecache.cci.io/v1',
    kind: 'ImageSnapshot',
    metadata: { name },
    spec: { buildingConfig: { namespace: 'builder' }, ...spec },
  };
}

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator({ controllers: [createImageSnapshotController()] });
  expect((await t.api.post('/api/v1/namespaces', namespaceManifest('builder'))).status).toBe(201);
});
afterEach(() => t.close());

async function create(body: object): Promise<void> {
  const res = await t.api.post(path, body);
  expect(res.status, res.text).toBe(201);
  await t.settle();
}

// Tokens last a day of emulator time: the TTL test moves days ahead, so each call gets a fresh one.
function client(): ReturnType<typeof apiClient> {
  return apiClient(t.emulator.url, t.emulator.issueToken());
}

async function get(name: string): Promise<{ status: number; body: Snapshot }> {
  return client().get<Snapshot>(`${path}/${name}`);
}

async function events(name: string): Promise<{ type: string; reason: string; message: string }[]> {
  const res = await client().get<{
    items: { type: string; reason: string; message: string; involvedObject: { name: string } }[];
  }>('/api/v1/namespaces/default/events');
  return res.body.items.filter((e) => e.involvedObject.name === name);
}

describe('ImageSnapshot controller', () => {
  it('S1, S2: Creating for 30 s per image, then Available with snapshot ID, name and images', async () => {
    await create(
      snapshot('my-imagesnapshot', { images: [{ image: 'nginx:latest' }, { image: 'redis' }] }),
    );
    let snap = (await get('my-imagesnapshot')).body;
    expect(snap.metadata.finalizers).toContain(SNAPSHOT_FINALIZER);
    expect(snap.status).toMatchObject({
      phase: 'Creating',
      snapshotName: 'cci-imagesnapshot-my-imagesnapshot',
    });
    expect(snap.status?.snapshotID).toBeUndefined();

    await t.advance(59_000);
    expect((await get('my-imagesnapshot')).body.status?.phase).toBe('Creating');
    await t.advance(1_000);
    snap = (await get('my-imagesnapshot')).body;
    expect(snap.status?.phase).toBe('Available');
    expect(snap.status?.snapshotID).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(snap.status?.images).toEqual([{ image: 'nginx:latest' }, { image: 'redis' }]);
  });

  it('S2, S6: a private registry without credentials is Unavailable; with them it works and the password never shows', async () => {
    await create(
      snapshot('no-creds', { images: [{ image: 'registry.private.example.com/team/app:1' }] }),
    );
    await t.advance(30_000);
    const failed = (await get('no-creds')).body.status;
    expect(failed).toMatchObject({ phase: 'Unavailable', reason: 'ImagePullFailed' });
    expect(failed?.message).toContain('registry.private.example.com');
    expect((await events('no-creds')).map((e) => e.reason)).toContain('ImagePullFailed');

    const password = 'pwdA-S3cret-value';
    await create(
      snapshot('with-creds', {
        images: [{ image: 'swr.region.example.com/team/app:1' }],
        registries: [{ server: 'swr.region.example.com', username: 'userA', password }],
      }),
    );
    await t.advance(30_000);
    const ok = await get('with-creds');
    expect(ok.body.status?.phase).toBe('Available');
    expect(JSON.stringify(ok.body.status)).not.toContain(password);
    const allEvents = await t.api.get('/api/v1/namespaces/default/events');
    expect(allEvents.text).not.toContain(password);
  });

  it('S2: a building namespace that does not exist makes the snapshot Unavailable at once', async () => {
    await create(
      snapshot('lost', { images: [{ image: 'nginx' }], buildingConfig: { namespace: 'nowhere' } }),
    );
    const status = (await get('lost')).body.status;
    expect(status).toMatchObject({ phase: 'Unavailable', reason: 'NamespaceNotFound' });
    expect(status?.message).toContain('"nowhere"');
  });

  it('S5: after ttlDaysAfterCreated the snapshot is marked expired but stays', async () => {
    await create(snapshot('short-lived', { images: [{ image: 'nginx' }], ttlDaysAfterCreated: 2 }));
    await t.advance(30_000);
    await t.advance(DAY);
    expect((await get('short-lived')).body.status?.expired).toBeUndefined();
    await t.advance(DAY);
    const snap = await get('short-lived');
    expect(snap.status).toBe(200);
    expect(snap.body.status).toMatchObject({ phase: 'Available', expired: true });
    expect(
      (await events('short-lived')).find((e) => e.reason === 'SnapshotExpired')?.message,
    ).toContain('quota');
  });

  it('S2: deleting shows phase Deleting, then the snapshot disappears', async () => {
    await create(snapshot('doomed', { images: [{ image: 'nginx' }] }));
    await t.advance(30_000);
    const res = await t.api.delete(`${path}/doomed`);
    expect([200, 202]).toContain(res.status);
    await t.settle();
    expect((await get('doomed')).body.status?.phase).toBe('Deleting');
    await t.advance(5_000);
    expect((await get('doomed')).status).toBe(404);
  });
});
