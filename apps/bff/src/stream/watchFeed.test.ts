import { findKindByResource, type KindDescriptor } from '@cci/model';
import { describe, expect, it } from 'vitest';
import { memorySessions, testSession } from '../proxy/testkit.ts';
import type { UpstreamClient, UpstreamRequest } from '../upstream/types.ts';
import type { FeedContext, FeedMessage } from './feed.ts';
import { WatchFeed } from './watchFeed.ts';

type Reply = (req: UpstreamRequest) => Response;

const json =
  (status: number, body: unknown): Reply =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const list = (rv: string, ...names: string[]) =>
  json(200, {
    kind: 'ConfigMapList',
    metadata: { resourceVersion: rv },
    items: names.map((name) => ({ metadata: { name, namespace: 'ns', resourceVersion: rv } })),
  });
const watchLines =
  (...events: unknown[]): Reply =>
  () =>
    new Response(events.map((e) => `${JSON.stringify(e)}\n`).join(''), { status: 200 });
const event = (type: string, name: string, rv: string) => ({
  type,
  object: { metadata: { name, namespace: 'ns', resourceVersion: rv } },
});
/** A watch that stays open until the feed aborts it. */
const openWatch: Reply = (req) =>
  new Response(
    new ReadableStream({
      start(c) {
        req.signal?.addEventListener('abort', () => c.error(new Error('aborted')));
      },
    }),
    { status: 200 },
  );

function harness(...replies: Reply[]) {
  const session = testSession('token-0123456789');
  const calls: UpstreamRequest[] = [];
  const upstream: UpstreamClient = {
    request: async (_s, req) => {
      calls.push(req);
      return (replies.shift() ?? openWatch)(req);
    },
  };
  const ctx: FeedContext = {
    upstream,
    sessions: memorySessions(session),
    now: Date.now,
    idleMs: 3_600_000,
    listTimeoutMs: 1_000,
    backoffBaseMs: 1,
    backoffMaxMs: 5,
    pollIntervalMs: 10,
    log: () => {},
  };
  const kind = findKindByResource('', 'v1', 'configmaps') as KindDescriptor;
  let stopped = false;
  const feed = new WatchFeed(
    ctx,
    { sessionId: session.id, kind, namespace: 'ns', labelSelector: 'app=web' },
    () => {
      stopped = true;
    },
  );
  const received: FeedMessage[] = [];
  const listener = (m: FeedMessage) => void received.push(m);
  feed.add(listener);
  const queryOf = (i: number) => new URLSearchParams(calls[i]?.query ?? '');
  return { feed, listener, received, calls, queryOf, isStopped: () => stopped };
}

const names = (m: FeedMessage | undefined) =>
  m && 'items' in m ? m.items.map((i) => i.metadata?.name) : undefined;

describe('WatchFeed', () => {
  it('lists, then watches from the list resourceVersion with the selector', async () => {
    const h = harness(list('10', 'a'));
    await expect.poll(() => h.calls.length).toBe(2);
    expect(h.received).toEqual([
      expect.objectContaining({ type: 'snapshot', resourceVersion: '10' }),
    ]);
    expect(h.queryOf(0).get('labelSelector')).toBe('app=web');
    expect(h.queryOf(1).get('watch')).toBe('1');
    expect(h.queryOf(1).get('resourceVersion')).toBe('10');
    expect(h.queryOf(1).get('labelSelector')).toBe('app=web');
    h.feed.remove(h.listener);
    expect(h.isStopped()).toBe(true);
  });

  it('resumes from the last resourceVersion seen when the watch drops', async () => {
    const h = harness(
      list('10', 'a'),
      watchLines(event('ADDED', 'b', '11'), {
        type: 'BOOKMARK',
        object: { metadata: { resourceVersion: '15' } },
      }),
    );
    await expect.poll(() => h.calls.length).toBe(3);
    expect(h.queryOf(2).get('resourceVersion')).toBe('15');
    expect(h.received.map((m) => m.type)).toEqual(['snapshot', 'event']);
    h.feed.remove(h.listener);
  });

  it('re-lists on 410 Gone and sends a reset with the fresh state', async () => {
    const h = harness(
      list('10', 'a'),
      json(410, { kind: 'Status', code: 410 }),
      list('20', 'a', 'b'),
    );
    await expect.poll(() => h.received.length).toBe(2);
    expect(h.received[1]).toMatchObject({ type: 'reset', resourceVersion: '20' });
    expect(names(h.received[1])).toEqual(['a', 'b']);
    await expect.poll(() => h.queryOf(3).get('resourceVersion')).toBe('20');
    h.feed.remove(h.listener);
  });

  it('re-lists on an ERROR 410 event inside the watch stream', async () => {
    const h = harness(
      list('10', 'a'),
      watchLines(event('DELETED', 'a', '11'), {
        type: 'ERROR',
        object: { kind: 'Status', code: 410 },
      }),
      list('30', 'c'),
    );
    await expect.poll(() => h.received.map((m) => m.type)).toEqual(['snapshot', 'event', 'reset']);
    expect(names(h.received[2])).toEqual(['c']);
    h.feed.remove(h.listener);
  });

  it('gives a late listener the current state at once, events applied', async () => {
    const h = harness(
      list('10', 'a'),
      watchLines(event('ADDED', 'b', '11'), event('DELETED', 'a', '12')),
    );
    await expect.poll(() => h.received.length).toBe(3);
    const late: FeedMessage[] = [];
    h.feed.add((m) => void late.push(m));
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ type: 'snapshot', resourceVersion: '12' });
    expect(names(late[0])).toEqual(['b']);
    expect(h.calls.filter((c) => !c.query.includes('watch')).length).toBe(1);
  });

  it('reports a refusal by CCI (403) once and stops, with the secret redacted', async () => {
    const h = harness(
      json(403, {
        kind: 'Status',
        code: 403,
        reason: 'Forbidden',
        message: 'token token-0123456789 may not list',
      }),
    );
    await expect.poll(() => h.isStopped()).toBe(true);
    expect(h.received).toEqual([
      {
        type: 'error',
        status: expect.objectContaining({ code: 403, message: 'token [redacted] may not list' }),
      },
    ]);
    expect(h.calls).toHaveLength(1);
  });

  it('retries transient failures (5xx, network) with backoff', async () => {
    const h = harness(
      json(503, { kind: 'Status', code: 503 }),
      () => {
        throw new Error('ECONNREFUSED');
      },
      list('10', 'a'),
    );
    await expect.poll(() => h.received.map((m) => m.type)).toEqual(['snapshot']);
    h.feed.remove(h.listener);
  });

  it('treats a 410 from the list (expired continue token) as retryable, listing again', async () => {
    const h = harness(json(410, { kind: 'Status', code: 410 }), list('40', 'z'));
    await expect.poll(() => h.received.map((m) => m.type)).toEqual(['snapshot']);
    expect(names(h.received[0])).toEqual(['z']);
    expect(h.calls.filter((c) => !c.query.includes('watch')).length).toBe(2);
    h.feed.remove(h.listener);
  });
});
