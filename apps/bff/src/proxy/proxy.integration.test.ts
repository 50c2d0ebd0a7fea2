import { startEmulator, type AdmissionPlugin, type Emulator } from '@cci/emulator';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyRoutes } from '../routes/proxy.ts';
import {
  httpUpstream,
  memorySessions,
  mountForTest,
  serveForTest,
  testDeps,
  testSession,
} from './testkit.ts';

/** The BFF proxy in front of a real emulator, over real sockets. */
let emulator: Emulator;
let upstream: ReturnType<typeof httpUpstream>;
let bff: Awaited<ReturnType<typeof serveForTest>>;

const warnOnConfigMaps: AdmissionPlugin = (req) =>
  req.kind.plural === 'configmaps' && req.operation === 'CREATE'
    ? { warnings: ['configmap data is visible to every user of the namespace'] }
    : undefined;

beforeAll(async () => {
  emulator = await startEmulator({ tls: false, controllers: [], admission: [warnOnConfigMaps] });
  upstream = httpUpstream(emulator.url);
  const session = testSession(emulator.issueToken());
  const sessions = memorySessions(session);
  bff = await serveForTest(
    mountForTest('/api/cci', proxyRoutes(testDeps(upstream, sessions)), sessions, session.id),
  );
  emulator.store.put('/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'ns1' },
  });
});

afterAll(async () => {
  await bff.close();
  await emulator.close();
});

/** A GET with the path sent byte for byte as given (fetch would normalise it first). */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: bff.port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('proxy against the emulator', () => {
  it('creates and lists through the proxy, relaying admission warnings', async () => {
    const created = await fetch(`${bff.url}/api/cci/api/v1/namespaces/ns1/configmaps`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'app.conf' },
        data: { a: '1' },
      }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('warning')).toContain('configmap data is visible');
    const list = await fetch(`${bff.url}/api/cci/api/v1/namespaces/ns1/configmaps?limit=10`);
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: { metadata: { name: string } }[] };
    expect(body.items.map((i) => i.metadata.name)).toContain('app.conf');
  });

  it('relays an upstream Status as CCI wrote it', async () => {
    const res = await fetch(`${bff.url}/api/cci/api/v1/namespaces/ns1/configmaps/missing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
  });

  it('refuses traversal and encoding tricks on the wire without calling the emulator', async () => {
    const before = upstream.calls.length;
    const paths = [
      '/api/cci/api/v1/namespaces/ns1/../../../v3/auth/tokens',
      '/api/cci/api/v1/namespaces/ns1/configmaps/..%2f..%2f..%2fnodes',
      '/api/cci/api/v1/namespaces/ns1/configmaps/%2e%2e/%2e%2e/%2e%2e/nodes',
      '/api/cci/api/v1/namespaces/ns1/configmaps/a%252fb',
      '/api/cci/api/v1/namespaces/ns1//configmaps',
      '/api/cci/api/v1/nodes',
      '/api/cci/v3/auth/tokens',
      '/api/cci/api/v1/namespaces/ns1/pods/p:80/proxy/admin',
    ];
    for (const path of paths) {
      const status = await rawGet(path);
      expect([400, 403, 404], path).toContain(status);
    }
    expect(upstream.calls.length).toBe(before);
  });

  it('streams a watch and ends the upstream watch when the browser leaves', async () => {
    const baseline = emulator.store.watcherCount();
    const browser = new AbortController();
    const res = await fetch(`${bff.url}/api/cci/api/v1/namespaces/ns1/configmaps?watch=1`, {
      signal: browser.signal,
    });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('app.conf')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain('"type":"ADDED"');
    expect(emulator.store.watcherCount()).toBe(baseline + 1);
    browser.abort();
    await expect.poll(() => emulator.store.watcherCount()).toBe(baseline);
  });

  it('does not forward the pod proxy: the BFF scrapes metrics itself', async () => {
    const before = upstream.calls.length;
    const res = await fetch(
      `${bff.url}/api/cci/api/v1/namespaces/ns1/pods/web%3A19100/proxy/metrics`,
    );
    expect(res.status).toBe(403);
    expect(upstream.calls.length).toBe(before);
  });
});
