import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireLiveList } from './liveLists.ts';
import type { KubeList, KubeObject } from './objects.ts';
import { kubeKeys } from '../../lib/kube/keys.ts';
import { resourceQueries } from './resources.queries.ts';

/** Just enough of EventSource: listeners by type, and a way to emit. */
class FakeSource extends EventTarget {
  static readonly CLOSED = 2;
  static last: FakeSource | undefined;
  readyState = 1;
  onerror: (() => void) | null = null;
  constructor() {
    super();
    FakeSource.last = this;
  }
  emit(type: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  close() {
    this.readyState = FakeSource.CLOSED;
  }
}
vi.stubGlobal('EventSource', FakeSource);

const pod = (name: string): KubeObject => ({ metadata: { name, namespace: 'demo' } });
const names = (list: KubeList | undefined) => list?.items.map((o) => o.metadata.name);

function setup(namespace: string) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({
        url,
        method: init?.method ?? 'GET',
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      });
      if ((init?.method ?? 'GET') === 'GET') {
        const list: KubeList = { metadata: { resourceVersion: '1' }, items: [pod('from-proxy')] };
        return new Response(JSON.stringify(list), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      }
      return new Response(JSON.stringify({ id: 'x' }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const key = kubeKeys.list('r1', namespace, 'pods');
  const shared = acquireLiveList(queryClient, key, 'pods', namespace);
  if (!shared) throw new Error('no live list: EventSource is stubbed');
  const source = FakeSource.last as FakeSource;
  source.emit('ready', { stream: 'abc' });
  const subscription = () =>
    (calls.find((c) => c.method === 'POST')?.body as { id: string } | undefined)?.id;
  const proxyLists = () => calls.filter((c) => c.method === 'GET').length;
  return { queryClient, key, shared, source, subscription, proxyLists };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('list queries and the live stream', () => {
  it('the list query is resolved by the stream snapshot, first part shown early, no proxy list', async () => {
    const t = setup('streamed');
    const query = t.queryClient.fetchQuery(resourceQueries.list('r1', 'pods', 'streamed'));
    const sub = t.subscription();
    expect(sub).toBeDefined();
    t.source.emit('snapshot', {
      subscription: sub,
      resourceVersion: '5',
      items: [pod('a'), pod('b')],
      part: 0,
      complete: false,
    });
    await vi.waitFor(() =>
      expect(names(t.queryClient.getQueryData<KubeList>(t.key))).toEqual(['a', 'b']),
    );
    t.source.emit('snapshot', {
      subscription: sub,
      resourceVersion: '5',
      items: [pod('c')],
      part: 1,
      complete: true,
    });
    t.source.emit('event', { subscription: sub, eventType: 'DELETED', object: pod('a') });
    // The event came right after the last part: the query resolves with both applied.
    expect(names(await query)).toEqual(['b', 'c']);
    expect(t.shared.live.phase).toBe('live');
    // A later fetch of a live list (window focus, another screen's poll) costs nothing.
    await t.queryClient.refetchQueries({ queryKey: t.key });
    expect(names(t.queryClient.getQueryData<KubeList>(t.key))).toEqual(['b', 'c']);
    expect(t.proxyLists()).toBe(0);
    t.shared.release();
  });

  it('when the stream drops before the snapshot, the query lists through the proxy', async () => {
    const t = setup('dropped');
    const query = t.queryClient.fetchQuery(resourceQueries.list('r1', 'pods', 'dropped'));
    await Promise.resolve();
    t.source.readyState = FakeSource.CLOSED;
    t.source.onerror?.();
    expect(names(await query)).toEqual(['from-proxy']);
    expect(t.shared.live.phase).toBe('down');
    expect(t.proxyLists()).toBe(1);
    t.shared.release();
  });

  it('a list nobody follows live is listed through the proxy', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ items: [pod('plain')] }), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    const queryClient = new QueryClient();
    const list = await queryClient.fetchQuery(resourceQueries.list('r1', 'pods', 'unfollowed'));
    expect(names(list)).toEqual(['plain']);
    expect(vi.mocked(fetch).mock.calls[0]?.[0]).toBe('/api/cci/api/v1/namespaces/unfollowed/pods');
  });
});
