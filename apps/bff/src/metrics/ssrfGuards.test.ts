import { describe, expect, it } from 'vitest';
import { PodAccess } from './access.ts';
import { fakeSession, fakeUpstream, json, podObject } from './metrics.testkit.ts';
import { podFacts, type ScrapeTarget } from './podTarget.ts';
import {
  assertSafeTarget,
  directUrl,
  proxyTransport,
  scrapeText,
  type ScrapeTransport,
} from './transport.ts';

const session = fakeSession('s1');
const limits = { timeoutMs: 5_000, maxBodyBytes: 1024 };
const target: ScrapeTarget = {
  namespace: 'ns1',
  pod: 'web',
  podIP: '192.168.0.21',
  port: 19100,
  tls: false,
};

function transportAnswering(make: (signal: AbortSignal) => Promise<Response>): ScrapeTransport {
  return { kind: 'proxy', fetch: (_s, _t, signal) => make(signal) };
}

describe('scrape targets come only from the Pod object (M1)', () => {
  it('M1: port from monitoring.cci.io/metrics-port, default 19100, path fixed to /metrics', () => {
    const annotated = podFacts(
      podObject('web', { annotations: { 'monitoring.cci.io/metrics-port': '9100' } }),
      { namespace: 'ns1', name: 'web' },
    );
    expect(annotated.kind === 'scrapable' && annotated.target).toEqual({ ...target, port: 9100 });
    const plain = podFacts(podObject('web'), { namespace: 'ns1', name: 'web' });
    expect(plain.kind === 'scrapable' && plain.target.port).toBe(19100);
  });

  it('M1: enable-pod-metrics "FALSE" (any case) is metrics-off, not an error', () => {
    const facts = podFacts(
      podObject('web', { annotations: { 'monitoring.cci.io/enable-pod-metrics': 'FALSE' } }),
      { namespace: 'ns1', name: 'web' },
    );
    expect(facts.kind).toBe('metrics-off');
  });

  it.each(['0', '65536', '19100/../x', '80 ', '1e3', 'http://evil:80'])(
    'M1: refuses port annotation %j instead of dialling it',
    (port) => {
      const facts = podFacts(
        podObject('web', { annotations: { 'monitoring.cci.io/metrics-port': port } }),
        { namespace: 'ns1', name: 'web' },
      );
      if (port === '80 ')
        expect(facts.kind).toBe('scrapable'); // whitespace is trimmed
      else expect(facts.kind).toBe('bad-annotation');
    },
  );

  it('a pod without an IP, or with something else than an IP literal, is not scraped', () => {
    for (const podIP of ['', 'evil.example.com', '192.168.0.21/metrics', '169.254.169.254:80']) {
      const facts = podFacts(podObject('web', { podIP }), { namespace: 'ns1', name: 'web' });
      expect(facts.kind).toBe('not-running');
    }
  });

  it('refuses an object that is not the pod asked for', () => {
    expect(() => podFacts(podObject('other'), { namespace: 'ns1', name: 'web' })).toThrow(
      /another object/,
    );
  });

  it('assertSafeTarget refuses anything that is not namespace/pod/IP/port', () => {
    const bad: Partial<ScrapeTarget>[] = [
      { pod: '../../secrets' },
      { namespace: 'ns1/pods' },
      { podIP: 'localhost' },
      { port: 0 },
      { port: 70000 },
      { port: 80.5 },
    ];
    for (const b of bad) expect(() => assertSafeTarget({ ...target, ...b })).toThrow(/refused/);
  });

  it('builds only the pod proxy path or podIP:port/metrics', async () => {
    const upstream = fakeUpstream(() => new Response('x'));
    await scrapeText(proxyTransport(upstream), session, target, limits);
    expect(upstream.requests).toEqual([
      { session: 's1', path: '/api/v1/namespaces/ns1/pods/web:19100/proxy/metrics', query: '' },
    ]);
    await scrapeText(proxyTransport(upstream), session, { ...target, tls: true }, limits);
    expect(upstream.requests[1]?.path).toBe(
      '/api/v1/namespaces/ns1/pods/https:web:19100/proxy/metrics',
    );
    expect(directUrl(target).href).toBe('http://192.168.0.21:19100/metrics');
    expect(directUrl({ ...target, podIP: 'fd00::1', tls: true }).href).toBe(
      'https://[fd00::1]:19100/metrics',
    );
  });

  it('PodAccess checks names before any request and reads the pod by its own path', async () => {
    const upstream = fakeUpstream(() => json(podObject('web')));
    const access = new PodAccess(upstream, () => 0, 10_000, 1000);
    await expect(access.pod(session, 'ns1', 'web:19100')).rejects.toMatchObject({ status: 400 });
    await expect(access.pod(session, '..', 'web')).rejects.toMatchObject({ status: 400 });
    await expect(access.pod(session, 'ns1', 'a/b')).rejects.toMatchObject({ status: 400 });
    expect(upstream.requests).toEqual([]);
    await access.pod(session, 'ns1', 'web');
    expect(upstream.requests.map((r) => r.path)).toEqual(['/api/v1/namespaces/ns1/pods/web']);
  });
});

describe('scrape limits', () => {
  it('never follows a redirect', async () => {
    let followed = 0;
    const redirect = transportAnswering(async () => {
      followed++;
      return new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/' } });
    });
    await expect(scrapeText(redirect, session, target, limits)).rejects.toThrow(
      /redirect.*not followed/,
    );
    expect(followed).toBe(1);
  });

  it('abandons a body larger than the cap, announced or streamed', async () => {
    const announced = transportAnswering(
      async () => new Response('x', { headers: { 'content-length': '999999' } }),
    );
    await expect(scrapeText(announced, session, target, limits)).rejects.toThrow(
      /larger than 1024/,
    );
    let cancelled = false;
    const streamed = transportAnswering(async () => {
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          c.enqueue(new Uint8Array(512));
        },
        cancel() {
          cancelled = true;
        },
      });
      return new Response(body);
    });
    await expect(scrapeText(streamed, session, target, limits)).rejects.toThrow(/larger than 1024/);
    expect(cancelled).toBe(true);
  });

  it('gives up when the exporter does not answer within the timeout', async () => {
    const silent = transportAnswering(
      (signal) =>
        new Promise<Response>((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        ),
    );
    await expect(scrapeText(silent, session, target, { ...limits, timeoutMs: 20 })).rejects.toThrow(
      /no answer from the exporter within 20 ms/,
    );
  });

  it('reports an exporter that is down (HTTP 503 through the proxy) as an error', async () => {
    const down = transportAnswering(async () => new Response('refused', { status: 503 }));
    await expect(scrapeText(down, session, target, limits)).rejects.toThrow(/HTTP 503/);
  });
});
