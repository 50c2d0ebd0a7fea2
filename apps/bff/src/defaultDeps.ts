import type { AppDeps } from './deps.ts';
import type { Env } from './env.ts';
import { liveConnectionsOf } from './live/liveConnections.ts';
import { MemorySessionStore } from './session/memoryStore.ts';
import { createUpstreamClient } from './upstream/client.ts';

/** Production wiring: in-memory sessions, the real upstream client, JSON lines on stdout. */
export function createDefaultDeps(env: Env): AppDeps {
  const now = Date.now;
  const sessions = new MemorySessionStore({ now, idleMs: env.SESSION_IDLE_SECONDS * 1000 });
  const live = liveConnectionsOf({ sessions, now, env });
  const upstream = createUpstreamClient({
    env,
    // A CCI 401 ends the session and its live connections at once, whichever route saw it.
    onUnauthorized: async (session) => {
      await sessions.delete(session.id);
      live.endSession(session.id, 'revoked');
    },
  });
  return {
    env,
    sessions,
    live,
    upstream,
    log: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
    now,
  };
}
