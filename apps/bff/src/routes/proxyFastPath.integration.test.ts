import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app.ts';
import { messages } from '../messages.ts';
import { nodeFetchHandler } from '../node/fetchHandler.ts';
import { statusError } from '../status.ts';
import { DEMO, signInCookie, startHarness, type Harness } from '../session/testkit.ts';

// The proxy's fast path (proxyFastPath.ts), black box over HTTP with the whole app and the
// emulator: it answers the common case without the app, alike to the app, and hands everything
// else to it.

let h: Harness;
let server: ServerType;
let origin: string;
let app: ReturnType<typeof createApp>;
let appFetch: ReturnType<typeof vi.spyOn>;
const ns = 'fast';
const list = `/api/cci/api/v1/namespaces/${ns}/configmaps`;

beforeAll(async () => {
  h = await startHarness();
  h.emulator.store.put('/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns },
  });
  h.emulator.store.put('/configmaps', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', namespace: ns },
    data: { mode: 'fast' },
  });
  // A second server on the harness's deps, whose app's fetch is watched.
  app = createApp(h.deps);
  appFetch = vi.spyOn(app, 'fetch');
  server = serve({ fetch: nodeFetchHandler(app), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

/** Headers that differ by transport (the Node adapter's framing), not by what was answered. */
const framing = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'vary']);
const comparable = (headers: Headers) =>
  Object.fromEntries([...headers].filter(([name]) => !framing.has(name)));

describe('the proxy fast path', () => {
  it('answers an allowed GET without the app, exactly as the app answers it', async () => {
    const cookie = await signInCookie(h);
    appFetch.mockClear();
    const fast = await fetch(`${origin}${list}`, { headers: { cookie } });
    const fastBody = await fast.text();
    expect(fast.status).toBe(200);
    expect(appFetch).not.toHaveBeenCalled();
    const viaApp = await app.request(list, { headers: { cookie } });
    expect(viaApp.status).toBe(200);
    expect(fastBody).toBe(await viaApp.text());
    expect(JSON.parse(fastBody).items[0].data).toEqual({ mode: 'fast' });
    expect(comparable(fast.headers)).toEqual({
      ...comparable(viaApp.headers),
      'content-length': String(Buffer.byteLength(fastBody)),
    });
    expect(fast.headers.get('cache-control')).toBe('no-store');
    expect(fast.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('hands every other case to the app: no session, refused, a watch, an error from CCI', async () => {
    const cookie = await signInCookie(h);
    const cases = [
      { path: list, cookie: undefined, status: 401, key: 'session.expired' },
      { path: `/api/cci/api/v1/namespaces/${ns}/secrets/x/proxy`, cookie, status: 404 },
      { path: `${list}/missing`, cookie, status: 404, reason: 'NotFound' },
    ];
    for (const c of cases) {
      appFetch.mockClear();
      const res = await fetch(`${origin}${c.path}`, {
        headers: c.cookie ? { cookie: c.cookie } : {},
      });
      const status = (await res.json()) as { kind: string; messageKey?: string; reason?: string };
      expect(res.status, c.path).toBe(c.status);
      expect(status.kind).toBe('Status');
      if (c.key) expect(status.messageKey).toBe(c.key);
      if (c.reason) expect(status.reason).toBe(c.reason);
      expect(appFetch, c.path).toHaveBeenCalledTimes(1);
    }
    appFetch.mockClear();
    const watch = new AbortController();
    const watching = await fetch(`${origin}${list}?watch=true`, {
      headers: { cookie },
      signal: watch.signal,
    });
    expect(watching.status).toBe(200);
    expect(appFetch).toHaveBeenCalledTimes(1);
    watch.abort();
  });

  it('leaves a failing session store to the app, whose onError answers with a Status', async () => {
    const cookie = await signInCookie(h);
    const get = vi.spyOn(h.store, 'get').mockRejectedValue(statusError(503, messages.internal));
    appFetch.mockClear();
    try {
      const res = await fetch(`${origin}${list}`, { headers: { cookie } });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ kind: 'Status', code: 503 });
      expect(appFetch).toHaveBeenCalledTimes(1);
    } finally {
      get.mockRestore();
    }
  });

  // Last: it revokes the demo user's tokens.
  it('A3 a CCI 401 on the fast path ends the session with the sign-in-again answer', async () => {
    const cookie = await signInCookie(h);
    const domain = h.emulator.directory.domainByName(DEMO.domain)!;
    h.emulator.tokens.revokeUser(h.emulator.directory.userByName(domain, DEMO.user)!.id);
    appFetch.mockClear();
    const refused = await fetch(`${origin}${list}`, { headers: { cookie } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ kind: 'Status', messageKey: 'session.revoked' });
    expect(refused.headers.get('set-cookie')).toMatch(/cci-session=; Max-Age=0/);
    expect(appFetch).not.toHaveBeenCalled();
    const after = await fetch(`${origin}${list}`, { headers: { cookie } });
    expect(await after.json()).toMatchObject({ messageKey: 'session.expired' });
  });
});
