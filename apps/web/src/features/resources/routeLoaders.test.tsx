// @vitest-environment jsdom
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../queryClient.ts';
import { useResourceListQuery } from './liveList.ts';
import type { KubeObject } from './objects.ts';
import { loadDetails, loadList } from './routeLoaders.ts';

/** Just enough of EventSource: listeners by type, and a way to emit. */
class FakeSource extends EventTarget {
  static readonly CLOSED = 2;
  static created: FakeSource[] = [];
  readyState = 1;
  onerror: (() => void) | null = null;
  constructor() {
    super();
    FakeSource.created.push(this);
  }
  emit(type: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  close() {
    this.readyState = FakeSource.CLOSED;
  }
}

const pod = (name: string): KubeObject => ({ metadata: { name, namespace: 'demo' } });

/** Records every request; GETs answer a one-pod list, writes an empty object. */
function recordRequests() {
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const body = method === 'GET' ? { items: [pod('from-proxy')] } : {};
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return {
    calls,
    proxyReads: () => calls.filter((c) => c.method === 'GET' && c.url.startsWith('/api/cci')),
    subscriptions: () => calls.filter((c) => c.method === 'POST' && c.url.includes('/api/stream')),
  };
}

function openPodsPage(queryClient: QueryClient) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return renderHook(() => useResourceListQuery('r1', 'pods', 'demo'), { wrapper });
}

const params = { region: 'r1', namespace: 'demo', resource: 'pods' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('route loaders of the list and details pages', () => {
  it('without a stream: the loader lists through the proxy and the page reuses it (one list)', async () => {
    vi.stubGlobal('EventSource', undefined);
    const requests = recordRequests();
    const queryClient = createQueryClient();
    loadList({ queryClient, preload: false }, params);
    // Started before the page renders.
    await waitFor(() => expect(requests.proxyReads()).toHaveLength(1));
    const page = openPodsPage(queryClient);
    await waitFor(() =>
      expect(page.result.current.data?.items[0]?.metadata.name).toBe('from-proxy'),
    );
    expect(requests.proxyReads()).toHaveLength(1);
    page.unmount();
  });

  it('with the stream: the loader subscribes the live list; opening the page lists nothing more', async () => {
    vi.stubGlobal('EventSource', FakeSource);
    const requests = recordRequests();
    const queryClient = createQueryClient();
    loadList({ queryClient, preload: false }, params);
    const source = FakeSource.created.at(-1) as FakeSource;
    source.emit('ready', { stream: 'st1' }); // the stream opened by the loader
    await waitFor(() => expect(requests.subscriptions()).toHaveLength(1));
    const page = openPodsPage(queryClient);
    const id = (requests.subscriptions()[0]?.body as { id: string }).id;
    source.emit('snapshot', {
      subscription: id,
      resourceVersion: '7',
      items: [pod('streamed')],
      part: 0,
      complete: true,
    });
    await waitFor(() => expect(page.result.current.data?.items[0]?.metadata.name).toBe('streamed'));
    // The page joined the loader's subscription: one subscription, no list through the proxy.
    expect(requests.subscriptions()).toHaveLength(1);
    expect(requests.proxyReads()).toHaveLength(0);
    page.unmount();
  });

  it('a page that never comes: the loader lets go of its subscription after a while', () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal('EventSource', FakeSource);
      const requests = recordRequests();
      loadList(
        { queryClient: createQueryClient(), preload: false },
        { ...params, namespace: 'gone' },
      );
      (FakeSource.created.at(-1) as FakeSource).emit('ready', { stream: 'st2' });
      const posted = requests.subscriptions().find((c) => JSON.stringify(c.body).includes('gone'));
      const id = (posted?.body as { id: string }).id;
      const deletes = () => requests.calls.filter((c) => c.method === 'DELETE');
      vi.advanceTimersByTime(9_000);
      expect(deletes()).toHaveLength(0);
      vi.advanceTimersByTime(1_000);
      expect(deletes().map((c) => c.url)).toEqual([`/api/stream/st2/subscriptions/${id}`]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a hover preload of a list subscribes and lists nothing', () => {
    vi.stubGlobal('EventSource', FakeSource);
    const requests = recordRequests();
    const before = FakeSource.created.length;
    loadList(
      { queryClient: createQueryClient(), preload: true },
      { ...params, namespace: 'hover' },
    );
    expect(requests.calls).toHaveLength(0);
    expect(FakeSource.created.length).toBe(before);
  });

  it('the details loader reads the object before the page renders, once', async () => {
    const requests = recordRequests();
    const queryClient = createQueryClient();
    const details = { ...params, resource: 'deployments', name: 'web' };
    loadDetails({ queryClient, preload: false }, details);
    loadDetails({ queryClient, preload: true }, details);
    await waitFor(() => expect(requests.proxyReads()).toHaveLength(1));
    expect(requests.proxyReads()[0]?.url).toBe(
      '/api/cci/apis/apps/v1/namespaces/demo/deployments/web',
    );
    loadDetails({ queryClient, preload: false }, { ...details, resource: 'nonsense' });
    expect(requests.proxyReads()).toHaveLength(1);
  });
});
