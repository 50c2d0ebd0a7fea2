import { createClient } from 'redis';
import type { Env } from '../env.ts';

/**
 * The connections to the shared store: one for commands, one subscribed for pub/sub (a
 * subscribed connection takes no other commands). Commands fail at once while Redis is away
 * (no offline queue: the caller answers 503 rather than hang, and nothing falls back to memory,
 * which would split sessions between replicas); the client reconnects by itself, backing off.
 */
export interface SharedRedis {
  commands: RedisClient;
  subscriber: RedisClient;
  /** Every key this deployment writes starts with this. */
  prefix: string;
  /** Both connections are up (what /healthz reports). */
  isReady(): boolean;
  close(): Promise<void>;
}

/** Exponential backoff from 100 ms to 5 s with jitter, forever: Redis may be away for long. */
export function reconnectDelay(retries: number, random: () => number = Math.random): number {
  const base = Math.min(5_000, 100 * 2 ** Math.min(retries, 10));
  return Math.round(base / 2 + (random() * base) / 2);
}

function newClient(url: string, ca: string | undefined) {
  return createClient({
    url,
    disableOfflineQueue: true,
    // A command on a connection that went silent fails instead of holding a request.
    commandOptions: { timeout: 2_000 },
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries: number) => reconnectDelay(retries),
      ...(ca ? { tls: true as const, ca } : {}),
    },
  });
}

export type RedisClient = ReturnType<typeof newClient>;

type Log = (line: Record<string, unknown>) => void;

export function connectSharedRedis(
  env: Pick<Env, 'REDIS_URL' | 'REDIS_KEY_PREFIX' | 'redisCa'>,
  log: Log,
  now: () => number = Date.now,
): SharedRedis {
  if (!env.REDIS_URL) throw new Error('REDIS_URL is not set');
  const url = env.REDIS_URL;
  const ca = env.REDIS_URL.startsWith('rediss:') ? env.redisCa : undefined;
  const client = (role: string) => {
    const c = newClient(url, ca);
    let down = false;
    // The URL carries the password: only the error's name and code are logged.
    c.on('error', (error: Error & { code?: unknown }) => {
      if (down) return;
      down = true;
      log({
        time: new Date(now()).toISOString(),
        level: 'warn',
        msg: 'redis unavailable; reconnecting',
        role,
        error: error.name,
        code: error.code,
      });
    });
    c.on('ready', () => {
      if (down)
        log({ time: new Date(now()).toISOString(), level: 'info', msg: 'redis back', role });
      down = false;
    });
    // connect() retries under reconnectStrategy; a failure here is the same outage as above.
    c.connect().catch(() => {});
    return c;
  };
  const commands = client('commands');
  const subscriber = client('subscriber');
  return {
    commands,
    subscriber,
    prefix: env.REDIS_KEY_PREFIX,
    isReady: () => commands.isReady && subscriber.isReady,
    async close() {
      // Graceful first (pending replies arrive), but a stop never waits on Redis for long.
      const closing = [commands, subscriber].map((c) => (c.isOpen ? c.close() : undefined));
      const timer = new Promise((resolve) => setTimeout(resolve, 1_000).unref());
      await Promise.race([Promise.all(closing).catch(() => {}), timer]);
      for (const c of [commands, subscriber]) if (c.isOpen) c.destroy();
    },
  };
}

/**
 * Subscribes as soon as the subscriber connection is ready (at start-up it is still
 * connecting, and a subscribe then fails rather than waits); node-redis itself subscribes again
 * after a reconnect. Returns the unsubscribe.
 */
export function subscribeShared(
  subscriber: RedisClient,
  channel: string,
  listener: (message: string) => void,
): () => Promise<void> {
  let subscribed = false;
  const attempt = () => {
    if (subscribed || !subscriber.isReady) return;
    subscriber.subscribe(channel, listener).then(
      () => {
        subscribed = true;
      },
      () => {},
    );
  };
  subscriber.on('ready', attempt);
  attempt();
  return async () => {
    subscriber.off('ready', attempt);
    if (subscriber.isOpen) await subscriber.unsubscribe(channel, listener).catch(() => {});
  };
}
