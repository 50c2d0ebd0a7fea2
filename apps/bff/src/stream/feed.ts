import type {
  KindDescriptor,
  StreamMessage,
  StreamObject as KubeObject,
  WatchEventType,
} from '@cci/model';
import type { SessionStore } from '../session/types.ts';
import type { UpstreamClient } from '../upstream/types.ts';

/**
 * A stream message (see @cci/model's wire/stream.ts); a snapshot part may also carry `items` as
 * JSON when the upstream text is at hand (not for late listeners), so it is serialized once.
 */
export type FeedMessage =
  | (StreamMessage<KubeObject> & { type: 'snapshot' | 'reset'; itemsJson?: string | undefined })
  | Exclude<StreamMessage<KubeObject>, { type: 'snapshot' | 'reset' }>;

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

/**
 * A feed is one upstream source of changes for (session, resource, namespace, selector): a
 * shared watch, or a shared poll for kinds without watch (rule S4). Tabs subscribe listeners.
 */
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

export type { KubeObject, WatchEventType };
