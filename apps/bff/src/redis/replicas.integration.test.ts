import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { AppEnv } from '../appEnv.ts';
import type { AppDeps } from '../deps.ts';
import { defaultLiveLimits, LiveConnections } from '../live/liveConnections.ts';
import { SharedLiveCounts } from '../live/sharedLiveCounts.ts';
import { RedisSessionStore } from '../session/redisStore.ts';
import { DEMO, startHarness, type Harness } from '../session/testkit.ts';
import {
  connectedRedis,
  consoleHeaders as headers,
  dumpAll,
  testKey,
  untilReady,
} from './redis.testkit.ts';
import { connectSharedRedis, type SharedRedis } from './redisClient.ts';
import { startRedisServer, type RedisServer } from './redisServer.testkit.ts';

// Two replicas (apps with their own Redis connections), one emulator, one real redis-server.
let h: Harness;
let server: RedisServer;
const keys = [testKey('k1')];
const shutdown = new AbortController();
const connections: SharedRedis[] = [];

interface Replica {
  app: Hono<AppEnv>;
  deps: AppDeps;
  redis: SharedRedis;
}

async function replica(prefix: string, sweepMs?: number, startingUp = false): Promise<Replica> {
  // startingUp: the app is built while its Redis connections still connect, as at a start.
  const redis = startingUp
    ? connectSharedRedis(
        { REDIS_URL: server.url, REDIS_KEY_PREFIX: prefix, redisCa: undefined },
        () => {},
      )
    : await connectedRedis(server, prefix);
  connections.push(redis);
  const env = {
    ...h.deps.env,
    REDIS_URL: server.url,
    REDIS_KEY_PREFIX: prefix,
    sessionKeys: keys,
    TRUSTED_PROXY_HOPS: 1,
  };
  const idleMs = env.SESSION_IDLE_SECONDS * 1000;
  const sessions = new RedisSessionStore({ redis, keys, now: Date.now, idleMs });
  const deps: AppDeps = {
    ...h.deps,
    env,
    sessions,
    redis,
    now: Date.now,
    shutdown: shutdown.signal,
  };
  if (sweepMs !== undefined) {
    const shared = new SharedLiveCounts(redis, Date.now);
    const limits = { ...defaultLiveLimits, sweepMs };
    deps.live = new LiveConnections({ sessions, now: Date.now, idleMs, shared }, limits);
  }
  const app = createApp(deps);
  await untilReady(redis);
  await new Promise((resolve) => setTimeout(resolve, 100)); // subscriptions follow readiness
  return { app, deps, redis };
}

async function signIn(r: Replica, password = DEMO.password, from = '198.51.100.20') {
  const res = await r.app.request('http://127.0.0.1/api/session', {
    method: 'POST',
    headers: headers({ 'X-Forwarded-For': from }),
    body: JSON.stringify({
      region: 'cn-north-4',
      method: 'password',
      domainName: DEMO.domain,
      userName: DEMO.user,
      password,
    }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  return { status: res.status, cookie, body: (await res.json()) as Record<string, unknown> };
}

const get = (r: Replica, path: string, cookie = '') =>
  r.app.request(`http://127.0.0.1${path}`, { headers: headers({ Cookie: cookie }) });

beforeAll(async () => {
  h = await startHarness();
  server = await startRedisServer({ acl: { user: 'bff', password: 'replica-secret' } });
});
afterAll(async () => {
  shutdown.abort();
  for (const c of connections) await c.close();
  await server?.stop();
  await h?.close();
});

describe('replicas on one Redis', () => {
  it('a session made on one replica works on the other, and Redis holds no token or password in clear', async () => {
    const [a, b] = [await replica('t1:'), await replica('t1:')];
    const signedIn = await signIn(a);
    expect(signedIn.status).toBe(201);
    const res = await get(b, '/api/session', signedIn.cookie);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: string }).user).toBe(DEMO.user);
    const pods = await get(b, '/api/cci/api/v1/namespaces/default/pods', signedIn.cookie);
    expect(pods.status).not.toBe(401);
    const dump = await dumpAll(a.redis);
    expect(dump).toContain('t1:session:');
    for (const [secret] of h.secrets) expect(dump).not.toContain(secret);
    expect(dump).not.toContain((signedIn.cookie ?? '=').split('=')[1]);
  });

  it('sign-in throttling holds across replicas: failures alternate, the budget is one', async () => {
    const [a, b] = [await replica('t2:'), await replica('t2:')];
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = i % 2 === 0 ? a : b;
      statuses.push((await signIn(r, `wrong-${i}`, `198.51.100.${30 + i}`)).status);
    }
    // 10 failures per account per window (defaultThrottlePolicy), counted on both replicas.
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  }, 120_000);

  it('an SD token made on one replica lets Prometheus in on the other', async () => {
    const [a, b] = [await replica('t3:'), await replica('t3:')];
    const { cookie } = await signIn(a);
    const made = await a.app.request('http://127.0.0.1/api/metrics/sd-tokens', {
      method: 'POST',
      headers: headers({ Cookie: cookie ?? '' }),
    });
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    const sd = await b.app.request('http://127.0.0.1/api/metrics/sd/namespaces/default', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(sd.status).toBe(200);
    expect(await dumpAll(a.redis)).not.toContain(token);
  });

  it('sign-out on one replica ends the streams the session holds on the other within a second', async () => {
    // b's own sweep would take a minute: only the broadcast can end its stream in time.
    const [a, b] = [await replica('t4:'), await replica('t4:', 60_000, true)];
    const { cookie } = await signIn(a);
    const stream = await get(b, '/api/stream', cookie);
    expect(stream.status).toBe(200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain('event: ready');
    const t0 = Date.now();
    await a.app.request('http://127.0.0.1/api/session', {
      method: 'DELETE',
      headers: headers({ Cookie: cookie ?? '' }),
    });
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(text).toContain('event: end');
    expect(b.deps.live?.count() ?? 0).toBe(0);
  });

  it('subscriptions work whichever replica the POST and DELETE land on', async () => {
    const [a, b] = [await replica('t7:', undefined, true), await replica('t7:', undefined, true)];
    const { cookie } = await signIn(a);
    const stream = await get(b, '/api/stream', cookie);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    const streamId = /"stream":"([^"]+)"/.exec(text)?.[1] ?? '';
    expect(streamId).not.toBe('');
    const post = (r: Replica, body: unknown, as = cookie ?? '') =>
      r.app.request(`http://127.0.0.1/api/stream/${streamId}/subscriptions`, {
        method: 'POST',
        headers: headers({ Cookie: as }),
        body: JSON.stringify(body),
      });
    const made = await post(a, { resource: 'v1/configmaps', namespace: 'default', id: 'cms' });
    expect(made.status).toBe(201);
    expect(await made.json()).toEqual({ id: 'cms' });
    while (!text.includes('"subscription":"cms"'))
      text += decoder.decode((await reader.read()).value);
    expect(text).toContain('event: snapshot');
    // The holder's own refusals come back as they are: a duplicate id is 409 there.
    expect(
      (await post(a, { resource: 'v1/configmaps', namespace: 'default', id: 'cms' })).status,
    ).toBe(409);
    // A bad spec is refused by the replica the POST landed on.
    expect((await post(a, { resource: 'v1/nothing' })).status).toBe(400);
    const del = (id: string) =>
      a.app.request(`http://127.0.0.1/api/stream/${streamId}/subscriptions/${id}`, {
        method: 'DELETE',
        headers: headers({ Cookie: cookie ?? '' }),
      });
    expect((await del('cms')).status).toBe(204);
    expect((await del('cms')).status).toBe(404);
    // Another session cannot reach this stream through either replica.
    const other = (await signIn(b)).cookie ?? '';
    const foreign = await post(a, { resource: 'v1/configmaps', namespace: 'default' }, other);
    expect(foreign.status).toBe(404);
    await reader.cancel();
  });

  it('the per-user cap on live connections counts both replicas', async () => {
    const [a, b] = [await replica('t5:'), await replica('t5:')];
    const { cookie } = await signIn(a);
    const limit = 60; // defaultLiveLimits.perUser; 20 streams per session, so three sessions
    const cookies = [cookie, (await signIn(b)).cookie, (await signIn(a)).cookie];
    const open: Response[] = [];
    for (let i = 0; i < limit; i++) {
      const res = await get(i % 2 === 0 ? a : b, '/api/stream', cookies[Math.floor(i / 20)]);
      expect(res.status).toBe(200);
      open.push(res);
    }
    const refused = await get(b, '/api/stream', (await signIn(b)).cookie);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { messageKey: string }).messageKey).toBe('live.capUser');
    for (const res of open) await res.body?.cancel();
  }, 120_000);

  it('Redis away: sign-in and requests answer 503 with a Status, /healthz says so; all back when it returns', async () => {
    const a = await replica('t6:');
    const { cookie } = await signIn(a);
    await server.stop();
    const signedIn = await signIn(a);
    expect(signedIn.status).toBe(503);
    expect(signedIn.body).toMatchObject({
      kind: 'Status',
      code: 503,
      messageKey: 'store.unavailable',
    });
    const req = await get(a, '/api/session', cookie);
    expect(req.status).toBe(503);
    expect(req.headers.get('retry-after')).toBe('5');
    const health = await get(a, '/healthz');
    expect(health.status).toBe(503);
    expect(((await health.json()) as { messageKey: string }).messageKey).toBe('store.unavailable');
    expect((await get(a, '/livez')).status).toBe(200);
    await server.start();
    await untilReady(a.redis);
    expect((await get(a, '/healthz')).status).toBe(200);
    expect((await signIn(a)).status).toBe(201);
  });
});
