import { findKind, findKindByResource, type KindDescriptor } from '@cci/model';
import type { KubeObject } from '../store/types.ts';
import type { ApiContext } from './context.ts';
import type { DeleteOptions } from './deleteOptions.ts';
import { timestamp } from './metadata.ts';
import { markPodForGracefulDeletion } from '../controllers/podDeletion.ts';

export type { DeleteOptions } from './deleteOptions.ts';

export const namespaceKind = findKindByResource('', 'v1', 'namespaces') as KindDescriptor;

function hasFinalizers(kind: KindDescriptor, obj: KubeObject): boolean {
  if ((obj.metadata.finalizers ?? []).length > 0) return true;
  if (kind === namespaceKind) {
    const spec = obj['spec'] as { finalizers?: string[] } | undefined;
    return (spec?.finalizers ?? []).length > 0;
  }
  return false;
}

/**
 * Deletes an object: at once when nothing holds it, otherwise marks it with a
 * deletionTimestamp and lets finalizers (the namespace controller, ...) finish the job.
 */
export function deleteObject(
  ctx: ApiContext,
  kind: KindDescriptor,
  current: KubeObject,
  options: DeleteOptions,
): { object: KubeObject; finished: boolean } {
  // P11: a running pod is only marked; the kubelet emulation removes it after its grace period.
  const terminating = markPodForGracefulDeletion(ctx, kind, current, options);
  if (terminating) return { object: terminating, finished: false };
  if (hasFinalizers(kind, current)) {
    if (current.metadata.deletionTimestamp) return { object: current, finished: false };
    const marked: KubeObject = {
      ...current,
      metadata: {
        ...current.metadata,
        deletionTimestamp: timestamp(ctx.clock.now()),
        deletionGracePeriodSeconds: 0,
      },
    };
    if (kind === namespaceKind)
      marked['status'] = { ...(current['status'] as object), phase: 'Terminating' };
    const stored = ctx.store.put(kind.storageKey, marked);
    if (kind === namespaceKind) setImmediate(() => terminateNamespace(ctx, stored.metadata.name));
    return { object: stored, finished: false };
  }
  const removed = ctx.store.remove(
    kind.storageKey,
    current.metadata.namespace ?? '',
    current.metadata.name,
  );
  if (current.metadata.uid)
    collectDependents(ctx, current.metadata.uid, options.propagationPolicy ?? 'Background');
  return { object: removed ?? current, finished: true };
}

/** After an update removed the last finalizer of an object being deleted, it goes. */
export function finalizeIfReady(
  ctx: ApiContext,
  kind: KindDescriptor,
  obj: KubeObject,
): KubeObject {
  if (!obj.metadata.deletionTimestamp || hasFinalizers(kind, obj)) return obj;
  return deleteObject(ctx, kind, obj, {}).object;
}

/** The garbage collector: dependents of a deleted owner are deleted, or orphaned on request. */
function collectDependents(
  ctx: ApiContext,
  ownerUid: string,
  policy: NonNullable<DeleteOptions['propagationPolicy']>,
): void {
  const dependents = ctx.store.dependentsOf(ownerUid);
  for (const { storageKey, object } of dependents) {
    const kind = findKind({ storageKey });
    if (!kind) continue;
    if (policy === 'Orphan') {
      const ownerReferences = (object.metadata.ownerReferences ?? []).filter(
        (r) => r.uid !== ownerUid,
      );
      const { ownerReferences: _old, ...rest } = object.metadata;
      const metadata = ownerReferences.length > 0 ? { ...rest, ownerReferences } : rest;
      ctx.store.put(storageKey, { ...object, metadata: metadata as KubeObject['metadata'] });
    } else {
      deleteObject(ctx, kind, object, { propagationPolicy: policy });
    }
  }
}

/** The namespace controller: empties a Terminating namespace, then drops its finalizer (N3). */
export function terminateNamespace(ctx: ApiContext, name: string): void {
  const contents = [...ctx.store.all()].filter(({ object }) => object.metadata.namespace === name);
  for (const { storageKey, object } of contents) {
    const kind = findKind({ storageKey });
    const live = ctx.store.get(storageKey, name, object.metadata.name);
    if (!kind || !live) continue;
    // Objects still held by their own finalizers would keep the namespace forever in an
    // emulator with no controller for them; CCI's namespace deletion is unconditional.
    ctx.store.remove(storageKey, name, live.metadata.name);
  }
  ctx.store.remove(namespaceKind.storageKey, '', name);
}
