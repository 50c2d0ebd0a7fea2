/**
 * The BFF's live stream (`/api/stream`, Server-Sent Events). The browser opens one stream per
 * tab, gets `ready` with its id, then POSTs {@link SubscriptionRequest}s to
 * `/api/stream/<stream>/subscriptions` and DELETEs them by id. Each SSE event is named by the
 * message's `type` and its data is the rest of the message plus `subscription` (the id):
 *
 *   event: event
 *   data: {"subscription":"s1","eventType":"ADDED","object":{...}}
 *
 * The kind of change is `eventType` everywhere (in the BFF, on the wire, in the web), because
 * `type` already names the message.
 */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** Any Kubernetes object as the stream carries it. */
export interface StreamObject {
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
  [field: string]: unknown;
}

export type StreamMessage<T = StreamObject> =
  /**
   * The full state in parts of at most one list page: `part` 0 starts a state, `complete` ends
   * it; no events come between the parts of one state. `reset` is a new state after a re-list.
   */
  | {
      type: 'snapshot' | 'reset';
      resourceVersion: string;
      items: T[];
      part: number;
      complete: boolean;
    }
  | { type: 'event'; eventType: WatchEventType; object: T }
  /** The subscription ended for good (e.g. CCI refused the list): `status` is a Status. */
  | { type: 'error'; status: unknown };

/** The data of one SSE event: the message without its `type` (the SSE event name). */
export type StreamEventData<T = StreamObject> =
  StreamMessage<T> extends infer M
    ? (M extends unknown ? Omit<M, 'type'> : never) & { subscription: string }
    : never;

/** The names of the SSE events; `ready` carries {@link StreamReady}, `end` closes the stream. */
export type StreamEventName = StreamMessage['type'] | 'ready' | 'end';

export interface StreamReady {
  stream: string;
}

/** The body of `POST /api/stream/<stream>/subscriptions`. */
export interface SubscriptionRequest {
  /** Chosen by the browser, unique within its stream. */
  id: string;
  /** "group/version/plural", the core group as "v1/pods". */
  resource: string;
  namespace?: string;
  labelSelector?: string;
}
