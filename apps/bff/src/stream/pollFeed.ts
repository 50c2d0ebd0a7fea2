import { isSessionLive } from '../session/lifetime.ts';
import {
  objectKey,
  sleep,
  type Feed,
  type FeedContext,
  type FeedListener,
  type FeedMessage,
  type FeedTarget,
  type KubeObject,
} from './feed.ts';
import { isFatal, listAll } from './upstreamCalls.ts';
import { errorSummary, feedErrorStatus, SessionEndedError } from './watchFeed.ts';

/**
 * Rule S4: CCI has no watch for image snapshots, so the BFF lists them every pollIntervalMs
 * (one poll shared by all listeners) and sends the differences as ADDED/MODIFIED/DELETED.
 */
export class PollFeed implements Feed {
  readonly #listeners = new Set<FeedListener>();
  #objects = new Map<string, KubeObject>();
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
    if (this.#ready) listener(this.#snapshot());
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

  #snapshot(): FeedMessage {
    return {
      type: 'snapshot',
      resourceVersion: this.#resourceVersion,
      items: [...this.#objects.values()],
    };
  }

  #broadcast(message: FeedMessage): void {
    for (const listener of [...this.#listeners]) listener(message);
  }

  async #run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const session = await this.ctx.sessions.get(this.target.sessionId);
        if (!session || !isSessionLive(session, this.ctx.now(), this.ctx.idleMs)) {
          throw new SessionEndedError('the session ended');
        }
        const list = await listAll(this.ctx, session, this.target, signal);
        if (signal.aborted) return;
        this.#apply(list.items, list.resourceVersion);
      } catch (error) {
        if (signal.aborted) return;
        if (isFatal(error) || error instanceof SessionEndedError) {
          this.#broadcast({ type: 'error', status: feedErrorStatus(error) });
          return this.#stop();
        }
        // A failed poll keeps the last state; the next one catches up.
        this.ctx.log({
          time: new Date(this.ctx.now()).toISOString(),
          level: 'warn',
          msg: 'live stream poll retry',
          resource: this.target.kind.plural,
          error: errorSummary(error),
        });
      }
      await sleep(this.ctx.pollIntervalMs, signal);
    }
  }

  #apply(items: KubeObject[], resourceVersion: string): void {
    const next = new Map(items.map((item) => [objectKey(item), item]));
    this.#resourceVersion = resourceVersion;
    const previous = this.#objects;
    this.#objects = next;
    if (!this.#ready) {
      this.#ready = true;
      this.#broadcast(this.#snapshot());
      return;
    }
    for (const [key, obj] of next) {
      const before = previous.get(key);
      if (!before) this.#broadcast({ type: 'event', eventType: 'ADDED', object: obj });
      else if (before.metadata?.resourceVersion !== obj.metadata?.resourceVersion) {
        this.#broadcast({ type: 'event', eventType: 'MODIFIED', object: obj });
      }
    }
    for (const [key, obj] of previous) {
      if (!next.has(key)) this.#broadcast({ type: 'event', eventType: 'DELETED', object: obj });
    }
  }
}
