import { isSessionLive } from './lifetime.ts';
import type { Session, SessionStore } from './types.ts';

export interface MemorySessionStoreOptions {
  now: () => number;
  idleMs: number;
  /** How often expired sessions are dropped; they are refused on use regardless. */
  sweepIntervalMs?: number;
}

/**
 * Sessions in this process's memory: lost on restart (everyone signs in again) and not shared
 * between replicas. A periodic sweep frees sessions nobody came back for.
 */
export class MemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #timer: NodeJS.Timeout;

  constructor(private readonly options: MemorySessionStoreOptions) {
    this.#timer = setInterval(() => this.sweep(), options.sweepIntervalMs ?? 60_000);
    this.#timer.unref();
  }

  async get(id: string): Promise<Session | undefined> {
    return this.#sessions.get(id);
  }

  async set(session: Session): Promise<void> {
    this.#sessions.set(session.id, session);
  }

  async delete(id: string): Promise<void> {
    this.#sessions.delete(id);
  }

  async touch(id: string, lastSeenAt: number): Promise<Session | undefined> {
    const session = this.#sessions.get(id);
    if (!session) return undefined;
    const touched = { ...session, lastSeenAt };
    this.#sessions.set(id, touched);
    return touched;
  }

  get size(): number {
    return this.#sessions.size;
  }

  /** Drops every session past its idle timeout or absolute end; returns how many. */
  sweep(): number {
    const now = this.options.now();
    let dropped = 0;
    for (const [id, session] of this.#sessions) {
      if (!isSessionLive(session, now, this.options.idleMs)) {
        this.#sessions.delete(id);
        dropped++;
      }
    }
    return dropped;
  }

  close(): void {
    clearInterval(this.#timer);
  }
}
