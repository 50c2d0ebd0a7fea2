import { messages } from '../messages.ts';
import { statusBody } from '../middleware/errors.ts';
import { isSessionLive } from '../session/lifetime.ts';
import type { Session } from '../session/types.ts';
import {
  backoffDelay,
  objectKey,
  sleep,
  type Feed,
  type FeedContext,
  type FeedListener,
  type FeedMessage,
  type FeedTarget,
  type KubeObject,
} from './feed.ts';
import {
  isFatal,
  listAll,
  UpstreamStatusError,
  watchFrom,
  type WatchLine,
} from './upstreamCalls.ts';

export class SessionEndedError extends Error {}

/**
 * One upstream list+watch shared by every listener: keeps the current objects so a listener
 * that joins late gets a snapshot at once, resumes from the last resourceVersion after a drop
 * (with backoff), and re-lists on 410 Gone, sending `reset` with the fresh state.
 */
export class WatchFeed implements Feed {
  readonly #listeners = new Set<FeedListener>();
  readonly #objects = new Map<string, KubeObject>();
  #resourceVersion = '';
  #ready = false;
  #abort: AbortController | undefined;

  constructor(
    private readonly ctx: FeedContext,
    private readonly target: FeedTarget,
    private readonly onStopped: () => void,
  ) {}

  get listeners(): number {
    return this.#listeners.size;
  }

  add(listener: FeedListener): void {
    this.#listeners.add(listener);
    if (this.#ready) listener(this.#snapshot('snapshot'));
    if (!this.#abort) {
      this.#abort = new AbortController();
      void this.#run(this.#abort.signal);
    }
  }

  remove(listener: FeedListener): void {
    this.#listeners.delete(listener);
    if (this.#listeners.size === 0) this.#stop();
  }

  #stop(): void {
    this.#abort?.abort();
    this.#listeners.clear();
    this.onStopped();
  }

  #broadcast(message: FeedMessage): void {
    for (const listener of [...this.#listeners]) listener(message);
  }

  #snapshot(type: 'snapshot' | 'reset'): FeedMessage {
    return { type, resourceVersion: this.#resourceVersion, items: [...this.#objects.values()] };
  }

  async #session(): Promise<Session> {
    const session = await this.ctx.sessions.get(this.target.sessionId);
    if (!session || !isSessionLive(session, this.ctx.now(), this.ctx.idleMs)) {
      throw new SessionEndedError('the session ended');
    }
    return session;
  }

  async #run(signal: AbortSignal): Promise<void> {
    let needList = true;
    let attempt = 0;
    while (!signal.aborted) {
      try {
        const session = await this.#session();
        if (needList) {
          await this.#list(session, signal);
          needList = false;
        }
        const outcome = await this.#watch(session, signal);
        if (outcome === 'gone') needList = true;
        if (outcome === 'progress') attempt = 0;
        if (outcome !== 'idle') continue;
      } catch (error) {
        if (signal.aborted) return;
        // A 410 here came from listing (an expired continue token): re-list, after a pause.
        if (error instanceof UpstreamStatusError && error.code === 410) needList = true;
        else if (isFatal(error) || error instanceof SessionEndedError) return this.#fail(error);
        this.ctx.log({
          time: new Date(this.ctx.now()).toISOString(),
          level: 'warn',
          msg: 'live stream upstream retry',
          resource: this.target.kind.plural,
          error: errorSummary(error),
        });
      }
      await sleep(backoffDelay(attempt++, this.ctx.backoffBaseMs, this.ctx.backoffMaxMs), signal);
    }
  }

  async #list(session: Session, signal: AbortSignal): Promise<void> {
    const list = await listAll(this.ctx, session, this.target, signal);
    if (signal.aborted) return;
    this.#objects.clear();
    for (const item of list.items) this.#objects.set(objectKey(item), item);
    this.#resourceVersion = list.resourceVersion;
    this.#broadcast(this.#snapshot(this.#ready ? 'reset' : 'snapshot'));
    this.#ready = true;
  }

  /** 'gone': re-list; 'progress': events arrived, resume now; 'idle': ended with nothing, back off. */
  async #watch(session: Session, signal: AbortSignal): Promise<'gone' | 'progress' | 'idle'> {
    let progressed = false;
    const lines = watchFrom(this.ctx, session, this.target, this.#resourceVersion, signal);
    try {
      for await (const line of lines) {
        if (!this.#apply(line)) return 'gone';
        progressed = true;
      }
    } catch (error) {
      // The watch itself answered 410: its resourceVersion is too old to resume from.
      if (error instanceof UpstreamStatusError && error.code === 410) return 'gone';
      throw error;
    }
    return progressed ? 'progress' : 'idle';
  }

  /** Applies one watch line; false when it says the resourceVersion is gone. */
  #apply(line: WatchLine): boolean {
    if (line.type === 'ERROR') {
      if (line.object.code === 410) return false;
      throw new UpstreamStatusError(line.object.code ?? 500, line.object);
    }
    const rv = line.object.metadata?.resourceVersion;
    if (rv) this.#resourceVersion = rv;
    if (line.type === 'BOOKMARK') return true;
    const key = objectKey(line.object);
    if (line.type === 'DELETED') this.#objects.delete(key);
    else this.#objects.set(key, line.object);
    this.#broadcast({ type: 'event', eventType: line.type, object: line.object });
    return true;
  }

  #fail(error: unknown): void {
    this.#broadcast({ type: 'error', status: feedErrorStatus(error) });
    this.#stop();
  }
}

/** What listeners are told when a feed stops: CCI's Status, or that the session ended. */
export function feedErrorStatus(error: unknown): unknown {
  return error instanceof UpstreamStatusError
    ? error.status
    : statusBody(401, messages.sessionExpired);
}

export function errorSummary(error: unknown): string {
  if (error instanceof UpstreamStatusError) return `HTTP ${error.code}`;
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } })?.cause?.code ??
    (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'error';
}
