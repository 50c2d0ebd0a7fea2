import { entryKey, type ObjectStore } from './objectStore.ts';
import type { KubeObject } from './types.ts';

export interface SnapshotEntry {
  object: KubeObject;
  json: string;
  key: string;
}

export type SnapshotPage =
  { entries: SnapshotEntry[]; remaining: number } | 'expired' | { tooLarge: number };

/**
 * One page of a list as it stood at resourceVersion `atRv`: a paginated list is one snapshot
 * (what is written between its pages does not show) and `resourceVersionMatch=Exact` reads an
 * older state, as etcd serves both. The current state is rewound through the event log; when
 * nothing of the resource changed since `atRv` the store's own sorted index serves the page.
 */
export function pageAt(
  store: ObjectStore,
  storageKey: string,
  namespace: string | undefined,
  atRv: number,
  after: string | undefined,
  limit: number,
  matches: ((obj: KubeObject) => boolean) | undefined,
): SnapshotPage {
  if (atRv > store.resourceVersion) return { tooLarge: store.resourceVersion };
  const changes = store.changesSince(storageKey, namespace, atRv);
  if (!changes) return 'expired';
  if (changes.length === 0) return store.page(storageKey, namespace, after, limit, matches);

  const state = new Map<string, SnapshotEntry>();
  for (const entry of store.entries(storageKey, namespace)) state.set(entry.key, entry);
  for (let i = changes.length - 1; i >= 0; i--) {
    const change = changes[i];
    if (!change) continue;
    const key = entryKey(change.namespace, change.object.metadata.name);
    if (change.type === 'ADDED' || !change.previous) state.delete(key);
    else state.set(key, { object: change.previous, json: JSON.stringify(change.previous), key });
  }
  const keys = [...state.keys()].sort().filter((k) => after === undefined || k > after);
  const entries: SnapshotEntry[] = [];
  let remaining = 0;
  for (const key of keys) {
    const entry = state.get(key) as SnapshotEntry;
    if (matches && !matches(entry.object)) continue;
    if (limit === 0 || entries.length < limit) entries.push(entry);
    else remaining++;
  }
  return { entries, remaining };
}
