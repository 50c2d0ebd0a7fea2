import type { StreamMessage as WireStreamMessage } from '@cci/model';
import type { KubeObject } from './objects.ts';
import { apiFetch } from './http.ts';

/**
 * What /api/stream sends per subscription (the wire type of @cci/model), plus `offline`: the
 * connection dropped or the session ended, so data may be stale until the next snapshot.
 */
export type StreamMessage = WireStreamMessage<KubeObject> | { type: 'offline' };

export interface SubscriptionSpec {
  /** "group/version/plural", "v1/pods" for the core group. */
  resource: string;
  namespace?: string | undefined;
}

type Listener = (message: StreamMessage) => void;

const IDLE_CLOSE_MS = 10_000;
type SourceFactory = (url: string) => EventSource;

/**
 * One Server-Sent Events connection per tab, shared by every live list. Subscriptions are
 * POSTed beside it with ids chosen here, so events are routed even before the POST answers;
 * after a reconnect (a new stream id) they are posted again.
 */
export class LiveStream {
  #source: EventSource | undefined;
  #streamId: string | undefined;
  #counter = 0;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #subscriptions = new Map<string, { spec: SubscriptionSpec; listener: Listener }>();

  constructor(private readonly createSource: SourceFactory) {}

  subscribe(spec: SubscriptionSpec, listener: Listener): () => void {
    this.#counter += 1;
    const id = `s${this.#counter}`;
    this.#subscriptions.set(id, { spec, listener });
    clearTimeout(this.#idleTimer);
    this.#open();
    if (this.#streamId) this.#post(id, this.#streamId);
    return () => {
      this.#subscriptions.delete(id);
      const stream = this.#streamId;
      if (stream) {
        void apiFetch(`/api/stream/${stream}/subscriptions/${id}`, { method: 'DELETE' }).catch(
          () => {}, // The stream may be gone already; nothing to undo then.
        );
      }
      // Moving from one list to the next unsubscribes, then subscribes: keep the connection.
      if (this.#subscriptions.size === 0) {
        this.#idleTimer = setTimeout(() => this.#close(), IDLE_CLOSE_MS);
      }
    };
  }

  #open(): void {
    if (this.#source) return;
    const source = this.createSource('/api/stream');
    this.#source = source;
    source.addEventListener('ready', (e) => {
      const stream = (JSON.parse((e as MessageEvent<string>).data) as { stream: string }).stream;
      this.#streamId = stream;
      for (const id of this.#subscriptions.keys()) this.#post(id, stream);
    });
    for (const type of ['snapshot', 'reset', 'event', 'error'] as const) {
      source.addEventListener(type, (e) => {
        if (!(e instanceof MessageEvent)) return; // a connection error, handled by onerror
        const data = JSON.parse(e.data as string) as { subscription: string } & Record<
          string,
          unknown
        >;
        const entry = this.#subscriptions.get(data.subscription);
        entry?.listener(toMessage(type, data));
      });
    }
    source.addEventListener('end', () => this.#drop(true));
    source.onerror = () => this.#drop(source.readyState === EventSource.CLOSED);
  }

  #drop(closed: boolean): void {
    this.#streamId = undefined;
    for (const { listener } of this.#subscriptions.values()) listener({ type: 'offline' });
    if (closed) this.#close();
  }

  #close(): void {
    this.#source?.close();
    this.#source = undefined;
    this.#streamId = undefined;
  }

  #post(id: string, stream: string): void {
    const entry = this.#subscriptions.get(id);
    if (!entry) return;
    apiFetch(`/api/stream/${stream}/subscriptions`, {
      method: 'POST',
      body: { ...entry.spec, id },
    }).catch((status: unknown) => entry.listener({ type: 'error', status }));
  }
}

function toMessage(type: 'snapshot' | 'reset' | 'event' | 'error', data: Record<string, unknown>) {
  if (type === 'event') {
    return { type, eventType: data['eventType'], object: data['object'] } as StreamMessage;
  }
  if (type === 'error') return { type, status: data['status'] } as StreamMessage;
  return {
    type,
    resourceVersion: data['resourceVersion'],
    items: data['items'],
    part: data['part'],
    complete: data['complete'],
  } as StreamMessage;
}

let shared: LiveStream | undefined;

/** The tab's stream; undefined where the browser has no EventSource (tests): lists poll then. */
export function liveStream(): LiveStream | undefined {
  if (typeof EventSource === 'undefined') return undefined;
  shared ??= new LiveStream((url) => new EventSource(url, { withCredentials: true }));
  return shared;
}
