import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { appFactory, type AppEnv } from '../appEnv.ts';
import type { AppDeps } from '../deps.ts';
import { parseEnv } from '../env.ts';
import { onError } from '../middleware/onError.ts';
import { nodeFetchHandler } from '../node/fetchHandler.ts';
import type { Session, SessionStore } from '../session/types.ts';
import { createUpstreamClient } from '../upstream/client.ts';
import type { UpstreamClient, UpstreamRequest } from '../upstream/types.ts';

/** Test support for the proxy and stream sub-apps: sessions, upstream clients, a test server. */

export function testSession(
  token: string,
  id = `session-${Math.random().toString(36).slice(2)}`,
): Session {
  const now = Date.now();
  return {
    id,
    region: 'cn-north-4',
    user: { name: 'cci-demo' },
    domain: { name: 'cci-demo' },
    project: { name: 'cn-north-4', id: 'project-id' },
    credentials: { kind: 'token', token, expiresAt: now + 3_600_000 },
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + 3_600_000,
  };
}

export function memorySessions(...sessions: Session[]): SessionStore {
  const map = new Map(sessions.map((s) => [s.id, s]));
  return {
    get: async (id) => map.get(id),
    set: async (s) => void map.set(s.id, s),
    delete: async (id) => void map.delete(id),
    touch: async (id, lastSeenAt) => {
      const s = map.get(id);
      if (s) s.lastSeenAt = lastSeenAt;
      return s;
    },
  };
}

/**
 * The BFF's own upstream client pointed at a tls:false emulator (as region cn-north-4, the
 * test sessions' region), recording every call it is asked to make.
 */
export function httpUpstream(
  baseUrl: string,
): Required<UpstreamClient> & { calls: UpstreamRequest[] } {
  const client = createUpstreamClient({
    env: parseEnv({
      CCI_REGION_CN_NORTH_4_CCI_ENDPOINT: baseUrl,
      CCI_REGION_CN_NORTH_4_IAM_ENDPOINT: baseUrl,
    }),
  });
  const calls: UpstreamRequest[] = [];
  return {
    calls,
    request(session, req) {
      calls.push(req);
      return client.request(session, req);
    },
    exchange(session, req) {
      calls.push(req);
      return client.exchange(session, req);
    },
  };
}

/** Records every call and answers with a fixed body: the allow-list tests' upstream. */
export function recordingUpstream(): UpstreamClient & { calls: UpstreamRequest[] } {
  const calls: UpstreamRequest[] = [];
  return {
    calls,
    async request(_session, req) {
      calls.push(req);
      return new Response('{"kind":"Status"}', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
}

export function testDeps(
  upstream: UpstreamClient,
  sessions: SessionStore,
  env: Record<string, string> = {},
): AppDeps & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return {
    env: parseEnv(env),
    sessions,
    upstream,
    log: (line) => void lines.push(line),
    now: Date.now,
    lines,
  };
}

/**
 * Mounts a sub-app as app.ts would, behind a stand-in for requireSession (the session named by
 * the X-Test-Session header, else `defaultSessionId`, looked up in the store) and the BFF's onError.
 */
export function mountForTest(
  prefix: string,
  routes: Hono<AppEnv>,
  sessions: SessionStore,
  defaultSessionId?: string,
): Hono<AppEnv> {
  const app = appFactory.createApp();
  app.use('*', async (c, next) => {
    const id = c.req.header('x-test-session') ?? defaultSessionId;
    const session = id === undefined ? undefined : await sessions.get(id);
    if (session) c.set('session', session);
    await next();
  });
  app.route(prefix, routes);
  app.onError(onError({ log: () => {}, now: Date.now, sessions, env: parseEnv({}) }));
  return app;
}

export async function serveForTest(
  app: Hono<AppEnv>,
): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve(
      { fetch: nodeFetchHandler(app), port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      },
    );
  });
}
