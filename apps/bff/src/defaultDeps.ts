import type { AppDeps } from './deps.ts';
import type { Env } from './env.ts';
import { MemorySessionStore } from './session/memoryStore.ts';
import { createUpstreamClient } from './upstream/client.ts';

/** Production wiring: in-memory sessions, the real upstream client, JSON lines on stdout. */
export function createDefaultDeps(env: Env): AppDeps {
  const now = Date.now;
  const sessions = new MemorySessionStore({ now, idleMs: env.SESSION_IDLE_SECONDS * 1000 });
  const upstream = createUpstreamClient({
    env,
    // A CCI 401 ends the session at once, whichever route saw it.
    onUnauthorized: (session) => sessions.delete(session.id),
  });
  return {
    env,
    sessions,
    upstream,
    log: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
    now,
  };
}
