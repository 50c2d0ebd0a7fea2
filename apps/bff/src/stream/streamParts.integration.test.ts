import { startEmulator, type Emulator } from '@cci/emulator';
import { request, type IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  httpUpstream,
  memorySessions,
  mountForTest,
  serveForTest,
  testDeps,
  testSession,
} from '../proxy/testkit.ts';
import { createStreamHub, streamRoutes } from '../routes/stream.ts';
import type { StreamHub } from './hub.ts';
import { openSse, type SseClient, type SseEvent } from './testkit.ts';

/** Big lists over the live stream, against a real emulator: parts, late tabs, compression. */
let emulator: Emulator;
let hub: StreamHub;
let bff: Awaited<ReturnType<typeof serveForTest>>;
let upstream: ReturnType<typeof httpUpstream>;
const alice = testSession('');
const sessions = memorySessions(alice);
const open: { close(): void }[] = [];
const COUNT = 1_234;

beforeAll(async () => {
  emulator = await startEmulator({ tls: false, controllers: [] });
  alice.credentials = {
    kind: 'token',
    token: emulator.issueToken(),
    expiresAt: Date.now() + 3_600_000,
  };
  upstream = httpUpstream(emulator.url);
  const deps = testDeps(upstream, sessions);
  hub = createStreamHub(deps, { heartbeatMs: 60_000 });
  bff = await serveForTest(mountForTest('/api/stream', streamRoutes(deps, hub), sessions));
  emulator.store.put('/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'big' },
  });
  for (let i = 0; i < COUNT; i++) {
    emulator.store.put('/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `cm-${String(i).padStart(5, '0')}`, namespace: 'big' },
      data: { index: String(i) },
    });
  }
});

afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await expect.poll(() => hub.feedCount).toBe(0);
});

afterAll(async () => {
  hub.close();
  await bff.close();
  await emulator.close();
});

async function subscribe(stream: string, id: string): Promise<void> {
  const res = await fetch(`${bff.url}/api/stream/${stream}/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-session': alice.id },
    body: JSON.stringify({ resource: 'v1/configmaps', namespace: 'big', id }),
  });
  expect(res.status).toBe(201);
}

const partsOf = (events: SseEvent[], sub: string) =>
  events.filter((e) => e.event === 'snapshot' && e.data.subscription === sub);
const names = (parts: SseEvent[]) =>
  parts.flatMap((p) =>
    (p.data.items as { metadata: { name: string } }[]).map((i) => i.metadata.name),
  );
const upstreamLists = () =>
  upstream.calls.filter((c) => !new URLSearchParams(c.query ?? '').has('watch')).length;

/** Reads an event stream as raw bytes, decompressing what the Content-Encoding says. */
function rawSse(acceptEncoding: string) {
  const events: SseEvent[] = [];
  let text = '';
  return new Promise<{ res: IncomingMessage; events: SseEvent[]; close(): void }>(
    (resolve, reject) => {
      const req = request(
        `${bff.url}/api/stream`,
        { headers: { 'accept-encoding': acceptEncoding, 'x-test-session': alice.id } },
        (res) => {
          const encoding = res.headers['content-encoding'];
          const decoder: Transform | IncomingMessage =
            encoding === 'gzip'
              ? res.pipe(createGunzip())
              : encoding === 'br'
                ? res.pipe(createBrotliDecompress())
                : res;
          decoder.on('error', () => {}); // the connection is cut at the end of the test
          decoder.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            let split = text.indexOf('\n\n');
            while (split !== -1) {
              const frame = text.slice(0, split);
              text = text.slice(split + 2);
              const event = /^event: (.*)$/m.exec(frame)?.[1];
              const data = /^data: (.*)$/m.exec(frame)?.[1];
              if (event && data) events.push({ event, data: JSON.parse(data) });
              split = text.indexOf('\n\n');
            }
          });
          resolve({ res, events, close: () => req.destroy() });
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('big lists on the live stream', () => {
  it('sends the snapshot in parts of one list page that assemble to the whole list, listed once', async () => {
    const before = upstreamLists();
    const tab: SseClient = await openSse(`${bff.url}/api/stream`, { 'x-test-session': alice.id });
    open.push(tab);
    await subscribe(tab.stream, 'one');
    await tab.waitFor((e) => e.event === 'snapshot' && e.data.complete === true);
    const parts = partsOf(tab.events, 'one');
    // 500 first (the first rows), then bigger pages.
    expect(parts.map((p) => [p.data.part, p.data.items.length, p.data.complete])).toEqual([
      [0, 500, false],
      [1, 734, true],
    ]);
    expect(new Set(names(parts)).size).toBe(COUNT);
    // 2 pages of one upstream list (limit/continue), no second list for the snapshot.
    expect(upstreamLists() - before).toBe(2);
  });

  it('a tab joining the feed later gets the full current state, changes included, without a new list', async () => {
    const first: SseClient = await openSse(`${bff.url}/api/stream`, { 'x-test-session': alice.id });
    open.push(first);
    await subscribe(first.stream, 'first');
    await first.waitFor((e) => e.event === 'snapshot' && e.data.complete === true);
    const listsAfterFirst = upstreamLists();
    await fetch(`${emulator.url}/api/v1/namespaces/big/configmaps/cm-00007`, {
      method: 'DELETE',
      headers: { 'X-Auth-Token': emulator.issueToken() },
    });
    await first.waitFor((e) => e.event === 'event' && e.data.eventType === 'DELETED');
    const late: SseClient = await openSse(`${bff.url}/api/stream`, { 'x-test-session': alice.id });
    open.push(late);
    await subscribe(late.stream, 'late');
    await late.waitFor((e) => e.event === 'snapshot' && e.data.complete === true);
    const got = names(partsOf(late.events, 'late'));
    expect(got).toHaveLength(COUNT - 1);
    expect(got).not.toContain('cm-00007');
    expect(upstreamLists()).toBe(listsAfterFirst);
  });

  for (const [offered, expected] of [
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
  ] as const) {
    it(`compresses the stream with ${expected} when the browser accepts it; each event arrives at once`, async () => {
      const sse = await rawSse(offered);
      open.push(sse);
      expect(sse.res.headers['content-encoding']).toBe(expected);
      expect(sse.res.headers['vary']).toContain('Accept-Encoding');
      // 'ready' is decodable while the stream stays open: the compressor flushed it.
      await expect.poll(() => sse.events.find((e) => e.event === 'ready')).toBeTruthy();
      const stream = sse.events.find((e) => e.event === 'ready')?.data.stream as string;
      await subscribe(stream, 'z');
      await expect.poll(() => sse.events.filter((e) => e.event === 'snapshot').length).toBe(2);
      expect(new Set(names(partsOf(sse.events, 'z'))).size).toBeGreaterThanOrEqual(COUNT - 1);
      expect(sse.res.complete).toBe(false);
    });
  }

  it('sends the stream uncompressed to a client that accepts no encoding', async () => {
    const sse = await rawSse('identity');
    open.push(sse);
    expect(sse.res.headers['content-encoding']).toBeUndefined();
    await expect.poll(() => sse.events.some((e) => e.event === 'ready')).toBe(true);
  });
});
