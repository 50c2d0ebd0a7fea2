import type { StreamEventData, WatchEventType } from '@cci/model';
import { startEmulator, type Emulator } from '@cci/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStreamHub, streamRoutes } from '../routes/stream.ts';
import {
  httpUpstream,
  memorySessions,
  mountForTest,
  serveForTest,
  testDeps,
  testSession,
} from '../proxy/testkit.ts';
import type { StreamHub } from './hub.ts';
import { namesIn, openSse, type SseClient } from './testkit.ts';

/** The live stream against a real emulator: shared watches, unsubscribe, caps, S4 polling. */
let emulator: Emulator;
let token: string;
let hub: StreamHub;
let bff: Awaited<ReturnType<typeof serveForTest>>;
const alice = testSession('');
const bob = testSession('');
const sessions = memorySessions(alice, bob);
const open: SseClient[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ tls: false, controllers: [] });
  token = emulator.issueToken();
  for (const s of [alice, bob])
    s.credentials = { kind: 'token', token, expiresAt: Date.now() + 3_600_000 };
  const deps = testDeps(httpUpstream(emulator.url), sessions);
  hub = createStreamHub(deps, {
    heartbeatMs: 100,
    pollIntervalMs: 100,
    maxSubscriptionsPerSession: 4,
  });
  bff = await serveForTest(mountForTest('/api/stream', streamRoutes(deps, hub), sessions));
  for (const ns of ['ns1', 'ns2']) {
    emulator.store.put('/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns },
    });
  }
});

afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  // Every test starts from no feeds and no upstream watches.
  await expect.poll(() => hub.feedCount).toBe(0);
  await expect.poll(() => emulator.store.watcherCount()).toBe(0);
});

afterAll(async () => {
  hub.close();
  await bff.close();
  await emulator.close();
});

async function tab(session = alice): Promise<SseClient> {
  const client = await openSse(`${bff.url}/api/stream`, { 'x-test-session': session.id });
  open.push(client);
  return client;
}

async function subscribe(client: SseClient, body: object, session = alice): Promise<Response> {
  return fetch(`${bff.url}/api/stream/${client.stream}/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-session': session.id },
    body: JSON.stringify(body),
  });
}

async function subscribed(client: SseClient, body: object, session = alice): Promise<string> {
  const res = await subscribe(client, body, session);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function emulatorApi(method: string, path: string, body?: object): Promise<Response> {
  return fetch(`${emulator.url}${path}`, {
    method,
    headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

const configMap = (name: string, data: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});

const isEvent =
  (sub: string, eventType: WatchEventType, name: string) =>
  (e: { event: string; data: Partial<StreamEventData<{ metadata: { name: string } }>> }) =>
    e.event === 'event' &&
    e.data.subscription === sub &&
    'eventType' in e.data &&
    e.data.eventType === eventType &&
    e.data.object?.metadata.name === name;

describe('live stream', () => {
  it('sends a snapshot, then events for objects created, changed and deleted through CCI', async () => {
    await emulatorApi('POST', '/api/v1/namespaces/ns1/configmaps', configMap('existing'));
    const client = await tab();
    const sub = await subscribed(client, { resource: 'v1/configmaps', namespace: 'ns1' });
    const snapshot = await client.waitFor(
      (e) => e.event === 'snapshot' && e.data.subscription === sub,
    );
    expect(namesIn(snapshot)).toContain('existing');
    await emulatorApi('POST', '/api/v1/namespaces/ns1/configmaps', configMap('fresh'));
    await client.waitFor(isEvent(sub, 'ADDED', 'fresh'));
    await emulatorApi(
      'PUT',
      '/api/v1/namespaces/ns1/configmaps/fresh',
      configMap('fresh', { k: 'v' }),
    );
    await client.waitFor(isEvent(sub, 'MODIFIED', 'fresh'));
    await emulatorApi('DELETE', '/api/v1/namespaces/ns1/configmaps/fresh');
    await client.waitFor(isEvent(sub, 'DELETED', 'fresh'));
  });

  it('shares one upstream watch between tabs of a session, and not across sessions', async () => {
    const baseline = emulator.store.watcherCount();
    const [a, b] = [await tab(), await tab()];
    const subA = await subscribed(a, { resource: 'apps/v1/deployments', namespace: 'ns2' });
    await a.waitFor((e) => e.event === 'snapshot');
    const subB = await subscribed(b, { resource: 'apps/v1/deployments', namespace: 'ns2' });
    await b.waitFor((e) => e.event === 'snapshot' && e.data.subscription === subB);
    await expect.poll(() => emulator.store.watcherCount()).toBe(baseline + 1);

    const other = await tab(bob);
    await subscribed(other, { resource: 'apps/v1/deployments', namespace: 'ns2' }, bob);
    await other.waitFor((e) => e.event === 'snapshot');
    await expect.poll(() => emulator.store.watcherCount()).toBe(baseline + 2);

    emulator.store.put('apps/deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'ns2' },
      spec: {},
    });
    await a.waitFor(isEvent(subA, 'ADDED', 'web'));
    await b.waitFor(isEvent(subB, 'ADDED', 'web'));

    a.close();
    other.close();
    await expect.poll(() => emulator.store.watcherCount()).toBe(baseline + 1);
    b.close();
    await expect.poll(() => emulator.store.watcherCount()).toBe(baseline);
    await expect.poll(() => hub.feedCount).toBe(0);
  });

  it('stops sending events for a subscription once it is deleted', async () => {
    const baseline = emulator.store.watcherCount();
    const client = await tab();
    const gone = await subscribed(client, { resource: 'v1/secrets', namespace: 'ns1' });
    const kept = await subscribed(client, { resource: 'v1/services', namespace: 'ns1' });
    await client.waitFor((e) => e.event === 'snapshot' && e.data.subscription === kept);
    await client.waitFor((e) => e.event === 'snapshot' && e.data.subscription === gone);
    const del = await fetch(`${bff.url}/api/stream/${client.stream}/subscriptions/${gone}`, {
      method: 'DELETE',
      headers: { 'x-test-session': alice.id },
    });
    expect(del.status).toBe(204);
    await expect.poll(() => emulator.store.watcherCount()).toBe(baseline + 1);
    emulator.store.put('/secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'ns1' },
    });
    emulator.store.put('/services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'svc', namespace: 'ns1' },
    });
    // The service event comes after the secret was written: had the secret subscription
    // survived, its event would be there by now.
    await client.waitFor(isEvent(kept, 'ADDED', 'svc'));
    expect(
      client.events.filter((e) => e.data.subscription === gone && e.event === 'event'),
    ).toEqual([]);
  });

  it('S4 polls image snapshots (no watch upstream) and sends the differences', async () => {
    const baseline = emulator.store.watcherCount();
    const client = await tab();
    const refused = await subscribe(client, {
      resource: 'imagecache.cci.io/v1/imagesnapshots',
      labelSelector: 'a=b',
    });
    expect(refused.status).toBe(400);
    const sub = await subscribed(client, { resource: 'imagecache.cci.io/v1/imagesnapshots' });
    await client.waitFor((e) => e.event === 'snapshot' && e.data.subscription === sub);
    const snap = {
      apiVersion: 'imagecache.cci.io/v1',
      kind: 'ImageSnapshot',
      metadata: { name: 'snap1' },
      spec: {},
    };
    emulator.store.put('imagecache.cci.io/imagesnapshots', snap);
    await client.waitFor(isEvent(sub, 'ADDED', 'snap1'));
    emulator.store.put('imagecache.cci.io/imagesnapshots', {
      ...snap,
      status: { phase: 'Available' },
    });
    const modified = await client.waitFor(isEvent(sub, 'MODIFIED', 'snap1'));
    expect(modified.data.object.status.phase).toBe('Available');
    emulator.store.remove('imagecache.cci.io/imagesnapshots', '', 'snap1');
    await client.waitFor(isEvent(sub, 'DELETED', 'snap1'));
    expect(emulator.store.watcherCount()).toBe(baseline);
  });

  it('caps subscriptions per session with a 429 Status', async () => {
    const [a, b] = [await tab(), await tab()];
    for (const ns of ['c1', 'c2']) await subscribed(a, { resource: 'v1/pods', namespace: ns });
    for (const ns of ['c3', 'c4']) await subscribed(b, { resource: 'v1/pods', namespace: ns });
    const over = await subscribe(b, { resource: 'v1/pods', namespace: 'c5' });
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({
      kind: 'Status',
      code: 429,
      reason: 'TooManyRequests',
    });
  });

  it('refuses another session’s stream, unknown resources and bad bodies', async () => {
    const client = await tab();
    expect((await subscribe(client, { resource: 'v1/pods' }, bob)).status).toBe(404);
    expect((await subscribe(client, { resource: 'v1/nodes' })).status).toBe(400);
    expect((await subscribe(client, { resource: 'v1/namespaces', namespace: 'ns1' })).status).toBe(
      400,
    );
    expect((await subscribe(client, { resource: 'v1/pods', namespace: 'NS' })).status).toBe(400);
    expect((await subscribe(client, { resource: 'v1/pods', extra: 1 })).status).toBe(400);
    expect((await subscribe(client, { resource: 'v1/pods', labelSelector: 'a in (' })).status).toBe(
      400,
    );
    const dup = { resource: 'v1/pods', namespace: 'd', id: 'mine' };
    expect((await subscribe(client, dup)).status).toBe(201);
    expect((await subscribe(client, dup)).status).toBe(409);
  });

  it('sets a 1 s reconnect delay, sends heartbeats and ends the stream when the session ends', async () => {
    const carol = testSession(token);
    await sessions.set(carol);
    const client = await openSse(`${bff.url}/api/stream`, { 'x-test-session': carol.id });
    open.push(client);
    // A stream cut by a replica's end resumes through another within seconds (issue #19).
    expect(client.retryMs).toBe(1000);
    await expect.poll(() => client.comments, { timeout: 5_000 }).toBeGreaterThan(1);
    await sessions.delete(carol.id);
    await client.waitFor((e) => e.event === 'end');
    await client.ended;
  });
});
