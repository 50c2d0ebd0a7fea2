import type { KindDescriptor } from '@cci/model';
import type { SessionStore } from '../session/types.ts';
import type { UpstreamClient } from '../upstream/types.ts';

/**
 * A feed is one upstream source of changes for (session, resource, namespace, selector): a
 * shared watch, or a shared poll for kinds without watch (rule S4). Tabs subscribe listeners.
 */
export interface KubeObject {
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
  [field: string]: unknown;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export type FeedMessage =
  /**
   * The full current state, in parts of at most one list page: first for every listener, and
   * after a re-list (`reset`). Part 0 starts a new state; the part with `complete` ends it. The
   * parts of one state are never interleaved with events.
   */
  | {
      type: 'snapshot' | 'reset';
      resourceVersion: string;
      items: KubeObject[];
      /** `items` as JSON, when the upstream text is at hand (not for late listeners). */
      itemsJson?: string | undefined;
      part: number;
      complete: boolean;
    }
  | { type: 'event'; eventType: WatchEventType; object: KubeObject }
  /** The feed stopped for good (e.g. CCI refused the list); listeners are dropped. */
  | { type: 'error'; status: unknown };

export type FeedListener = (message: FeedMessage) => void;

export interface FeedTarget {
  sessionId: string;
  kind: KindDescriptor;
  namespace: string | undefined;
  labelSelector: string | undefined;
}

export interface FeedContext {
  upstream: UpstreamClient;
  sessions: SessionStore;
  now: () => number;
  idleMs: number;
  listTimeoutMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  pollIntervalMs: number;
  log: (line: Record<string, unknown>) => void;
}

export interface Feed {
  add(listener: FeedListener): void;
  remove(listener: FeedListener): void;
  readonly listeners: number;
}

export function objectKey(obj: KubeObject): string {
  return `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}

/** Exponential with jitter, so many feeds do not reconnect in lockstep after an outage. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling * (0.5 + Math.random() * 0.5));
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
