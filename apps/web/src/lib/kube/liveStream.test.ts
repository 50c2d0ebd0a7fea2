import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveStream, type StreamMessage } from './liveStream.ts';

/** Just enough of EventSource: listeners by type, and a way to emit. */
class FakeSource extends EventTarget {
  readyState = 1;
  onerror: (() => void) | null = null;
  closed = false;
  emit(type: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  close() {
    this.closed = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function setup() {
  const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
  vi.stubGlobal('fetch', fetchMock);
  const sources: FakeSource[] = [];
  const stream = new LiveStream(() => {
    const source = new FakeSource();
    sources.push(source);
    return source as unknown as EventSource;
  });
  return { stream, sources, fetchMock };
}

describe('LiveStream', () => {
  it('posts subscriptions once ready and routes messages by subscription id', async () => {
    const { stream, sources, fetchMock } = setup();
    const received: StreamMessage[] = [];
    stream.subscribe({ resource: 'v1/pods', namespace: 'demo' }, (m) => received.push(m));
    const source = sources[0]!;
    expect(fetchMock).not.toHaveBeenCalled();
    source.emit('ready', { stream: 'abc' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/stream/abc/subscriptions');
    expect(JSON.parse(String(init.body))).toEqual({
      resource: 'v1/pods',
      namespace: 'demo',
      id: 's1',
    });
    source.emit('snapshot', { subscription: 's1', resourceVersion: '3', items: [] });
    source.emit('event', { subscription: 'other', eventType: 'ADDED', object: {} });
    expect(received).toEqual([{ type: 'snapshot', resourceVersion: '3', items: [] }]);
  });

  it('reports offline on end and keeps one connection across quick re-subscribes', () => {
    vi.useFakeTimers();
    const { stream, sources } = setup();
    const received: StreamMessage[] = [];
    const stop = stream.subscribe({ resource: 'v1/pods' }, () => {});
    stop();
    stream.subscribe({ resource: 'v1/configmaps' }, (m) => received.push(m));
    vi.advanceTimersByTime(20_000);
    expect(sources).toHaveLength(1);
    expect(sources[0]!.closed).toBe(false);
    sources[0]!.emit('end', { reason: 'session' });
    expect(received).toEqual([{ type: 'offline' }]);
    expect(sources[0]!.closed).toBe(true);
  });
});
