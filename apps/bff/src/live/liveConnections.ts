import { isSessionLive } from '../session/lifetime.ts';
import type { Session, SessionStore } from '../session/types.ts';
import type { SharedRedis } from '../redis/redisClient.ts';
import { createHash } from 'node:crypto';
import { RENEW_MS, SharedLiveCounts, type Lease } from './sharedLiveCounts.ts';

/**
 * Every long-lived connection the BFF holds for a browser (the SSE stream, proxied watches,
 * log follows, terminals) belongs to a session and ends with it: sign-out and a CCI 401 end
 * them at once (the session store's delete calls endSession), an idle or absolute expiry within
 * one sweep (1 s). Caps per session and per user keep one browser, or one account signed in
 * many times, from holding unbounded upstream connections.
 */
export type LiveKind = 'stream' | 'watch' | 'log' | 'exec';

/** Why a connection was closed from our side. */
export type EndReason = 'signed-out' | 'expired' | 'revoked' | 'shutdown';

export interface LiveLimits {
  /** Per session and kind. */
  perSession: Readonly<Record<LiveKind, number>>;
  /** Per user (region + domain + user) across sessions and kinds. */
  perUser: number;
  /** What Retry-After says when a cap refuses. */
  retryAfterSeconds: number;
  sweepMs: number;
}

export const defaultLiveLimits: LiveLimits = {
  perSession: { stream: 20, watch: 20, log: 10, exec: 5 },
  perUser: 60,
  retryAfterSeconds: 10,
  sweepMs: 1_000,
};

export type Registration =
  | { ok: true; release: () => void }
  | { ok: false; scope: 'session' | 'user'; limit: number; retryAfterSeconds: number };

interface Entry {
  kind: LiveKind;
  sessionId: string;
  userKey: string;
  close: (reason: EndReason) => void;
  /** Its place under the per-user cap shared by replicas (with REDIS_URL). */
  lease?: Lease;
}

/** A session named without its id (the id is the cookie): in broadcasts between replicas. */
export const sessionDigest = (id: string) => createHash('sha256').update(id).digest('base64url');

export const userKeyOf = (s: Pick<Session, 'region' | 'domain' | 'user'>) =>
  `${s.region}|${s.domain.name}|${s.user.name}`;

export class LiveConnections {
  readonly #entries = new Set<Entry>();
  #sweep: NodeJS.Timeout | undefined;
  #renewedAt = 0;

  constructor(
    private readonly ctx: {
      sessions: Pick<SessionStore, 'get'>;
      now: () => number;
      idleMs: number;
      /** The per-user cap counted across replicas; absent, this process counts alone. */
      shared?: SharedLiveCounts | undefined;
    },
    readonly limits: LiveLimits = defaultLiveLimits,
  ) {}

  /**
   * Adds a connection unless a cap is reached; `close` must end it (and may be called once).
   * With replicas the per-user cap is asked of Redis (a 503 HTTPException when it is away).
   */
  async register(
    session: Session,
    kind: LiveKind,
    close: (reason: EndReason) => void,
  ): Promise<Registration> {
    const userKey = userKeyOf(session);
    let ofSession = 0;
    let ofUser = 0;
    for (const e of this.#entries) {
      if (e.sessionId === session.id && e.kind === kind) ofSession++;
      if (e.userKey === userKey) ofUser++;
    }
    const retryAfterSeconds = this.limits.retryAfterSeconds;
    const perSession = this.limits.perSession[kind];
    if (ofSession >= perSession)
      return { ok: false, scope: 'session', limit: perSession, retryAfterSeconds };
    if (ofUser >= this.limits.perUser) {
      return { ok: false, scope: 'user', limit: this.limits.perUser, retryAfterSeconds };
    }
    const entry: Entry = { kind, sessionId: session.id, userKey, close };
    if (this.ctx.shared) {
      const lease = await this.ctx.shared.acquire(userKey, this.limits.perUser);
      if (!lease)
        return { ok: false, scope: 'user', limit: this.limits.perUser, retryAfterSeconds };
      entry.lease = lease;
    }
    this.#entries.add(entry);
    this.#startSweep();
    return { ok: true, release: () => this.#remove(entry) };
  }

  /** Closes every connection of a session, now. */
  endSession(sessionId: string, reason: EndReason): void {
    for (const e of [...this.#entries]) {
      if (e.sessionId !== sessionId) continue;
      this.#remove(e);
      e.close(reason);
    }
  }

  /** endSession for a session named by the SHA-256 of its id (a broadcast from a replica). */
  endSessionDigest(digest: string, reason: EndReason): void {
    const ids = new Set([...this.#entries].map((e) => e.sessionId));
    for (const id of ids) if (sessionDigest(id) === digest) this.endSession(id, reason);
  }

  count(filter: { sessionId?: string; kind?: LiveKind } = {}): number {
    let n = 0;
    for (const e of this.#entries) {
      if (filter.sessionId !== undefined && e.sessionId !== filter.sessionId) continue;
      if (filter.kind !== undefined && e.kind !== filter.kind) continue;
      n++;
    }
    return n;
  }

  /** Server shutdown: everything ends. */
  closeAll(): void {
    for (const e of [...this.#entries]) {
      this.#remove(e);
      e.close('shutdown');
    }
  }

  #remove(entry: Entry): void {
    if (!this.#entries.delete(entry)) return;
    if (entry.lease) this.ctx.shared?.release(entry.lease);
    if (this.#entries.size === 0 && this.#sweep) {
      clearInterval(this.#sweep);
      this.#sweep = undefined;
    }
  }

  /** Expiry has no event of its own: while connections exist, their sessions are looked up. */
  #startSweep(): void {
    if (this.#sweep) return;
    this.#sweep = setInterval(() => void this.#expire(), this.limits.sweepMs);
    this.#sweep.unref();
  }

  async #expire(): Promise<void> {
    if (this.ctx.shared && this.ctx.now() - this.#renewedAt >= RENEW_MS) {
      this.#renewedAt = this.ctx.now();
      this.ctx.shared.renew([...this.#entries].flatMap((e) => (e.lease ? [e.lease] : [])));
    }
    const ids = new Set([...this.#entries].map((e) => e.sessionId));
    for (const id of ids) {
      // The store away (Redis restarting) is no proof the session ended: look again next time.
      let session: Session | undefined;
      try {
        session = await this.ctx.sessions.get(id);
      } catch {
        continue;
      }
      if (!session || !isSessionLive(session, this.ctx.now(), this.ctx.idleMs)) {
        this.endSession(id, 'expired');
      }
    }
  }
}

/** The registry an app's deps carry, or a new one over their session store. */
export function liveConnectionsOf(deps: {
  live?: LiveConnections | undefined;
  sessions: Pick<SessionStore, 'get'>;
  now: () => number;
  env: { SESSION_IDLE_SECONDS: number };
  redis?: Pick<SharedRedis, 'commands' | 'prefix'> | undefined;
}): LiveConnections {
  return (
    deps.live ??
    new LiveConnections({
      sessions: deps.sessions,
      now: deps.now,
      idleMs: deps.env.SESSION_IDLE_SECONDS * 1000,
      shared: deps.redis ? new SharedLiveCounts(deps.redis, deps.now) : undefined,
    })
  );
}

/** The session store, with every delete (sign-out, CCI 401, a new sign-in) ending live connections. */
export function endingLiveConnections<T extends SessionStore>(
  store: T,
  live: LiveConnections,
  reason: (id: string) => EndReason = () => 'signed-out',
  /** Replicas: tells the others, whose connections of the session end too. */
  broadcast?: { publish(id: string, reason: EndReason): Promise<void> },
): SessionStore {
  return {
    get: (id) => store.get(id),
    set: (session) => store.set(session),
    touch: (id, at) => store.touch(id, at),
    async delete(id) {
      await store.delete(id);
      live.endSession(id, reason(id));
      await broadcast?.publish(id, reason(id));
    },
  };
}
