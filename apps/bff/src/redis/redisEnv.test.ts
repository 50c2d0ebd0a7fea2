import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { connectSharedRedis, reconnectDelay } from './redisClient.ts';
import { freeLoopbackPort } from './redisServer.testkit.ts';

const KEY = randomBytes(32).toString('base64');

describe('REDIS_URL and SESSION_ENCRYPTION_KEYS', () => {
  it('without REDIS_URL nothing is required (the in-memory default of npm start)', () => {
    const env = parseEnv({});
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.sessionKeys).toEqual([]);
  });

  it('takes redis:// and rediss:// with an ACL user and password in the URL', () => {
    for (const url of ['redis://127.0.0.1:6379/0', 'rediss://console:s3cret@127.0.0.1:6380']) {
      const env = parseEnv({ REDIS_URL: url, SESSION_ENCRYPTION_KEYS: `k1:${KEY}` });
      expect(env.REDIS_URL).toBe(url);
      expect(env.sessionKeys[0]?.id).toBe('k1');
    }
  });

  it('refuses another scheme, naming the form, without quoting the URL (it holds a password)', () => {
    const url = 'http://console:hunter2@127.0.0.1:6379';
    expect(() => parseEnv({ REDIS_URL: url, SESSION_ENCRYPTION_KEYS: `k1:${KEY}` })).toThrow(
      /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/,
    );
    try {
      parseEnv({ REDIS_URL: url });
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });

  it('REDIS_URL needs SESSION_ENCRYPTION_KEYS: sessions never reach Redis in clear', () => {
    expect(() => parseEnv({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /SESSION_ENCRYPTION_KEYS is required with REDIS_URL/,
    );
  });

  it('reconnects with exponential backoff and jitter, capped at 5 s', () => {
    expect(reconnectDelay(0, () => 0)).toBe(50);
    expect(reconnectDelay(0, () => 1)).toBe(100);
    expect(reconnectDelay(3, () => 1)).toBe(800);
    expect(reconnectDelay(30, () => 1)).toBe(5_000);
    expect(reconnectDelay(30, () => 0)).toBe(2_500);
  });

  it('Redis unreachable: one warning naming the error, never the URL or its password; not ready', async () => {
    const port = await freeLoopbackPort(); // nothing listens there
    const logs: Record<string, unknown>[] = [];
    const redis = connectSharedRedis(
      {
        REDIS_URL: `redis://console:hunter2-secret@127.0.0.1:${port}`,
        REDIS_KEY_PREFIX: 'x:',
        redisCa: undefined,
      },
      (line) => logs.push(line),
    );
    try {
      await expect.poll(() => logs.length).toBeGreaterThanOrEqual(2); // commands + subscriber
      await new Promise((resolve) => setTimeout(resolve, 500)); // retries, still one line each
      expect(logs.map((l) => l['role']).sort()).toEqual(['commands', 'subscriber']);
      expect(logs[0]).toMatchObject({ level: 'warn', msg: 'redis unavailable; reconnecting' });
      expect(JSON.stringify(logs)).not.toMatch(/hunter2|console:|redis:\/\//);
      expect(redis.isReady()).toBe(false);
    } finally {
      await redis.close();
    }
  });
});
