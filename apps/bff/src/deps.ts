import type { Env } from './env.ts';
import type { SharedRedis } from './redis/redisClient.ts';
import type { LiveConnections } from './live/liveConnections.ts';
import type { SignInThrottle } from './session/signInThrottle.ts';
import type { SessionStore } from './session/types.ts';
import type { UpstreamSockets } from './upstream/socket.ts';
import type { UpstreamClient } from './upstream/types.ts';

/** Everything the app needs from outside; tests inject their own. */
export interface AppDeps {
  env: Env;
  sessions: SessionStore;
  upstream: UpstreamClient;
  /** One JSON object per line; never a secret in it. */
  log: (line: Record<string, unknown>) => void;
  now: () => number;
  /** WebSockets to CCI (terminals); the exec routes build the real one when absent. */
  upstreamSockets?: UpstreamSockets;
  /** Long-lived connections per session (streams, watches, follows, terminals), with their
   * caps; the app builds one when absent. */
  live?: LiveConnections;
  /** Sign-in anti-automation; the app builds the in-memory one when absent. */
  signInThrottle?: SignInThrottle;
  /** The shared store (REDIS_URL): sessions, throttling, SD tokens, caps and sign-out broadcasts
   * go through it so every replica sees the same; absent, all of it is this process's memory. */
  redis?: SharedRedis;
  /** Aborted when the server stops: areas end their own timers (metrics rounds). */
  shutdown?: AbortSignal;
}
