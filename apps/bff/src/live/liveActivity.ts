import type { Env } from '../env.ts';
import { isSessionLive } from '../session/lifetime.ts';
import type { Session, SessionStore } from '../session/types.ts';

/**
 * One idle policy for every live connection a person watches or types into (a log follow, a
 * terminal): bytes either way are activity. An active connection keeps its session from idling
 * out (as a request does; the absolute lifetime and sign-out still end both), and one without
 * activity for `idleMs` ends itself, so a forgotten tab frees its place under the caps.
 */
export interface LiveIdlePolicy {
  idleMs: number;
  /** The session's idle timeout: a session already past it is not revived. */
  sessionIdleMs: number;
  /** Activity reaches the session store at most this often (not once per keystroke). */
  touchEveryMs: number;
}

export function liveIdlePolicy(
  env: Pick<Env, 'LIVE_IDLE_SECONDS' | 'SESSION_IDLE_SECONDS'>,
): LiveIdlePolicy {
  const sessionIdleMs = env.SESSION_IDLE_SECONDS * 1000;
  return {
    idleMs: env.LIVE_IDLE_SECONDS * 1000,
    sessionIdleMs,
    touchEveryMs: Math.min(60_000, sessionIdleMs / 10),
  };
}

export interface ActivityDeps {
  sessions: Pick<SessionStore, 'get' | 'touch'>;
  /** The app's clock (sessions are timed by it). */
  now: () => number;
}

/**
 * A connection's activity: `seen()` on every byte; `onIdle` once after `idleMs` without one.
 * The timer is re-armed only when it fires (no timer churn per frame).
 */
export class LiveActivity {
  #last = performance.now();
  #touched = Number.NEGATIVE_INFINITY;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(
    private readonly session: Pick<Session, 'id'>,
    private readonly policy: LiveIdlePolicy,
    private readonly deps: ActivityDeps,
    private readonly onIdle: () => void,
  ) {}

  start(): void {
    this.#arm();
  }

  seen(): void {
    this.#last = performance.now();
    const now = this.deps.now();
    if (now - this.#touched < this.policy.touchEveryMs) return;
    this.#touched = now;
    void this.#touch(now).catch(() => {});
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  async #touch(now: number): Promise<void> {
    const session = await this.deps.sessions.get(this.session.id);
    if (session && isSessionLive(session, now, this.policy.sessionIdleMs)) {
      await this.deps.sessions.touch(this.session.id, now);
    }
  }

  #arm(): void {
    if (this.#stopped) return;
    const left = this.policy.idleMs - (performance.now() - this.#last);
    if (left <= 0) {
      this.stop();
      this.onIdle();
      return;
    }
    this.#timer = setTimeout(() => this.#arm(), left);
    this.#timer.unref();
  }
}
