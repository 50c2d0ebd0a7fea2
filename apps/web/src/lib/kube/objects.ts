import type { KindName, ObjectOf } from '@cci/model/objects';

/** The part of a Kubernetes object every screen reads; the rest is walked with `field`. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A list answer; `T` narrows the items once @cci/model types the kinds. */
export interface KubeList<T extends KubeObject = KubeObject> {
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string };
  items: T[];
}

/**
 * The object as its kind's type from @cci/model (`ofKind<'Pod'>(o).status?.phase`): for code that
 * knows the kind it reads (a pods list, a pool). Where the kind is unknown, stay on KubeObject.
 */
export function ofKind<K extends KindName>(object: KubeObject): ObjectOf<K> {
  return object as unknown as ObjectOf<K>;
}
