// Pod facts shared by the ReplicaSet and Deployment controllers: selectors, ownership, activity,
// readiness/availability (minReadySeconds) and the order in which surplus pods are deleted.
import {
  labelSelectorFromObject,
  matchesLabels,
  type LabelSelector,
  type LabelSelectorObject,
} from '@cci/model';
import type { KubeObject, OwnerReference } from '../store/types.ts';
import { podReadySince } from './podStatus.ts';
import type { ControllerContext } from './runtime.ts';

export function selectorOf(obj: KubeObject): LabelSelector | undefined {
  const selector = (obj['spec'] as { selector?: LabelSelectorObject } | undefined)?.selector;
  if (!selector) return undefined;
  const parsed = labelSelectorFromObject(selector);
  // An empty selector would select everything: Kubernetes refuses it for workloads, so do we.
  return parsed.ok && parsed.selector.requirements.length > 0 ? parsed.selector : undefined;
}

export function selects(selector: LabelSelector, obj: KubeObject): boolean {
  return matchesLabels(selector, obj.metadata.labels ?? {});
}

export function controllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return {
    apiVersion,
    kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some(
    (r) => r.controller === true && r.uid === owner.metadata.uid,
  );
}

function phaseOf(pod: KubeObject): string {
  return (pod['status'] as { phase?: string } | undefined)?.phase ?? 'Pending';
}

/** Counted as a replica: not terminating and not finished. */
export function isActive(pod: KubeObject): boolean {
  const phase = phaseOf(pod);
  return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** Ready for at least minReadySeconds (the definition of an available replica). */
export function isAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  const since = podReadySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 <= nowMs;
}

/** When the first ready-but-not-yet-available pod becomes available, if any. */
export function nextAvailabilityMs(
  pods: KubeObject[],
  minReadySeconds: number,
  nowMs: number,
): number | undefined {
  const times = pods
    .map(podReadySince)
    .filter((t): t is number => t !== undefined)
    .map((t) => t + minReadySeconds * 1000)
    .filter((t) => t > nowMs);
  return times.length > 0 ? Math.min(...times) : undefined;
}

function deletionRank(pod: KubeObject): number[] {
  const spec = (pod['spec'] ?? {}) as { nodeName?: string };
  const phaseRank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const restarts = (
    (pod['status'] as { containerStatuses?: { restartCount?: number }[] } | undefined)
      ?.containerStatuses ?? []
  ).reduce((sum, c) => sum + (c.restartCount ?? 0), 0);
  const created = Date.parse(pod.metadata.creationTimestamp ?? '') || 0;
  return [
    spec.nodeName ? 1 : 0,
    phaseRank[phaseOf(pod)] ?? 2,
    podReadySince(pod) === undefined ? 0 : 1,
    -restarts,
    -created,
  ];
}

/**
 * Pods in the order a ReplicaSet deletes its surplus: unscheduled, then pending, then not ready,
 * then the most restarted, then the newest first.
 */
export function deletionOrder(pods: KubeObject[]): KubeObject[] {
  return [...pods].sort((a, b) => {
    const ra = deletionRank(a);
    const rb = deletionRank(b);
    for (let i = 0; i < ra.length; i++) {
      const d = (ra[i] ?? 0) - (rb[i] ?? 0);
      if (d !== 0) return d;
    }
    return a.metadata.name < b.metadata.name ? 1 : -1;
  });
}

/**
 * A controller step on the emulator clock. It runs outside the controller runtime's loop, so a
 * failure is logged here as the runtime would, instead of breaking the clock's other timers.
 */
export function scheduleStep(
  ctx: ControllerContext,
  atMs: number,
  what: string,
  fn: () => void,
): () => void {
  return ctx.clock.schedule(atMs - ctx.clock.now().getTime(), () => {
    try {
      fn();
    } catch (e) {
      console.error(`${what} failed: ${(e as Error).message}`);
    }
  });
}
