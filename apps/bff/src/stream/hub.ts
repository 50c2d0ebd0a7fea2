import { randomBytes } from 'node:crypto';
import { statusError } from '../status.ts';
import { secretForms, secretsOf } from '../proxy/redact.ts';
import { isSessionLive } from '../session/lifetime.ts';
import type { Session, SessionStore } from '../session/types.ts';
import type { Feed, FeedContext, FeedMessage, FeedTarget } from './feed.ts';
import { streamMessages } from './messages.ts';
import { PollFeed } from './pollFeed.ts';
import type { SubscriptionSpec } from './subscriptionSpec.ts';
import type { StreamEncoding } from './streamEncoding.ts';
import { Tab } from './tab.ts';
import { WatchFeed } from './watchFeed.ts';

/** The browser's reconnect delay for a dropped stream (SSE `retry`). */
const RECONNECT_MS = 1000;

export interface HubLimits {
  heartbeatMs: number;
  maxSubscriptionsPerSession: number;
  maxStreamsPerSession: number;
  maxBufferedBytes: number;
}

/**
 * Every open tab and every upstream feed. Feeds are keyed by (session, resource, namespace,
 * selector), so tabs of one session share one upstream watch; a feed stops when its last
 * subscription goes. Sessions never share feeds: each sees CCI with its own credentials.
 */
export class StreamHub {
  readonly #tabs = new Map<string, Tab>();
  readonly #feeds = new Map<string, Feed>();
  readonly #heartbeat: NodeJS.Timeout;

  constructor(
    private readonly ctx: FeedContext,
    private readonly limits: HubLimits,
  ) {
    this.#heartbeat = setInterval(() => void this.#beat(), limits.heartbeatMs);
    this.#heartbeat.unref();
  }

  get feedCount(): number {
    return this.#feeds.size;
  }

  openTab(session: Session, encoding?: StreamEncoding): Tab {
    if (this.#tabsOf(session.id).length >= this.limits.maxStreamsPerSession) {
      throw statusError(429, streamMessages.tooManyStreams, {
        max: this.limits.maxStreamsPerSession,
      });
    }
    const tab = new Tab(
      session.id,
      this.limits.maxBufferedBytes,
      (t) => this.#closed(t),
      encoding,
      secretForms(secretsOf(session.credentials)),
    );
    this.#tabs.set(tab.id, tab);
    tab.send(
      'ready',
      { stream: tab.id, heartbeatSeconds: this.limits.heartbeatMs / 1000 },
      RECONNECT_MS,
    );
    return tab;
  }

  /** The tab of this id open on this replica, whoever's it is (callers check the owner). */
  localTab(streamId: string): Tab | undefined {
    return this.#tabs.get(streamId);
  }

  /** The tab, if it is open and belongs to this session (a stream id alone grants nothing). */
  tab(streamId: string, session: Session): Tab {
    const tab = this.#tabs.get(streamId);
    if (!tab || tab.sessionId !== session.id) {
      throw statusError(404, streamMessages.unknownStream, { stream: streamId.slice(0, 64) });
    }
    return tab;
  }

  subscribe(tab: Tab, spec: SubscriptionSpec): string {
    const id = spec.id ?? randomBytes(9).toString('base64url');
    if (tab.subscriptions.has(id))
      throw statusError(409, streamMessages.duplicateSubscription, { id });
    const used = this.#tabsOf(tab.sessionId).reduce((n, t) => n + t.subscriptions.size, 0);
    if (used >= this.limits.maxSubscriptionsPerSession) {
      throw statusError(429, streamMessages.tooManySubscriptions, {
        max: this.limits.maxSubscriptionsPerSession,
      });
    }
    const target: FeedTarget = {
      sessionId: tab.sessionId,
      kind: spec.kind,
      namespace: spec.kind.namespaced ? spec.namespace : undefined,
      labelSelector: spec.labelSelector,
    };
    const feedKey = JSON.stringify([
      target.sessionId,
      target.kind.group,
      target.kind.version,
      target.kind.plural,
      target.namespace ?? '',
      target.labelSelector ?? '',
    ]);
    const subscription = `{"subscription":${JSON.stringify(id)},`;
    const listener = (message: FeedMessage) => {
      if (message.type === 'error') tab.subscriptions.delete(id);
      tab.sendJson(message.type, subscription + eventFields(message));
    };
    tab.subscriptions.set(id, { id, feedKey, listener });
    this.#feed(feedKey, target).add(listener);
    return id;
  }

  unsubscribe(tab: Tab, id: string): boolean {
    const sub = tab.subscriptions.get(id);
    if (!sub) return false;
    tab.subscriptions.delete(id);
    this.#feeds.get(sub.feedKey)?.remove(sub.listener);
    return true;
  }

  /** Ends every stream (shutdown, tests). */
  close(): void {
    clearInterval(this.#heartbeat);
    for (const tab of [...this.#tabs.values()]) tab.close();
  }

  #feed(key: string, target: FeedTarget): Feed {
    const existing = this.#feeds.get(key);
    if (existing) return existing;
    const onStopped = () => {
      if (this.#feeds.get(key) === feed) this.#feeds.delete(key);
    };
    const feed: Feed = target.kind.supportsWatch
      ? new WatchFeed(this.ctx, target, onStopped)
      : new PollFeed(this.ctx, target, onStopped);
    this.#feeds.set(key, feed);
    return feed;
  }

  #tabsOf(sessionId: string): Tab[] {
    return [...this.#tabs.values()].filter((t) => t.sessionId === sessionId);
  }

  #closed(tab: Tab): void {
    this.#tabs.delete(tab.id);
    for (const id of [...tab.subscriptions.keys()]) this.unsubscribe(tab, id);
  }

  /** Heartbeats, and the end of streams whose session ended (signed out, idle, expired). */
  async #beat(): Promise<void> {
    const sessions: SessionStore = this.ctx.sessions;
    const now = this.ctx.now();
    for (const tab of [...this.#tabs.values()]) {
      // A store that can't answer (Redis away) decides nothing: the stream keeps beating until
      // it can; an unhandled rejection here ended the whole replica.
      const session = await sessions.get(tab.sessionId).catch(() => 'unknown' as const);
      if (tab.closed) continue;
      if (session === 'unknown') {
        tab.heartbeat();
        continue;
      }
      if (!session || !isSessionLive(session, now, this.ctx.idleMs)) {
        tab.send('end', { reason: 'session' });
        tab.close();
      } else {
        tab.heartbeat();
      }
    }
  }
}

/**
 * A message's JSON without its opening brace, made once however many tabs share the feed: the
 * items of a snapshot part are the costly part, and every tab gets the same ones.
 */
const serialized = new WeakMap<FeedMessage, string>();

function eventFields(message: FeedMessage): string {
  let json = serialized.get(message);
  if (json === undefined) {
    if ((message.type === 'snapshot' || message.type === 'reset') && message.itemsJson) {
      const { resourceVersion, part, complete } = message;
      json = `${JSON.stringify({ resourceVersion, part, complete }).slice(1, -1)},"items":${message.itemsJson}}`;
    } else {
      json = JSON.stringify(eventData(message)).slice(1);
    }
    serialized.set(message, json);
  }
  return json;
}

function eventData(message: FeedMessage): Record<string, unknown> {
  switch (message.type) {
    case 'snapshot':
    case 'reset':
      return {
        resourceVersion: message.resourceVersion,
        part: message.part,
        complete: message.complete,
        items: message.items,
      };
    case 'event':
      return { eventType: message.eventType, object: message.object };
    case 'error':
      return { status: message.status };
  }
}
