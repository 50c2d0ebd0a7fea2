import type { AppDeps } from './deps.ts';
import type { Env } from './env.ts';
import { liveConnectionsOf } from './live/liveConnections.ts';
import { connectSharedRedis } from './redis/redisClient.ts';
import { MemorySessionStore } from './session/memoryStore.ts';
import { RedisSessionStore } from './session/redisStore.ts';
import type { SessionStore } from './session/types.ts';
import { createUpstreamClient } from './upstream/client.ts';

/**
 * Production wiring: sessions in Redis when REDIS_URL is set (several replicas), else in this
 * process's memory; the real upstream client; JSON lines on stdout.
 */
export function createDefaultDeps(env: Env): AppDeps {
  const now = Date.now;
  const log = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
  const idleMs = env.SESSION_IDLE_SECONDS * 1000;
  const redis = env.REDIS_URL ? connectSharedRedis(env, (line) => deps.log(line), now) : undefined;
  const sessions: SessionStore = redis
    ? new RedisSessionStore({ redis, keys: env.sessionKeys, now, idleMs })
    : new MemorySessionStore({ now, idleMs });
  const live = liveConnectionsOf({ sessions, now, env });
  const upstream = createUpstreamClient({
    env,
    // A CCI 401 ends the session and its live connections at once, whichever route saw it.
    onUnauthorized: async (session) => {
      await sessions.delete(session.id);
      live.endSession(session.id, 'revoked');
    },
  });
  const deps: AppDeps = { env, sessions, live, upstream, log, now, ...(redis ? { redis } : {}) };
  return deps;
}
