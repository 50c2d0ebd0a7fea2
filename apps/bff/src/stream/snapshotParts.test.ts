import { findKindByResource, type KindDescriptor } from '@cci/model';
import { describe, expect, it } from 'vitest';
import { memorySessions, testSession } from '../proxy/testkit.ts';
import type { UpstreamClient, UpstreamRequest } from '../upstream/types.ts';
import type { FeedContext, FeedMessage, KubeObject } from './feed.ts';
import { WatchFeed } from './watchFeed.ts';

/** Snapshots in parts: each upstream list page goes to the tabs as it arrives. */
type Reply = (req: UpstreamRequest) => Response | Promise<Response>;

const cm = (name: string, rv: string): KubeObject => ({
  metadata: { name, namespace: 'ns', resourceVersion: rv },
});
const page =
  (rv: string, items: KubeObject[], continueToken?: string): Reply =>
  () =>
    new Response(
      JSON.stringify({
        kind: 'ConfigMapList',
        metadata: { resourceVersion: rv, ...(continueToken ? { continue: continueToken } : {}) },
        items,
      }),
      { status: 200 },
    );
const many = (prefix: string, n: number, rv: string) =>
  Array.from({ length: n }, (_, i) => cm(`${prefix}${String(i).padStart(4, '0')}`, rv));
/** A watch that sends these lines, then stays open until the feed aborts it. */
const watch =
  (...lines: unknown[]): Reply =>
  (req) =>
    new Response(
      new ReadableStream({
        start(c) {
          for (const line of lines)
            c.enqueue(new TextEncoder().encode(`${JSON.stringify(line)}\n`));
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
      return (replies.shift() ?? watch())(req);
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
  const feed = new WatchFeed(
    ctx,
    { sessionId: session.id, kind, namespace: 'ns', labelSelector: undefined },
    () => {},
  );
  const join = () => {
    const received: FeedMessage[] = [];
    const listener = (m: FeedMessage) => void received.push(m);
    feed.add(listener);
    return { received, leave: () => feed.remove(listener) };
  };
  const queryOf = (i: number) => new URLSearchParams(calls[i]?.query ?? '');
  return { feed, join, calls, queryOf };
}

type Part = Extract<FeedMessage, { type: 'snapshot' | 'reset' }>;
const parts = (messages: FeedMessage[]) =>
  messages.filter((m): m is Part => m.type === 'snapshot' || m.type === 'reset');
const assembled = (messages: FeedMessage[]) =>
  parts(messages).flatMap((p) => p.items.map((i) => i.metadata?.name));
const shape = (messages: FeedMessage[]) =>
  parts(messages).map((p) => [p.part, p.items.length, p.complete]);

describe('snapshot in parts', () => {
  it('sends the first page before the list is complete; the parts assemble to the whole list', async () => {
    let releasePage2: () => void = () => {};
    const page2Held = new Promise<void>((r) => (releasePage2 = r));
    const h = harness(page('10', many('a', 500, '9'), 'next'), async (req) => {
      await page2Held;
      return page('12', many('b', 200, '11'))(req);
    });
    const tab = h.join();
    await expect.poll(() => h.calls.length).toBe(2); // page 2 requested, not answered
    expect(shape(tab.received)).toEqual([[0, 500, false]]);
    expect(h.queryOf(1).get('continue')).toBe('next');
    expect(h.queryOf(0).get('limit')).toBe('500');
    expect(h.queryOf(1).get('limit')).toBe('5000');
    releasePage2();
    await expect.poll(() => h.calls.length).toBe(3);
    expect(shape(tab.received)).toEqual([
      [0, 500, false],
      [1, 200, true],
    ]);
    expect(assembled(tab.received)).toEqual([
      ...many('a', 500, '').map((o) => o.metadata?.name),
      ...many('b', 200, '').map((o) => o.metadata?.name),
    ]);
    // Every part carries the first page's version, and the watch continues from it.
    expect(parts(tab.received).map((p) => p.resourceVersion)).toEqual(['10', '10']);
    expect(h.queryOf(2).get('resourceVersion')).toBe('10');
    tab.leave();
  });

  it('a tab joining mid-list gets the parts so far, then the rest as they come', async () => {
    let releasePage2: () => void = () => {};
    const page2Held = new Promise<void>((r) => (releasePage2 = r));
    const h = harness(page('10', many('a', 500, '9'), 'next'), async (req) => {
      await page2Held;
      return page('10', many('b', 3, '9'))(req);
    });
    const first = h.join();
    await expect.poll(() => h.calls.length).toBe(2);
    const late = h.join();
    expect(shape(late.received)).toEqual([[0, 500, false]]);
    releasePage2();
    await expect.poll(() => h.calls.length).toBe(3);
    expect(shape(late.received)).toEqual([
      [0, 500, false],
      [1, 3, true],
    ]);
    expect(assembled(late.received)).toEqual(assembled(first.received));
    first.leave();
    late.leave();
  });

  it('a watch event for an object changed while the list was read applies after the snapshot; a late tab gets that state in parts', async () => {
    // The emulator answers later pages at newer versions; the change to a0000 (on page 1) at
    // version 11 is only seen because the watch starts from the first page's version.
    const h = harness(
      page('10', many('a', 500, '9'), 'next'),
      page('12', many('b', 600, '9')),
      watch({ type: 'MODIFIED', object: { ...cm('a0000', '11'), data: { k: 'v' } } }),
    );
    const tab = h.join();
    await expect.poll(() => tab.received.some((m) => m.type === 'event')).toBe(true);
    expect(h.queryOf(2).get('resourceVersion')).toBe('10');
    expect(tab.received.map((m) => m.type)).toEqual(['snapshot', 'snapshot', 'event']);
    const late = h.join();
    expect(shape(late.received)).toEqual([
      [0, 500, false],
      [1, 500, false],
      [2, 100, true],
    ]);
    const lateA0000 = parts(late.received)
      .flatMap((p) => p.items)
      .find((o) => o.metadata?.name === 'a0000');
    expect(lateA0000).toMatchObject({ data: { k: 'v' }, metadata: { resourceVersion: '11' } });
    expect(new Set(assembled(late.received)).size).toBe(1_100);
    tab.leave();
    late.leave();
  });

  it('an empty list is one empty, complete part', async () => {
    const h = harness(page('10', []));
    const tab = h.join();
    await expect.poll(() => h.calls.length).toBe(2);
    expect(shape(tab.received)).toEqual([[0, 0, true]]);
    const late = h.join();
    expect(shape(late.received)).toEqual([[0, 0, true]]);
    tab.leave();
    late.leave();
  });
});
