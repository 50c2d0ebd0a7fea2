import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, readWatchEvents } from '../../test/support/client.ts';
import { namespaceManifest } from '../../test/support/testEmulator.ts';
import { startEmulator, type Emulator } from '../emulator.ts';

// List and watch semantics of the API server that informers and kubectl rely on: options
// validation, exact and too-new versions, pagination as one snapshot, bookmarks before timeout.

interface List {
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: { metadata: { name: string }; data?: Record<string, string> }[];
}
interface Status {
  code: number;
  reason: string;
  message: string;
  details?: { causes?: { reason: string; field?: string }[]; retryAfterSeconds?: number };
}

const ns = 'lists';
const cms = `/api/v1/namespaces/${ns}/configmaps`;
let emulator: Emulator;
let api: ReturnType<typeof apiClient>;

async function start(eventLogCapacity?: number): Promise<void> {
  emulator = await startEmulator({
    tls: false,
    clock: 'manual',
    controllers: [],
    ...(eventLogCapacity ? { eventLogCapacity } : {}),
  });
  api = apiClient(emulator.url, emulator.issueToken());
  expect((await api.post('/api/v1/namespaces', namespaceManifest(ns))).status).toBe(201);
}

async function put(name: string, value: string): Promise<string> {
  const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { value } };
  const existing = await api.get(`${cms}/${name}`);
  const res =
    existing.status === 200 ? await api.put(`${cms}/${name}`, body) : await api.post(cms, body);
  expect(res.status, res.text).toBeLessThan(300);
  return (res.body as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
}

const names = (list: List) => list.items.map((i) => i.metadata.name);

describe('list options and versions', () => {
  beforeEach(() => start());
  afterEach(() => emulator.close());

  it('refuses resourceVersionMatch without resourceVersion with 422 Invalid ListOptions', async () => {
    const res = await api.get<Status>(`${cms}?resourceVersionMatch=NotOlderThan`);
    expect(res.status).toBe(422);
    expect(res.body.reason).toBe('Invalid');
    expect(res.body.message).toBe(
      'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
    );
    const unsupported = await api.get<Status>(
      `${cms}?resourceVersion=1&resourceVersionMatch=Newest`,
    );
    expect(unsupported.status).toBe(422);
    expect(unsupported.body.details?.causes?.[0]?.reason).toBe('FieldValueNotSupported');
    const exactZero = await api.get<Status>(`${cms}?resourceVersion=0&resourceVersionMatch=Exact`);
    expect(exactZero.body.message).toContain('"exact" is forbidden for resourceVersion "0"');
  });

  it('serves Exact with an old version as the list stood then', async () => {
    await put('a', 'first');
    const then = await put('b', 'first');
    await put('a', 'second');
    expect((await api.delete(`${cms}/b`)).status).toBe(200);
    await put('c', 'first');

    const old = await api.get<List>(`${cms}?resourceVersion=${then}&resourceVersionMatch=Exact`);
    expect(old.status).toBe(200);
    expect(old.body.metadata.resourceVersion).toBe(then);
    expect(names(old.body)).toEqual(['a', 'b']);
    expect(old.body.items[0]?.data).toEqual({ value: 'first' });
    const now = await api.get<List>(
      `${cms}?resourceVersion=${then}&resourceVersionMatch=NotOlderThan`,
    );
    expect(names(now.body)).toEqual(['a', 'c']);
    expect(Number(now.body.metadata.resourceVersion)).toBeGreaterThan(Number(then));
  });

  it('answers a future resourceVersion 504 Too large resource version, with the retry cause', async () => {
    const current = Number(await put('a', 'x'));
    const res = await api.get<Status>(`${cms}?resourceVersion=${current + 100}`);
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({
      reason: 'Timeout',
      message: `Timeout: Too large resource version: ${current + 100}, current: ${current}`,
      details: {
        causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
        retryAfterSeconds: 1,
      },
    });
    const watch = await readWatchEvents(
      `${emulator.url}${cms}?watch=true&resourceVersion=${current + 100}`,
      emulator.issueToken(),
      1,
    );
    expect(watch[0]?.type).toBe('ERROR');
    expect(watch[0]?.object).toMatchObject({ code: 504, reason: 'Timeout' });
  });

  it('pages one snapshot: a create or an edit between page 1 and page 2 does not show', async () => {
    for (const name of ['a', 'b', 'c']) await put(name, 'before');
    const first = await api.get<List>(`${cms}?limit=2`);
    expect(names(first.body)).toEqual(['a', 'b']);
    expect(first.body.metadata.remainingItemCount).toBe(1);
    await put('d', 'created between the pages');
    await put('c', 'edited between the pages');

    const token = encodeURIComponent(first.body.metadata.continue ?? '');
    const second = await api.get<List>(`${cms}?limit=2&continue=${token}`);
    expect(second.status).toBe(200);
    expect(names(second.body)).toEqual(['c']);
    expect(second.body.items[0]?.data).toEqual({ value: 'before' });
    expect(second.body.metadata.resourceVersion).toBe(first.body.metadata.resourceVersion);
    expect(second.body.metadata.continue).toBeUndefined();
    expect(names((await api.get<List>(cms)).body)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ends a watch with a BOOKMARK 2 s before timeoutSeconds when bookmarks are allowed', async () => {
    await put('a', 'x');
    // Read to the end of the stream (the server closes it at the timeout): the bookmark is last.
    const events = await readWatchEvents(
      `${emulator.url}${cms}?watch=true&allowWatchBookmarks=true&timeoutSeconds=3`,
      emulator.issueToken(),
      3,
      8000,
    );
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'BOOKMARK']);
    expect(events[1]?.object).toMatchObject({
      kind: 'ConfigMap',
      metadata: { resourceVersion: String(emulator.store.resourceVersion) },
    });
    const without = await readWatchEvents(
      `${emulator.url}${cms}?watch=true&timeoutSeconds=3`,
      emulator.issueToken(),
      2,
      8000,
    );
    expect(without.map((e) => e.type)).toEqual(['ADDED']);
  });
});

describe('compaction', () => {
  beforeEach(() => start(4));
  afterEach(() => emulator.close());

  it('answers 410 Expired for a continue token or an Exact version whose history is gone', async () => {
    for (const name of ['a', 'b']) await put(name, 'x');
    const first = await api.get<List>(`${cms}?limit=1`);
    const old = first.body.metadata.resourceVersion;
    for (let i = 0; i < 6; i++) await put('a', `edit ${i}`);
    const token = encodeURIComponent(first.body.metadata.continue ?? '');
    const next = await api.get<Status>(`${cms}?limit=1&continue=${token}`);
    expect(next.status).toBe(410);
    expect(next.body.reason).toBe('Expired');
    expect(next.body.message).toMatch(/^The provided continue parameter is too old/);
    const exact = await api.get<Status>(`${cms}?resourceVersion=${old}&resourceVersionMatch=Exact`);
    expect(exact.status).toBe(410);
    expect(exact.body.message).toBe('The resourceVersion for the provided list is too old.');
  });
});
