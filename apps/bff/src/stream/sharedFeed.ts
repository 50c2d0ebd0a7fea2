import { messages } from '../messages.ts';
import { statusBody } from '../middleware/errors.ts';
import { isSessionLive } from '../session/lifetime.ts';
import type { Session } from '../session/types.ts';
import type {
  Feed,
  FeedContext,
  FeedListener,
  FeedMessage,
  FeedTarget,
  KubeObject,
} from './feed.ts';
import { UpstreamStatusError } from './upstreamCalls.ts';

export class SessionEndedError extends Error {}

/**
 * What every feed shares, whether it watches or polls: its listeners, the current objects (so a
 * listener joining late gets a snapshot at once), starting on the first listener and stopping
 * with the last. Subclasses only say how the state is kept current (`run`).
 */
export abstract class SharedFeed implements Feed {
  readonly #listeners = new Set<FeedListener>();
  protected objects = new Map<string, KubeObject>();
  protected resourceVersion = '';
  protected ready = false;
  #abort: AbortController | undefined;

  constructor(
    protected readonly ctx: FeedContext,
    protected readonly target: FeedTarget,
    private readonly onStopped: () => void,
  ) {}

  get listeners(): number {
    return this.#listeners.size;
  }

  add(listener: FeedListener): void {
    this.#listeners.add(listener);
    if (this.ready) listener(this.snapshot('snapshot'));
    if (!this.#abort) {
      this.#abort = new AbortController();
      void this.run(this.#abort.signal);
    }
  }

  remove(listener: FeedListener): void {
    this.#listeners.delete(listener);
    if (this.#listeners.size === 0) this.stop();
  }

  protected abstract run(signal: AbortSignal): Promise<void>;

  protected stop(): void {
    this.#abort?.abort();
    this.#listeners.clear();
    this.onStopped();
  }

  protected broadcast(message: FeedMessage): void {
    for (const listener of [...this.#listeners]) listener(message);
  }

  protected snapshot(type: 'snapshot' | 'reset'): FeedMessage {
    return { type, resourceVersion: this.resourceVersion, items: [...this.objects.values()] };
  }

  /** The session the feed reads with, while it is still live. */
  protected async session(): Promise<Session> {
    const session = await this.ctx.sessions.get(this.target.sessionId);
    if (!session || !isSessionLive(session, this.ctx.now(), this.ctx.idleMs)) {
      throw new SessionEndedError('the session ended');
    }
    return session;
  }

  /** Tells listeners why the feed ends for good, then stops it. */
  protected fail(error: unknown): void {
    this.broadcast({ type: 'error', status: feedErrorStatus(error) });
    this.stop();
  }

  protected logRetry(msg: string, error: unknown): void {
    this.ctx.log({
      time: new Date(this.ctx.now()).toISOString(),
      level: 'warn',
      msg,
      resource: this.target.kind.plural,
      error: errorSummary(error),
    });
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
