/** A stored Kubernetes object: plain JSON with metadata. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [field: string]: unknown;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One committed change; `previous` lets selector-filtered watches turn edits into ADDED/DELETED. */
export interface StoreEvent {
  rv: number;
  type: WatchEventType;
  storageKey: string;
  namespace: string;
  object: KubeObject;
  previous: KubeObject | undefined;
}

/** Where the store's state survives a restart; absent = memory only. */
export interface Persistence {
  load(): { resourceVersion: number; objects: { storageKey: string; object: KubeObject }[] };
  /** Must be durable when it returns: the API acknowledges the write right after. */
  put(storageKey: string, object: KubeObject, resourceVersion: number): void;
  remove(storageKey: string, namespace: string, name: string, resourceVersion: number): void;
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  close(): void;
}
