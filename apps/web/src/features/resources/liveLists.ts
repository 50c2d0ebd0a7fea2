import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { StreamMessage } from '../../lib/kube/liveStream.ts';
import { watchKind } from '../../lib/kube/watch.ts';
import type { KubeList } from './objects.ts';
import { kindOf, type ResourcePlural } from './resourceKinds.ts';
import { applyStreamMessages, emptyLiveList, type LiveListState } from './streamFold.ts';

/** Stream messages arriving within this window are folded into the cache in one update. */
const BATCH_MS = 50;
/** Snapshot parts between the first and the last are shown at most this often. */
const PARTS_MS = 3_000;

/**
 * 'connecting': subscribed, no complete snapshot yet; 'live': the cache is whole and kept
 * current by the stream; 'down': the stream dropped or refused, the list polls the proxy.
 */
export type LivePhase = 'connecting' | 'live' | 'down';

/** What made a waiting list query give up on the stream (it then lists through the proxy). */
export class StreamUnavailable extends Error {}

/**
 * One subscription per list shown, shared by whoever shows it. It folds the stream into the
 * query cache, and the list query's first fetch waits for its snapshot instead of listing
 * through the proxy: one upstream list per page open, whose first page paints at once.
 */
export class LiveList {
  phase: LivePhase = 'connecting';
  refs = 0;
  #state: LiveListState = emptyLiveList;
  #pending: StreamMessage[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #waiters = new Set<{ resolve: (l: KubeList) => void; reject: (e: Error) => void }>();
  readonly #watchers = new Set<() => void>();
  unsubscribe: () => void = () => {};

  constructor(
    private readonly queryClient: QueryClient,
    private readonly key: QueryKey,
  ) {}

  /** Calls back when the phase changes; returns the way to stop. */
  watch(onChange: () => void): () => void {
    this.#watchers.add(onChange);
    return () => this.#watchers.delete(onChange);
  }

  /** The whole list: at once when live, after the snapshot while connecting. */
  snapshot(signal: AbortSignal): Promise<KubeList> {
    const current = this.queryClient.getQueryData<KubeList>(this.key);
    if (this.phase === 'live' && current && !this.#state.assembling) {
      return Promise.resolve(current);
    }
    if (this.phase === 'down') return Promise.reject(new StreamUnavailable());
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject };
      this.#waiters.add(waiter);
      signal.addEventListener('abort', () => {
        this.#waiters.delete(waiter);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      });
    });
  }

  receive(message: StreamMessage): void {
    if (message.type === 'offline' || message.type === 'error') {
      this.flush();
      this.#state = { ...this.#state, assembling: undefined };
      this.#setPhase('down');
      for (const waiter of this.#drainWaiters()) waiter.reject(new StreamUnavailable());
      return;
    }
    this.#pending.push(message);
    // The first part (first rows) and the last (the list is whole) show at once; the parts in
    // between are folded in fewer, bigger steps: each step sorts the rows shown so far again.
    const snapshotPart = message.type === 'snapshot' || message.type === 'reset';
    if (snapshotPart && (message.part === 0 || message.complete)) {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.flush(), 0);
    } else {
      this.#timer ??= setTimeout(() => this.flush(), snapshotPart ? PARTS_MS : BATCH_MS);
    }
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    const before = this.#state.completed;
    // The cache may have changed meanwhile (a proxy poll while the stream was down).
    const cached = this.queryClient.getQueryData<KubeList>(this.key);
    this.#state = applyStreamMessages({ ...this.#state, list: cached }, batch);
    const list = this.#state.list;
    if (list && list !== cached) this.queryClient.setQueryData(this.key, list);
    if (this.#state.completed === before || !list || this.#state.assembling) return;
    this.#setPhase('live');
    for (const waiter of this.#drainWaiters()) waiter.resolve(list);
  }

  close(): void {
    clearTimeout(this.#timer);
    this.unsubscribe();
    for (const waiter of this.#drainWaiters()) waiter.reject(new StreamUnavailable());
  }

  #drainWaiters() {
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    return waiters;
  }

  #setPhase(phase: LivePhase): void {
    if (this.phase === phase) return;
    this.phase = phase;
    for (const watcher of [...this.#watchers]) watcher();
  }
}

const lists = new Map<string, LiveList>();
/** A route loader's hold on a list until its page joins (or the page never comes). */
const PRIME_HOLD_MS = 10_000;
const leases = new Map<LiveList, () => void>();

/** The live list of this cache key, if a screen shows it. */
export function liveListOf(key: QueryKey): LiveList | undefined {
  return lists.get(hashKey(key));
}

/**
 * Subscribes (or joins the subscription of) a list; undefined where the browser has no
 * EventSource. `release` ends the share; the last one unsubscribes. Joining takes over a
 * route loader's hold (primeLiveList), so the subscription it started is the page's.
 */
export function acquireLiveList(
  queryClient: QueryClient,
  key: QueryKey,
  plural: ResourcePlural,
  namespace: string,
): { live: LiveList; release: () => void } | undefined {
  const shared = join(queryClient, key, plural, namespace);
  if (shared) {
    leases.get(shared.live)?.();
  }
  return shared;
}

/**
 * Called by the list route's loader before the page renders: the stream subscription (whose
 * snapshot is the page's one upstream list) starts with the navigation. Held until the page
 * joins, or PRIME_HOLD_MS. False where there is no stream.
 */
export function primeLiveList(
  queryClient: QueryClient,
  key: QueryKey,
  plural: ResourcePlural,
  namespace: string,
): boolean {
  const shared = join(queryClient, key, plural, namespace);
  if (!shared) return false;
  leases.get(shared.live)?.();
  const timer = setTimeout(() => end(), PRIME_HOLD_MS);
  const end = () => {
    clearTimeout(timer);
    leases.delete(shared.live);
    shared.release();
  };
  leases.set(shared.live, end);
  return true;
}

function join(
  queryClient: QueryClient,
  key: QueryKey,
  plural: ResourcePlural,
  namespace: string,
): { live: LiveList; release: () => void } | undefined {
  const hash = hashKey(key);
  let live = lists.get(hash);
  if (!live) {
    const created = new LiveList(queryClient, key);
    const unsubscribe = watchKind(kindOf(plural), namespace, (m) => created.receive(m));
    if (!unsubscribe) return undefined;
    created.unsubscribe = unsubscribe;
    lists.set(hash, created);
    live = created;
  }
  const shared = live;
  shared.refs += 1;
  let released = false;
  return {
    live: shared,
    release: () => {
      if (released) return;
      released = true;
      shared.refs -= 1;
      if (shared.refs > 0) return;
      lists.delete(hash);
      shared.close();
    },
  };
}
