// The ReplicaSet controller (rule D2): keeps spec.replicas active pods matching the selector,
// named `<rs-name>-<5 chars>`, replacing deleted ones; surplus pods go in deletionOrder.
import { findKindByResource, type KindDescriptor } from '@cci/model';
import { timestamp } from '../api/metadata.ts';
import { ApiError } from '../http/errors.ts';
import type { KubeObject } from '../store/types.ts';
import { canonicalJson } from './podTemplateHash.ts';
import { isPodReady } from './podStatus.ts';
import {
  ownerAndChildWatches,
  splitKey,
  type Controller,
  type ControllerContext,
} from './runtime.ts';
import {
  controllerRef,
  deletionOrder,
  isActive,
  isAvailable,
  isControlledBy,
  nextAvailabilityMs,
  scheduleStep,
  selectorOf,
  selects,
} from './workloadPods.ts';

export const REPLICASET_CONTROLLER = 'replicaset-controller';
/** After a refused pod creation (quota, admission), the next attempt comes this much later. */
export const CREATE_RETRY_MS = 10_000;

interface RsSpec {
  replicas?: number;
  minReadySeconds?: number;
  template?: {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: unknown;
  };
}

function podFromTemplate(rs: KubeObject, spec: RsSpec): KubeObject {
  const meta = spec.template?.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName: `${rs.metadata.name}-`,
      labels: { ...(meta.labels ?? {}) },
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ownerReferences: [controllerRef(rs, 'apps/v1', 'ReplicaSet')],
    },
    spec: structuredClone(spec.template?.spec ?? {}),
  };
}

function withoutOwner(pod: KubeObject, ownerUid: string | undefined): KubeObject {
  const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  const { ownerReferences: _old, ...metadata } = pod.metadata;
  return { ...pod, metadata: refs.length > 0 ? { ...metadata, ownerReferences: refs } : metadata };
}

export function createReplicaSetController(): Controller {
  const podKind = findKindByResource('', 'v1', 'pods') as KindDescriptor;
  const rsKind = findKindByResource('apps', 'v1', 'replicasets') as KindDescriptor;
  const timers = new Map<string, { atMs: number; cancel: () => void }>();
  const lastFailure = new Map<string, string>();

  function wakeAt(key: string, atMs: number, ctx: ControllerContext): void {
    const pending = timers.get(key);
    if (pending && pending.atMs <= atMs) return;
    pending?.cancel();
    const cancel = scheduleStep(ctx, atMs, `replicaset-controller step of ${key}`, () => {
      timers.delete(key);
      controller.reconcile(key, ctx);
    });
    timers.set(key, { atMs, cancel });
  }

  function createPods(
    key: string,
    rs: KubeObject,
    spec: RsSpec,
    count: number,
    ctx: ControllerContext,
  ): string | undefined {
    for (let i = 0; i < count; i++) {
      const created = ctx.create(podKind, rs.metadata.namespace, podFromTemplate(rs, spec));
      if (created instanceof ApiError) {
        const message = `Error creating: ${created.message}`;
        if (lastFailure.get(key) !== message) {
          ctx.event({
            involved: rs,
            type: 'Warning',
            reason: 'FailedCreate',
            message,
            source: REPLICASET_CONTROLLER,
          });
        }
        lastFailure.set(key, message);
        wakeAt(key, ctx.clock.now().getTime() + CREATE_RETRY_MS, ctx);
        return message;
      }
      lastFailure.delete(key);
      ctx.event({
        involved: rs,
        type: 'Normal',
        reason: 'SuccessfulCreate',
        message: `Created pod: ${created.metadata.name}`,
        source: REPLICASET_CONTROLLER,
      });
    }
    return undefined;
  }

  function writeStatus(
    key: string,
    rs: KubeObject,
    spec: RsSpec,
    failure: string | undefined,
    ctx: ControllerContext,
  ): void {
    const selector = selectorOf(rs);
    const now = ctx.clock.now().getTime();
    const minReady = spec.minReadySeconds ?? 0;
    const pods = ctx
      .list(podKind, rs.metadata.namespace)
      .filter(
        (p) =>
          isControlledBy(p, rs) && selector !== undefined && selects(selector, p) && isActive(p),
      );
    const templateLabels = Object.entries(spec.template?.metadata?.labels ?? {});
    const ready = pods.filter(isPodReady);
    const counts = {
      fullyLabeledReplicas: pods.filter((p) =>
        templateLabels.every(([k, v]) => p.metadata.labels?.[k] === v),
      ).length,
      readyReplicas: ready.length,
      availableReplicas: pods.filter((p) => isAvailable(p, minReady, now)).length,
    };
    const current = (rs['status'] ?? {}) as { conditions?: { type: string }[] };
    const status: Record<string, unknown> = {
      replicas: pods.length,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    // Zero counts are left out, as the API server's omitempty does.
    for (const [k, v] of Object.entries(counts)) if (v > 0) status[k] = v;
    if (failure) {
      const known = current.conditions?.find((c) => c.type === 'ReplicaFailure') as
        { lastTransitionTime?: string } | undefined;
      status['conditions'] = [
        {
          type: 'ReplicaFailure',
          status: 'True',
          reason: 'FailedCreate',
          message: failure,
          lastTransitionTime: known?.lastTransitionTime ?? timestamp(new Date(now)),
        },
      ];
    }
    if (canonicalJson(status) !== canonicalJson(current))
      ctx.updateStatus(rsKind, { ...rs, status });
    const next = nextAvailabilityMs(ready, minReady, now);
    if (next !== undefined) wakeAt(key, next, ctx);
  }

  const controller: Controller = {
    name: REPLICASET_CONTROLLER,
    watches: ownerAndChildWatches(rsKind, podKind),
    reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const rs = ctx.get(rsKind, namespace, name);
      if (!rs) {
        timers.get(key)?.cancel();
        timers.delete(key);
        lastFailure.delete(key);
        return;
      }
      const selector = selectorOf(rs);
      if (rs.metadata.deletionTimestamp || !selector) return;
      const spec = (rs['spec'] ?? {}) as RsSpec;
      const owned = ctx.list(podKind, namespace).filter((p) => isControlledBy(p, rs));
      // A pod relabelled out of the selector is released (and replaced), as Kubernetes does.
      for (const pod of owned.filter((p) => !selects(selector, p)))
        ctx.update(podKind, withoutOwner(pod, rs.metadata.uid));
      const active = owned.filter((p) => selects(selector, p) && isActive(p));
      const diff = (spec.replicas ?? 1) - active.length;
      let failure: string | undefined;
      if (diff > 0) failure = createPods(key, rs, spec, diff, ctx);
      for (const pod of deletionOrder(active).slice(0, Math.max(0, -diff))) {
        ctx.remove(podKind, namespace, pod.metadata.name);
        ctx.event({
          involved: rs,
          type: 'Normal',
          reason: 'SuccessfulDelete',
          message: `Deleted pod: ${pod.metadata.name}`,
          source: REPLICASET_CONTROLLER,
        });
      }
      writeStatus(key, ctx.get(rsKind, namespace, name) ?? rs, spec, failure, ctx);
    },
  };
  return controller;
}
