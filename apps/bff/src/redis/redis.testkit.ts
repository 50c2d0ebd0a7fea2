import { randomBytes } from 'node:crypto';
import { parseEnv, type Env } from '../env.ts';
import type { SessionKey } from '../session/sessionKeys.ts';
import { connectSharedRedis, type SharedRedis } from './redisClient.ts';
import type { RedisServer } from './redisServer.testkit.ts';

export const testKey = (id: string): SessionKey => ({ id, key: randomBytes(32) });

/** The BFF's env for a replica on this Redis (ACL user and password in the URL). */
export function redisEnv(
  server: RedisServer,
  prefix: string,
  extra: Record<string, string> = {},
): Env {
  const keys = `k1:${randomBytes(32).toString('base64')}`;
  return parseEnv({
    REDIS_URL: server.url,
    REDIS_KEY_PREFIX: prefix,
    SESSION_ENCRYPTION_KEYS: keys,
    ...extra,
  });
}

/** Connected to the server, ready for commands. */
export async function connectedRedis(
  server: RedisServer,
  prefix: string,
  log: (line: Record<string, unknown>) => void = () => {},
): Promise<SharedRedis> {
  const redis = connectSharedRedis(
    { REDIS_URL: server.url, REDIS_KEY_PREFIX: prefix, redisCa: undefined },
    log,
  );
  await untilReady(redis);
  return redis;
}

export async function untilReady(redis: SharedRedis, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!redis.isReady()) {
    if (Date.now() > deadline) throw new Error('redis not ready in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every key under the prefix with every value in it (SCAN, then GET or HGETALL by type). */
export async function dumpAll(redis: SharedRedis): Promise<string> {
  const parts: string[] = [];
  for await (const keys of redis.commands.scanIterator({ MATCH: `${redis.prefix}*`, COUNT: 100 })) {
    for (const key of keys) {
      const type = await redis.commands.type(key);
      const value =
        type === 'hash'
          ? JSON.stringify(await redis.commands.hGetAll(key))
          : type === 'string'
            ? await redis.commands.get(key)
            : type === 'set'
              ? JSON.stringify(await redis.commands.sMembers(key))
              : type === 'zset'
                ? JSON.stringify(await redis.commands.zRange(key, 0, -1))
                : `(${type})`;
      parts.push(`${key} ${value}`);
    }
  }
  return parts.join('\n');
}

/** What the SPA sends with a state-changing request (CSRF), from a client behind one proxy. */
export const consoleHeaders = (extra: Record<string, string> = {}) => ({
  'X-CCI-Console': '1',
  Origin: 'http://127.0.0.1',
  'Content-Type': 'application/json',
  'X-Forwarded-For': '198.51.100.20',
  ...extra,
});
