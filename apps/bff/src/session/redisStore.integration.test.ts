import { createHash } from 'node:crypto';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectedRedis, dumpAll, testKey, untilReady } from '../redis/redis.testkit.ts';
import type { SharedRedis } from '../redis/redisClient.ts';
import { startRedisServer, type RedisServer } from '../redis/redisServer.testkit.ts';
import { RedisSessionStore } from './redisStore.ts';
import {
  CONTRACT_IDLE_MS,
  contractSession,
  describeSessionStoreContract,
} from './storeContract.testkit.ts';

// One real redis-server for the file, reached as an ACL user (password in the URL).
let server: RedisServer;
let redis: SharedRedis;
const ready = (async () => {
  server = await startRedisServer({ acl: { user: 'console', password: 'p@ss:word/1' } });
  redis = await connectedRedis(server, 'test:');
})();
const k1 = testKey('k1');
const k2 = testKey('k2');
const storeWith = (keys = [k1], idleMs = CONTRACT_IDLE_MS) =>
  new RedisSessionStore({ redis, keys, now: Date.now, idleMs });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => ready);
afterAll(async () => {
  await redis?.close();
  await server?.stop();
});

describeSessionStoreContract('redis', async () => {
  await ready;
  return { store: storeWith() };
});

describe('RedisSessionStore', () => {
  it('holds no secret in clear: a dump of every key has no token, AK, SK, session id or user', async () => {
    const token = contractSession();
    const aksk = contractSession({
      credentials: { kind: 'aksk', accessKey: 'AKDUMPCHECK123', secretKey: 'SKDUMPCHECK456' },
    });
    const store = storeWith();
    await store.set(token);
    await store.set(aksk);
    await store.touch(token.id, Date.now());
    const dump = await dumpAll(redis);
    expect(dump).toContain('test:session:');
    const secrets = [
      (token.credentials as { token: string }).token,
      'AKDUMPCHECK123',
      'SKDUMPCHECK456',
      token.id,
      aksk.id,
      'alice',
      'acme',
    ];
    for (const secret of secrets) expect(dump).not.toContain(secret);
    // Nor a base64 form of them (a record that was only encoded, not encrypted).
    for (const secret of secrets) {
      expect(dump).not.toContain(Buffer.from(secret).toString('base64').slice(0, 12));
    }
  });

  it('rotates keys: the first key seals, older listed keys still open, a retired key is refused', async () => {
    const s = contractSession();
    await storeWith([k1]).set(s);
    const rotated = storeWith([k2, k1]);
    expect(await rotated.get(s.id)).toEqual(s);
    await rotated.set({ ...s, lastSeenAt: s.lastSeenAt + 1 });
    expect(await dumpAll(redis)).toMatch(/"d":"k2\./);
    expect(await storeWith([k2]).get(s.id)).toBeDefined();
    const old = contractSession();
    await storeWith([k1]).set(old);
    expect(await storeWith([k2]).get(old.id)).toBeUndefined(); // k1 retired: sign in again
  });

  it('TTL: Redis drops a session at its idle timeout; touch keeps it alive', async () => {
    const store = storeWith([k1], 600);
    const idle = contractSession();
    const kept = contractSession();
    await store.set(idle);
    await store.set(kept);
    const key = `test:session:${createHash('sha256').update(idle.id).digest('base64url')}`;
    expect(await redis.commands.pTTL(key)).toBeGreaterThan(0);
    expect(await redis.commands.pTTL(key)).toBeLessThanOrEqual(600);
    for (let i = 0; i < 4; i++) {
      await sleep(250);
      expect(await store.touch(kept.id, Date.now())).toBeDefined();
    }
    expect(await store.get(idle.id)).toBeUndefined(); // 1 s > 600 ms idle
    expect(await store.get(kept.id)).toBeDefined();
  });

  it('TTL: Redis drops a session at its absolute end however active it is', async () => {
    const store = storeWith([k1], 60_000);
    const s = contractSession({ expiresAt: Date.now() + 500 });
    await store.set(s);
    await sleep(300);
    expect(await store.touch(s.id, Date.now())).toBeDefined();
    await sleep(400);
    expect(await store.touch(s.id, Date.now())).toBeUndefined();
    expect(await store.get(s.id)).toBeUndefined();
  });

  it('Redis away: operations fail as a 503 HTTPException (never undefined, never memory); back when it returns', async () => {
    const store = storeWith();
    const s = contractSession();
    await store.set(s);
    await server.stop();
    const failure = await store.get(s.id).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(HTTPException);
    expect((failure as HTTPException).status).toBe(503);
    const body = (await (failure as HTTPException).getResponse().json()) as { reason: string };
    expect(body.reason).toBe('ServiceUnavailable');
    await expect(store.touch(s.id, Date.now())).rejects.toBeInstanceOf(HTTPException);
    await server.start();
    await untilReady(redis);
    // redis-server keeps nothing across the restart here (no persistence): a new session works.
    const after = contractSession();
    await store.set(after);
    expect(await store.get(after.id)).toEqual(after);
  });
});
