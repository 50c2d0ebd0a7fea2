import { messages } from '../messages.ts';
import { statusBody } from '../status.ts';
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
import { objectKey } from './feed.ts';
import { pageSize, UpstreamStatusError } from './upstreamCalls.ts';

export class SessionEndedError extends Error {}

/** A (re)list in progress: the parts broadcast so far. */
interface Listing {
  type: 'snapshot' | 'reset';
  resourceVersion: string;
  items: KubeObject[];
  parts: number;
}

/**
 * What every feed shares, whether it watches or polls: its listeners, the current objects (so a
 * listener joining late gets the state at once, in parts), starting on the first listener and
 * stopping with the last. Subclasses only say how the state is kept current (`run`); a list is
 * published page by page with `beginList`/`listPart`, so tabs paint the first rows early.
 */
export abstract class SharedFeed implements Feed {
  readonly #listeners = new Set<FeedListener>();
  protected objects = new Map<string, KubeObject>();
  protected resourceVersion = '';
  protected ready = false;
  #listing: Listing | undefined;
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
    const listing = this.#listing;
    // Mid-list, the late listener gets the parts so far; the next broadcast parts follow.
    if (listing && listing.parts > 0) {
      sendParts(listener, listing.type, listing.resourceVersion, listing.items, false);
    } else if (!listing && this.ready) {
      sendParts(listener, 'snapshot', this.resourceVersion, [...this.objects.values()], true);
    }
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

  /** A (re)list starts; a list that failed half-way is dropped and starts over at part 0. */
  protected beginList(): void {
    this.#listing = {
      type: this.ready ? 'reset' : 'snapshot',
      resourceVersion: '',
      items: [],
      parts: 0,
    };
  }

  /** One page of the list: broadcast at once; the last one makes it the feed's state. */
  protected listPart(
    items: KubeObject[],
    resourceVersion: string,
    last: boolean,
    itemsJson?: string,
  ): void {
    const listing = this.#listing;
    if (!listing) throw new Error('listPart outside a list');
    if (listing.parts === 0) listing.resourceVersion = resourceVersion;
    for (const item of items) listing.items.push(item);
    this.broadcast({
      type: listing.type,
      resourceVersion: listing.resourceVersion,
      items,
      itemsJson,
      part: listing.parts++,
      complete: last,
    });
    if (!last) return;
    this.objects = new Map(listing.items.map((item) => [objectKey(item), item]));
    this.resourceVersion = listing.resourceVersion;
    this.ready = true;
    this.#listing = undefined;
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

/** A whole state as parts of one page each (an empty state is one empty, complete part). */
function sendParts(
  listener: FeedListener,
  type: 'snapshot' | 'reset',
  resourceVersion: string,
  items: KubeObject[],
  complete: boolean,
): void {
  let part = 0;
  for (let start = 0; start < items.length || part === 0; start += pageSize) {
    const end = start + pageSize;
    listener({
      type,
      resourceVersion,
      items: items.slice(start, end),
      part: part++,
      complete: complete && end >= items.length,
    });
  }
}
