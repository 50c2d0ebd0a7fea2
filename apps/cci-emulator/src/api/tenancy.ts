import type { KindDescriptor } from '@cci/model';
import type { KubeObject } from '../store/types.ts';
import type { ObjectStore } from '../store/objectStore.ts';
import { namespaceKind } from './deletion.ts';

/**
 * Which project an object belongs to. CCI isolates projects: a Namespace and a cluster-scoped
 * CCI object (an ImageSnapshot) carry the project (and account) that created them, and
 * everything in a namespace belongs to the namespace's project. The server writes these
 * annotations on create and keeps them on every update; a client can neither set nor change them.
 */
export const PROJECT_ANNOTATION = 'tenant.kubernetes.io/project-id';
export const DOMAIN_ANNOTATION = 'tenant.kubernetes.io/domain-id';

export interface Tenant {
  projectId: string;
  domainId: string;
}

/** Cluster-scoped kinds belong to a project themselves; namespaced ones through their namespace. */
export function ownsItself(kind: KindDescriptor): boolean {
  return !kind.namespaced;
}

/**
 * The project of a Namespace or ImageSnapshot. Objects written in-process without a caller
 * (the demo seed, data from before isolation) belong to the emulator's default project.
 */
export function projectOf(object: KubeObject, defaultProjectId: string): string {
  return object.metadata.annotations?.[PROJECT_ANNOTATION] ?? defaultProjectId;
}

/** The project of a namespace by name; undefined when there is no such namespace. */
export function namespaceProject(
  store: ObjectStore,
  namespace: string,
  defaultProjectId: string,
): string | undefined {
  const ns = store.get(namespaceKind.storageKey, '', namespace);
  return ns ? projectOf(ns, defaultProjectId) : undefined;
}

/** The tenancy annotations of `object` as a metadata fragment (empty when it has none). */
export function tenantAnnotations(object: KubeObject): { annotations?: Record<string, string> } {
  const annotations = object.metadata.annotations ?? {};
  const picked = Object.fromEntries(
    [PROJECT_ANNOTATION, DOMAIN_ANNOTATION].flatMap((key) => {
      const value = annotations[key];
      return value === undefined ? [] : [[key, value]];
    }),
  );
  return Object.keys(picked).length === 0 ? {} : { annotations: picked };
}

/** A create body with the caller's project written over whatever the client sent. */
export function stampTenant(body: unknown, tenant: Tenant): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const object = body as { metadata?: unknown };
  const metadata =
    typeof object.metadata === 'object' &&
    object.metadata !== null &&
    !Array.isArray(object.metadata)
      ? (object.metadata as { annotations?: Record<string, string> })
      : {};
  const annotations =
    typeof metadata.annotations === 'object' && metadata.annotations !== null
      ? metadata.annotations
      : {};
  return {
    ...object,
    metadata: {
      ...metadata,
      annotations: {
        ...annotations,
        [PROJECT_ANNOTATION]: tenant.projectId,
        [DOMAIN_ANNOTATION]: tenant.domainId,
      },
    },
  };
}

/** An update keeps the stored tenancy (or its absence) whatever the new version says. */
export function keepTenant(next: KubeObject, current: KubeObject): KubeObject {
  const before = current.metadata.annotations ?? {};
  const after = { ...(next.metadata.annotations ?? {}) };
  let changed = false;
  for (const key of [PROJECT_ANNOTATION, DOMAIN_ANNOTATION]) {
    if (after[key] === before[key]) continue;
    changed = true;
    const kept = before[key];
    if (kept === undefined) delete after[key];
    else after[key] = kept;
  }
  if (!changed) return next;
  const { annotations: _replaced, ...metadata } = next.metadata;
  return {
    ...next,
    metadata: Object.keys(after).length === 0 ? metadata : { ...metadata, annotations: after },
  };
}
