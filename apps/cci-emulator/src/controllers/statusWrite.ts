/**
 * Small helpers the network, service, PVC, job and cronjob controllers share: writing a status
 * only when it changed (every write wakes the watchers, and a controller that rewrites an equal
 * status would wake itself forever), and owner references.
 */
import type { KindDescriptor } from '@cci/model';
import type { KubeObject, OwnerReference } from '../store/types.ts';
import type { ControllerContext } from './runtime.ts';

/** JSON equality of plain data (key order of objects matters, as the writers build them alike). */
export function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Writes `status` when it differs from the stored one; returns the object as stored after. */
export function writeStatusIfChanged(
  ctx: ControllerContext,
  kind: KindDescriptor,
  object: KubeObject,
  status: unknown,
): KubeObject {
  if (sameData(object['status'], status)) return object;
  const result = ctx.updateStatus(kind, { ...object, status });
  return 'metadata' in result ? result : object;
}

/** The reference a controller puts on what it creates (the garbage collector follows it). */
export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion ?? '',
    kind: owner.kind ?? '',
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isControlledBy(object: KubeObject, owner: KubeObject): boolean {
  return (object.metadata.ownerReferences ?? []).some(
    (r) => r.controller === true && r.uid === owner.metadata.uid,
  );
}

/** Milliseconds since the epoch of an RFC 3339 timestamp, or undefined. */
export function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Oldest first, then by name: how "the first one" is decided among siblings. */
export function byAge(a: KubeObject, b: KubeObject): number {
  const ta = timeOf(a.metadata.creationTimestamp) ?? 0;
  const tb = timeOf(b.metadata.creationTimestamp) ?? 0;
  return ta - tb || a.metadata.name.localeCompare(b.metadata.name);
}

/**
 * One pending timer per key: a controller re-arming a step (after a restart, or on every
 * reconcile) must not pile up callbacks.
 */
export class KeyedTimers {
  private readonly timers = new Map<string, { due: number; cancel: () => void }>();

  /** Arms `fn` at `dueMs` (emulator time) unless a timer for `key` is already due then. */
  arm(ctx: ControllerContext, key: string, dueMs: number, fn: () => void): void {
    const existing = this.timers.get(key);
    if (existing?.due === dueMs) return;
    existing?.cancel();
    const cancel = ctx.clock.schedule(dueMs - ctx.clock.now().getTime(), () => {
      this.timers.delete(key);
      fn();
    });
    this.timers.set(key, { due: dueMs, cancel });
  }

  disarm(key: string): void {
    this.timers.get(key)?.cancel();
    this.timers.delete(key);
  }
}
