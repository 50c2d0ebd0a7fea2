/**
 * Typed Kubernetes and CCI objects: generated from the OpenAPI definitions the emulator serves
 * (see docs/architecture.md, "Object types", for why not the kubernetes-types package).
 */
import type { KindObjects, ListMeta } from '../generated/k8s-types.ts';

export type * from '../generated/k8s-types.ts';

/** A kind name of the kinds table: 'Pod', 'Deployment', 'EIPPool'... */
export type KindName = keyof KindObjects;

/** The object type of a kind by its name: ObjectOf<'Pod'> is Pod. */
export type ObjectOf<K extends KindName> = KindObjects[K];

/** What a list call answers for objects of type T. */
export interface KubeList<T> {
  apiVersion?: string;
  kind?: string;
  metadata?: ListMeta;
  items: T[];
}
