import { EventLog } from './eventLog.ts';
import type { KubeObject, Persistence, StoreEvent, WatchEventType } from './types.ts';

interface Entry {
  object: KubeObject;
  /** Serialized once at write time: lists and watches are served by concatenating these. */
  json: string;
}

class Bucket {
  readonly entries = new Map<string, Entry>();
  private sorted: string[] | undefined;

  sortedKeys(): string[] {
    this.sorted ??= [...this.entries.keys()].sort();
    return this.sorted;
  }
  set(key: string, entry: Entry): void {
    if (!this.entries.has(key)) this.sorted = undefined;
    this.entries.set(key, entry);
  }
  delete(key: string): void {
    if (this.entries.delete(key)) this.sorted = undefined;
  }
}

export interface WatchSubscription {
  storageKey: string;
  namespace: string | undefined;
  matches: (object: KubeObject) => boolean;
  send: (type: WatchEventType, entryJson: string, object: KubeObject) => void;
}

export interface StoreOptions {
  persistence?: Persistence | undefined;
  eventLogCapacity?: number;
}

function entryKey(namespace: string, name: string): string {
  // '\u0000' sorts before every name character, so keys order by namespace, then name.
  return `${namespace}\u0000${name}`;
}

/**
 * All objects, one monotonic resourceVersion counter, an event log and live watchers.
 * Node runs one request handler at a time, so check-then-write sequences in the API layer are
 * atomic without locks.
 */
export class ObjectStore {
  private rv: number;
  private readonly buckets = new Map<string, Bucket>();
  private readonly log: EventLog;
  private readonly watchers = new Map<string, Set<WatchSubscription>>();
  private readonly persistence: Persistence | undefined;
  /** owner uid → the dependents' locations, so garbage collection never scans the store. */
  private readonly dependents = new Map<string, Set<string>>();

  constructor(options: StoreOptions = {}) {
    this.persistence = options.persistence;
    const loaded = this.persistence?.load();
    this.rv = loaded?.resourceVersion ?? 0;
    for (const { storageKey, object } of loaded?.objects ?? []) {
      this.bucket(storageKey).set(entryKey(object.metadata.namespace ?? '', object.metadata.name), {
        object,
        json: JSON.stringify(object),
      });
      this.indexOwners(storageKey, undefined, object);
    }
    this.log = new EventLog(options.eventLogCapacity ?? 20_000, this.rv);
  }

  get resourceVersion(): number {
    return this.rv;
  }

  get(storageKey: string, namespace: string, name: string): KubeObject | undefined {
    return this.buckets.get(storageKey)?.entries.get(entryKey(namespace, name))?.object;
  }

  /** Entries ordered by namespace then name; `namespace` undefined means all namespaces. */
  *entries(
    storageKey: string,
    namespace?: string,
    after?: string,
  ): Generator<Entry & { key: string }> {
    const bucket = this.buckets.get(storageKey);
    if (!bucket) return;
    const keys = bucket.sortedKeys();
    let i = 0;
    const lowerBound = after ?? (namespace !== undefined ? entryKey(namespace, '') : undefined);
    if (lowerBound !== undefined) i = firstIndexAbove(keys, lowerBound, after !== undefined);
    const prefix = namespace !== undefined ? `${namespace}\u0000` : undefined;
    for (; i < keys.length; i++) {
      const key = keys[i] as string;
      if (prefix !== undefined && !key.startsWith(prefix)) return;
      const entry = bucket.entries.get(key);
      if (entry) yield { ...entry, key };
    }
  }

  /**
   * One page of a list: up to `limit` (0 = all) matching entries after key `after`, plus how many
   * matching entries remain. Without a filter the remainder is counted from the sorted index
   * instead of by walking it, so paging 10,000 objects stays linear overall.
   */
  page(
    storageKey: string,
    namespace: string | undefined,
    after: string | undefined,
    limit: number,
    matches: ((obj: KubeObject) => boolean) | undefined,
  ): { entries: (Entry & { key: string })[]; remaining: number } {
    const bucket = this.buckets.get(storageKey);
    if (!bucket) return { entries: [], remaining: 0 };
    const keys = bucket.sortedKeys();
    const lower = after ?? (namespace !== undefined ? entryKey(namespace, '') : undefined);
    let i = lower === undefined ? 0 : firstIndexAbove(keys, lower, after !== undefined);
    // Keys of one namespace are contiguous: find where they end once.
    const end =
      namespace === undefined ? keys.length : firstIndexAbove(keys, `${namespace}\u0001`, false);
    const entries: (Entry & { key: string })[] = [];
    for (; i < end && (limit === 0 || entries.length < limit); i++) {
      const key = keys[i] as string;
      const entry = bucket.entries.get(key);
      if (entry && (!matches || matches(entry.object)))
        entries.push({ object: entry.object, json: entry.json, key });
    }
    let remaining = 0;
    if (!matches) remaining = end - i;
    else
      for (; i < end; i++)
        if (matches((bucket.entries.get(keys[i] as string) as Entry).object)) remaining++;
    return { entries, remaining };
  }

  list(storageKey: string, namespace?: string): KubeObject[] {
    return [...this.entries(storageKey, namespace)].map((e) => e.object);
  }

  /** Every stored object of every kind (for the garbage collector and namespace cleanup). */
  *all(): Generator<{ storageKey: string; object: KubeObject }> {
    for (const [storageKey, bucket] of this.buckets) {
      for (const entry of bucket.entries.values()) yield { storageKey, object: entry.object };
    }
  }

  /** Stores a new version of an object (create or update) and returns it with its resourceVersion. */
  put(storageKey: string, object: KubeObject): KubeObject {
    const namespace = object.metadata.namespace ?? '';
    const key = entryKey(namespace, object.metadata.name);
    const bucket = this.bucket(storageKey);
    const previous = bucket.entries.get(key)?.object;
    const rv = this.rv + 1;
    const stored: KubeObject = {
      ...object,
      metadata: { ...object.metadata, resourceVersion: String(rv) },
    };
    this.persistence?.put(storageKey, stored, rv);
    this.rv = rv;
    const json = JSON.stringify(stored);
    bucket.set(key, { object: stored, json });
    this.indexOwners(storageKey, previous, stored);
    this.publish(
      {
        rv,
        type: previous ? 'MODIFIED' : 'ADDED',
        storageKey,
        namespace,
        object: stored,
        previous,
      },
      json,
    );
    return stored;
  }

  remove(storageKey: string, namespace: string, name: string): KubeObject | undefined {
    const bucket = this.buckets.get(storageKey);
    const key = entryKey(namespace, name);
    const previous = bucket?.entries.get(key)?.object;
    if (!bucket || !previous) return undefined;
    const rv = this.rv + 1;
    this.persistence?.remove(storageKey, namespace, name, rv);
    this.rv = rv;
    bucket.delete(key);
    this.indexOwners(storageKey, previous, undefined);
    // Like the API server, a DELETED event carries the object at the deletion's resourceVersion.
    const final: KubeObject = {
      ...previous,
      metadata: { ...previous.metadata, resourceVersion: String(rv) },
    };
    this.publish(
      { rv, type: 'DELETED', storageKey, namespace, object: final, previous },
      JSON.stringify(final),
    );
    return final;
  }

  /**
   * Starts a watch. Returns the replayed events since `fromRv` (already sent) or 'gone' when
   * that history was evicted; the caller answers 410 then.
   */
  watch(sub: WatchSubscription, fromRv: number | undefined): { cancel: () => void } | 'gone' {
    if (fromRv !== undefined) {
      const missed = this.log.since(fromRv);
      if (!missed) return 'gone';
      for (const event of missed) deliver(sub, event, JSON.stringify(event.object));
    }
    const set = this.watchers.get(sub.storageKey) ?? new Set();
    set.add(sub);
    this.watchers.set(sub.storageKey, set);
    return { cancel: () => set.delete(sub) };
  }

  /** Objects whose ownerReferences name `ownerUid`. */
  dependentsOf(ownerUid: string): { storageKey: string; object: KubeObject }[] {
    const out: { storageKey: string; object: KubeObject }[] = [];
    for (const location of this.dependents.get(ownerUid) ?? []) {
      const [storageKey, namespace, name] = location.split('\u0000') as [string, string, string];
      const object = this.get(storageKey, namespace, name);
      if (object) out.push({ storageKey, object });
    }
    return out;
  }

  /**
   * The changes to one resource (in one namespace, or all) after `rv`, oldest first; undefined
   * when some were evicted from the log (compacted, as etcd would say).
   */
  changesSince(
    storageKey: string,
    namespace: string | undefined,
    rv: number,
  ): StoreEvent[] | undefined {
    return this.log
      .since(rv)
      ?.filter(
        (e) =>
          e.storageKey === storageKey && (namespace === undefined || e.namespace === namespace),
      );
  }

  /** Whether every event after `rv` is still in the log. */
  canResumeFrom(rv: number): boolean {
    return rv >= this.log.evictedThrough;
  }

  watcherCount(): number {
    let n = 0;
    for (const set of this.watchers.values()) n += set.size;
    return n;
  }

  close(): void {
    this.watchers.clear();
    this.persistence?.close();
  }

  private indexOwners(
    storageKey: string,
    before: KubeObject | undefined,
    after: KubeObject | undefined,
  ): void {
    const object = after ?? before;
    if (!object) return;
    const location = `${storageKey}\u0000${object.metadata.namespace ?? ''}\u0000${object.metadata.name}`;
    for (const ref of before?.metadata.ownerReferences ?? [])
      this.dependents.get(ref.uid)?.delete(location);
    for (const ref of after?.metadata.ownerReferences ?? []) {
      const set = this.dependents.get(ref.uid) ?? new Set<string>();
      set.add(location);
      this.dependents.set(ref.uid, set);
    }
    for (const ref of before?.metadata.ownerReferences ?? []) {
      if (this.dependents.get(ref.uid)?.size === 0) this.dependents.delete(ref.uid);
    }
  }

  private bucket(storageKey: string): Bucket {
    let b = this.buckets.get(storageKey);
    if (!b) {
      b = new Bucket();
      this.buckets.set(storageKey, b);
    }
    return b;
  }

  private publish(event: StoreEvent, json: string): void {
    this.log.append(event);
    const set = this.watchers.get(event.storageKey);
    if (!set) return;
    for (const sub of set) deliver(sub, event, json);
  }
}

/** Translates a store event into what a filtered watcher sees (K8s semantics for selectors). */
function deliver(sub: WatchSubscription, event: StoreEvent, json: string): void {
  if (sub.storageKey !== event.storageKey) return;
  if (sub.namespace !== undefined && sub.namespace !== event.namespace) return;
  const now = sub.matches(event.object);
  const before = event.previous !== undefined && sub.matches(event.previous);
  let type: WatchEventType | undefined;
  if (event.type === 'ADDED') type = now ? 'ADDED' : undefined;
  else if (event.type === 'DELETED') type = now || before ? 'DELETED' : undefined;
  else if (now && before) type = 'MODIFIED';
  else if (now) type = 'ADDED';
  else if (before) type = 'DELETED';
  if (type) sub.send(type, json, event.object);
}

function firstIndexAbove(keys: string[], bound: string, strictlyAbove: boolean): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid] as string;
    if (k < bound || (strictlyAbove && k === bound)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export { entryKey };
