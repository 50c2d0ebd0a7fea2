import { describe, expect, it } from 'vitest';
import { proxyRoutes } from '../routes/proxy.ts';
import type { UpstreamClient, UpstreamRequest } from '../upstream/types.ts';
import {
  memorySessions,
  mountForTest,
  recordingUpstream,
  testDeps,
  testSession,
} from './testkit.ts';

const token = 'session-token-0123456789abcdef';

function appWith(upstream: UpstreamClient, env: Record<string, string> = {}) {
  const session = testSession(token);
  const sessions = memorySessions(session);
  return mountForTest(
    '/api/cci',
    proxyRoutes(testDeps(upstream, sessions, env)),
    sessions,
    session.id,
  );
}

const fixed = (status: number, body: string, headers: Record<string, string>): UpstreamClient => ({
  request: async () => new Response(body, { status, headers }),
});

describe('proxy forwarding', () => {
  it('sends only allow-listed headers upstream, never the browser credentials', async () => {
    const upstream = recordingUpstream();
    const res = await appWith(upstream).request('/api/cci/api/v1/namespaces/a/configmaps', {
      method: 'POST',
      headers: {
        Cookie: '__Host-cci-session=secret-session',
        Authorization: 'Bearer stolen',
        'X-Auth-Token': 'browser-supplied',
        'X-Forwarded-For': '10.0.0.1',
        Accept: 'application/json',
        'Accept-Encoding': 'br, gzip;q=0.5, x-unknown',
        'Content-Type': 'application/json; charset=utf-8',
      },
      body: '{"metadata":{"name":"c"}}',
    });
    expect(res.status).toBe(200);
    expect(upstream.calls).toHaveLength(1);
    const call = upstream.calls[0] as UpstreamRequest;
    expect(call.headers).toEqual({
      Accept: 'application/json',
      'Accept-Encoding': 'gzip', // what the BFF can relay, never the browser's own list
      'Content-Type': 'application/json',
    });
    expect(new TextDecoder().decode(call.body)).toBe('{"metadata":{"name":"c"}}');
  });

  it('asks CCI for a plain answer for a browser that takes no gzip (nothing to decode)', async () => {
    const upstream = recordingUpstream();
    await appWith(upstream).request('/api/cci/api/v1/namespaces/a/pods');
    expect(upstream.calls[0]?.headers['Accept-Encoding']).toBe('identity');
  });

  it('refuses a body of a type the API does not take, before any upstream call', async () => {
    const upstream = recordingUpstream();
    const res = await appWith(upstream).request('/api/cci/api/v1/namespaces/a/configmaps', {
      method: 'POST',
      headers: { 'Content-Type': 'text/html' },
      body: '<p>',
    });
    expect(res.status).toBe(400);
    expect(upstream.calls).toHaveLength(0);
  });

  it('answers 413 for a body over MAX_BODY_BYTES, declared or streamed', async () => {
    const upstream = recordingUpstream();
    const app = appWith(upstream, { MAX_BODY_BYTES: '100' });
    const declared = await app.request('/api/cci/api/v1/namespaces/a/configmaps', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '101' },
      body: 'x'.repeat(101),
    });
    expect(declared.status).toBe(413);
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new Uint8Array(30));
        c.close();
      },
    });
    const streamed = await app.request('/api/cci/api/v1/namespaces/a/configmaps', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ kind: 'Status', code: 413 });
    expect(upstream.calls).toHaveLength(0);
  });

  it('answers 504 when the upstream does not answer in UPSTREAM_TIMEOUT_MS', async () => {
    const signals: AbortSignal[] = [];
    const hanging: UpstreamClient = {
      request: (_s, req) =>
        new Promise((_resolve, reject) => {
          signals.push(req.signal as AbortSignal);
          req.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    };
    const res = await appWith(hanging, { UPSTREAM_TIMEOUT_MS: '50' }).request(
      '/api/cci/api/v1/namespaces/a/pods',
    );
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ kind: 'Status', code: 504 });
    expect(signals[0]?.aborted).toBe(true);
  });

  it('gives watches no upstream timeout', async () => {
    const slow: UpstreamClient = {
      request: (_s, req) =>
        new Promise((resolve, reject) => {
          req.signal?.addEventListener('abort', () => reject(new Error('aborted')));
          setTimeout(() => resolve(new Response('{"type":"ADDED"}\n', { status: 200 })), 150);
        }),
    };
    const res = await appWith(slow, { UPSTREAM_TIMEOUT_MS: '50' }).request(
      '/api/cci/api/v1/namespaces/a/pods?watch=true',
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"type":"ADDED"}\n');
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const down: UpstreamClient = {
      request: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    };
    const res = await appWith(down).request('/api/cci/api/v1/namespaces/a/pods');
    expect(res.status).toBe(502);
  });

  it('passes only allow-listed response headers (Warning from admission included)', async () => {
    const upstream = fixed(201, '{"kind":"Pod"}', {
      'Content-Type': 'application/json',
      Warning: '299 - "P1: limits were set to requests"',
      ETag: '"abc"',
      'Set-Cookie': 'upstream=1',
      'X-Subject-Token': token,
      'X-Auth-Token': token,
      Server: 'cci',
    });
    const res = await appWith(upstream).request('/api/cci/api/v1/namespaces/a/pods', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(201);
    expect(Object.fromEntries(res.headers)).toEqual({
      'content-type': 'application/json',
      warning: '299 - "P1: limits were set to requests"',
      etag: '"abc"',
      'cache-control': 'private, no-cache',
    });
    expect(await res.text()).toBe('{"kind":"Pod"}');
  });

  it('passes an upstream Status through unchanged but for the session secret (A7)', async () => {
    const status = {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message: `token ${token} is expired`,
      reason: 'Unauthorized',
      code: 401,
    };
    const res = await appWith(
      fixed(401, JSON.stringify(status), { 'Content-Type': 'application/json' }),
    ).request('/api/cci/api/v1/namespaces/a/pods');
    expect(res.status).toBe(401);
    const body = (await res.json()) as typeof status;
    expect(body).toEqual({ ...status, message: 'token [redacted] is expired' });
    expect(JSON.stringify(body)).not.toContain(token);
  });

  it('aborts the upstream watch when the browser goes away', async () => {
    const signals: AbortSignal[] = [];
    const watching: UpstreamClient = {
      request: async (_s, req) => {
        signals.push(req.signal as AbortSignal);
        return new Response(new ReadableStream({ start: () => {} }), { status: 200 });
      },
    };
    const browser = new AbortController();
    const res = await appWith(watching).request('/api/cci/api/v1/namespaces/a/pods?watch=1', {
      signal: browser.signal,
    });
    expect(res.status).toBe(200);
    browser.abort();
    expect(signals[0]?.aborted).toBe(true);
  });

  it('answers 401 without a session and never calls upstream', async () => {
    const upstream = recordingUpstream();
    const sessions = memorySessions();
    const app = mountForTest('/api/cci', proxyRoutes(testDeps(upstream, sessions)), sessions);
    const res = await app.request('/api/cci/api/v1/namespaces/a/pods');
    expect(res.status).toBe(401);
    expect(upstream.calls).toHaveLength(0);
  });

  it('logs a refusal with the path, never the query string or a credential', async () => {
    const session = testSession(token);
    const sessions = memorySessions(session);
    const deps = testDeps(recordingUpstream(), sessions);
    const app = mountForTest('/api/cci', proxyRoutes(deps), sessions, session.id);
    const res = await app.request('/api/cci/api/v1/nodes?labelSelector=secret-ish');
    expect(res.status).toBe(404);
    expect(deps.lines).toEqual([
      expect.objectContaining({ msg: 'proxy refused', path: '/api/cci/api/v1/nodes', status: 404 }),
    ]);
    expect(JSON.stringify(deps.lines)).not.toContain('secret-ish');
    expect(JSON.stringify(deps.lines)).not.toContain(token);
  });
});
