import type { KindDescriptor } from '@cci/model';
import { findKindByResource } from '@cci/model';
import type { ApiContext } from '../api/context.ts';
import { ApiError } from '../http/errors.ts';
import type { EmulatorClock } from '../clock.ts';
import type { KubeObject } from '../store/types.ts';
import { createObject, removeObject, updateObject } from '../api/resourceApi.ts';
import { recordEvent, type EventInput } from './events.ts';

export type ControllerKey = string;

/**
 * What a controller sees: the store through the same API functions clients use (so admission
 * and metadata rules apply to controller writes too), the clock, and a work queue.
 */
export interface ControllerContext {
  api: ApiContext;
  clock: EmulatorClock;
  kind(group: string, version: string, plural: string): KindDescriptor;
  get(kind: KindDescriptor, namespace: string | undefined, name: string): KubeObject | undefined;
  list(kind: KindDescriptor, namespace?: string): KubeObject[];
  create(
    kind: KindDescriptor,
    namespace: string | undefined,
    object: KubeObject,
  ): KubeObject | ApiError;
  /** Whole-object update (spec and metadata); status is kept. */
  update(kind: KindDescriptor, object: KubeObject): KubeObject | ApiError;
  /** Status-only update. */
  updateStatus(kind: KindDescriptor, object: KubeObject): KubeObject | ApiError;
  remove(
    kind: KindDescriptor,
    namespace: string | undefined,
    name: string,
    gracePeriodSeconds?: number,
  ): void;
  event(input: EventInput): void;
}

export interface Controller {
  readonly name: string;
  /** Storage keys whose changes enqueue a reconcile, and how a change maps to keys. */
  readonly watches: { kind: KindDescriptor; keysFor: (obj: KubeObject) => ControllerKey[] }[];
  reconcile(key: ControllerKey, ctx: ControllerContext): void;
}

function attempt<T>(fn: () => T): T | ApiError {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
}

/**
 * Runs controllers: store changes enqueue keys, a microtask-batched loop reconciles them, one
 * key at a time, so a controller's own writes never re-enter it mid-reconcile.
 */
export class ControllerRuntime {
  private readonly queue = new Map<string, { controller: Controller; key: ControllerKey }>();
  private scheduled = false;
  private readonly cancels: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];
  readonly ctx: ControllerContext;

  constructor(
    api: ApiContext,
    clock: EmulatorClock,
    private readonly controllers: Controller[],
  ) {
    // Controllers write as a client would, but never as a dry run.
    const write = (kind: KindDescriptor, object: KubeObject, subresource: 'status' | undefined) =>
      updateObject(
        api,
        kind,
        object.metadata.namespace,
        object.metadata.name,
        object,
        subresource,
        false,
      ).object;
    this.ctx = {
      api,
      clock,
      kind: (group, version, plural) => {
        const k = findKindByResource(group, version, plural);
        if (!k) throw new Error(`unknown kind ${group}/${version}/${plural}`);
        return k;
      },
      get: (kind, namespace, name) =>
        api.store.get(kind.storageKey, kind.namespaced ? (namespace ?? '') : '', name),
      list: (kind, namespace) =>
        api.store.list(kind.storageKey, kind.namespaced ? namespace : undefined),
      create: (kind, namespace, object) =>
        attempt(() => createObject(api, kind, namespace, object, false).object),
      update: (kind, object) => attempt(() => write(kind, object, undefined)),
      updateStatus: (kind, object) => attempt(() => write(kind, object, 'status')),
      remove: (kind, namespace, name, gracePeriodSeconds) => {
        attempt(() => removeObject(api, kind, namespace, name, { gracePeriodSeconds }));
      },
      event: (input) => recordEvent(api, input),
    };
  }

  start(): void {
    for (const controller of this.controllers) {
      for (const watch of controller.watches) {
        const w = this.ctx.api.store.watch(
          {
            storageKey: watch.kind.storageKey,
            namespace: undefined,
            matches: () => true,
            send: (_type, _json, obj) => {
              for (const key of watch.keysFor(obj)) this.enqueue(controller, key);
            },
          },
          undefined,
        );
        if (w !== 'gone') this.cancels.push(w.cancel);
        // Existing objects (after a restart with a data dir) are reconciled once.
        for (const obj of this.ctx.list(watch.kind))
          for (const key of watch.keysFor(obj)) this.enqueue(controller, key);
      }
    }
  }

  enqueue(controller: Controller, key: ControllerKey): void {
    this.queue.set(`${controller.name}\u0000${key}`, { controller, key });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  /** Resolves once no reconcile is pending (tests await it after each step). */
  idle(): Promise<void> {
    if (!this.scheduled && this.queue.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    for (const c of this.cancels) c();
    this.queue.clear();
  }

  private drain(): void {
    // Bounded passes: a controller that keeps re-enqueueing itself cannot starve the server.
    for (let pass = 0; pass < 1000 && this.queue.size > 0; pass++) {
      const [id, item] = this.queue.entries().next().value as [
        string,
        { controller: Controller; key: ControllerKey },
      ];
      this.queue.delete(id);
      try {
        item.controller.reconcile(item.key, this.ctx);
      } catch (e) {
        console.error(
          `controller ${item.controller.name} failed on ${item.key}: ${(e as Error).message}`,
        );
      }
    }
    this.scheduled = false;
    if (this.queue.size > 0) {
      this.scheduled = true;
      setImmediate(() => this.drain());
      return;
    }
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}

/** `namespace/name` keys for namespaced objects, `name` for cluster-scoped ones. */
export function objectKey(obj: KubeObject): ControllerKey {
  return obj.metadata.namespace
    ? `${obj.metadata.namespace}/${obj.metadata.name}`
    : obj.metadata.name;
}

export function splitKey(key: ControllerKey): { namespace: string | undefined; name: string } {
  const i = key.indexOf('/');
  return i < 0
    ? { namespace: undefined, name: key }
    : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** The watches of a controller of `owner` objects: each one, and the children it controls. */
export function ownerAndChildWatches(
  owner: KindDescriptor,
  child: KindDescriptor,
): Controller['watches'] {
  return [
    { kind: owner, keysFor: (obj) => [objectKey(obj)] },
    { kind: child, keysFor: (obj) => ownerKey(obj, owner.kind) },
  ];
}

/** The key of an object's controlling owner of the given kind, if any. */
export function ownerKey(obj: KubeObject, ownerKind: string): ControllerKey[] {
  const ref = (obj.metadata.ownerReferences ?? []).find(
    (r) => r.controller && r.kind === ownerKind,
  );
  return ref ? [obj.metadata.namespace ? `${obj.metadata.namespace}/${ref.name}` : ref.name] : [];
}
