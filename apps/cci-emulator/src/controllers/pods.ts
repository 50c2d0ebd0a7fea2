// The pod lifecycle CCI runs behind its virtual kubelet: scheduling (podScheduling.ts), then the
// kubelet's timeline (podPlan.ts: pulls, init containers one by one (P7), Running, readiness,
// completion) written as status and events on the emulator clock, and graceful termination (P11):
// a pod marked for deletion (podDeletion.ts) gets `Killing` events and is removed when its grace
// period is over.
import { findKindByResource, type KindDescriptor } from '@cci/model';
import type { KubeObject } from '../store/types.ts';
import { ContainerRegistry } from '../exec/containerRegistry.ts';
import { runDueExecProbes, type ExecProbing } from './execProbing.ts';
import { nextPlanMoment, plannedEvents, podPlan } from './podPlan.ts';
import { schedulePod, VIRTUAL_NODE_NAME } from './podScheduling.ts';
import { podStatusAt } from './podStatus.ts';
import { canonicalJson } from './podTemplateHash.ts';
import { objectKey, splitKey, type Controller, type ControllerContext } from './runtime.ts';
import { scheduleStep } from './workloadPods.ts';

export const KUBELET = 'kubelet';
const networkKeyPrefix = '@network:';

export interface PodControllerOptions {
  /** The virtual node pods are bound to (spec.nodeName). */
  nodeName?: string;
  /** The containers' filesystems exec probes read (the ones `kubectl exec` writes). */
  containers?: ContainerRegistry;
}

/** What the kubelet remembers of a pod between steps (lost on restart, rebuilt from status). */
interface Tracked extends ExecProbing {
  uid: string;
  scheduledAtMs: number;
  /** Plan events up to this moment (relative to scheduling) have been recorded. */
  emittedThroughMs: number;
  nextAtMs?: number | undefined;
  cancelNext?: (() => void) | undefined;
  removeAtMs?: number;
  cancelRemove?: () => void;
}

interface PodStatusParts {
  phase?: string;
  podIP?: string;
  startTime?: string;
  conditions?: { type?: string; status?: string; lastTransitionTime?: string }[];
  containerStatuses?: { name: string; state?: { running?: unknown } }[];
  initContainerStatuses?: { name: string; state?: { running?: unknown } }[];
}

function newTracked(pod: KubeObject, scheduledAtMs: number, emittedThroughMs: number): Tracked {
  const uid = pod.metadata.uid ?? '';
  return { uid, scheduledAtMs, emittedThroughMs, probes: new Map(), probeDueMs: new Map() };
}

function statusOf(pod: KubeObject): PodStatusParts {
  return (pod['status'] ?? {}) as PodStatusParts;
}

/** When a pod found without memory (emulator restart) was scheduled, from its status. */
function scheduledAtFromStatus(status: PodStatusParts, fallback: number): number {
  const scheduled = status.conditions?.find(
    (c) => c.type === 'PodScheduled' && c.status === 'True',
  );
  const t = Date.parse(scheduled?.lastTransitionTime ?? status.startTime ?? '');
  return Number.isNaN(t) ? fallback : t;
}

function hookText(
  hook: { exec?: { command?: string[] }; httpGet?: unknown } | undefined,
): string | undefined {
  if (!hook) return undefined;
  if (hook.exec) return `exec [${(hook.exec.command ?? []).join(' ')}]`;
  return 'http-get';
}

export function createPodController(options: PodControllerOptions = {}): Controller {
  const nodeName = options.nodeName ?? VIRTUAL_NODE_NAME;
  const podKind = findKindByResource('', 'v1', 'pods') as KindDescriptor;
  const networkKind = findKindByResource(
    'networking.cci.io',
    'v1beta1',
    'networks',
  ) as KindDescriptor;
  const tracked = new Map<string, Tracked>();
  let containers = options.containers;

  function forget(key: string): void {
    const t = tracked.get(key);
    t?.cancelNext?.();
    t?.cancelRemove?.();
    tracked.delete(key);
  }

  function progress(
    key: string,
    pod: KubeObject,
    ip: string,
    t: Tracked,
    ctx: ControllerContext,
  ): void {
    const elapsed = ctx.clock.now().getTime() - t.scheduledAtMs;
    containers ??= new ContainerRegistry(ctx.api.store, () => ctx.clock.nowMs());
    runDueExecProbes({ pod, ip, state: t, elapsedMs: elapsed, ctx, containers });
    const plan = podPlan(pod, ip, t.probes);
    for (const e of plannedEvents(plan, elapsed)) {
      if (e.atMs > t.emittedThroughMs && e.atMs <= elapsed) {
        ctx.event({
          involved: pod,
          type: e.type,
          reason: e.reason,
          message: e.message,
          source: KUBELET,
        });
      }
    }
    t.emittedThroughMs = Math.max(t.emittedThroughMs, elapsed);
    const current = (pod['status'] ?? {}) as Record<string, unknown>;
    const next = {
      ...current,
      ...podStatusAt(pod, plan, {
        scheduledAtMs: t.scheduledAtMs,
        elapsedMs: elapsed,
        podIp: ip,
        uid: pod.metadata.uid ?? '',
        podName: pod.metadata.name,
        namespace: pod.metadata.namespace ?? '',
      }),
    };
    if (canonicalJson(next) !== canonicalJson(current))
      ctx.updateStatus(podKind, { ...pod, status: next });
    const nextProbe = Math.min(...[...t.probeDueMs.values()].filter((m) => m > elapsed));
    const nextPlanned = nextPlanMoment(plan, elapsed) ?? Infinity;
    const soonest = Math.min(nextPlanned, nextProbe);
    const nextAt = Number.isFinite(soonest) ? soonest : undefined;
    if (nextAt === t.nextAtMs) return;
    t.cancelNext?.();
    t.nextAtMs = nextAt;
    t.cancelNext =
      nextAt === undefined
        ? undefined
        : scheduleStep(ctx, t.scheduledAtMs + nextAt, `kubelet step of ${key}`, () => {
            t.nextAtMs = undefined;
            t.cancelNext = undefined;
            reconcilePod(key, ctx);
          });
  }

  function terminate(
    key: string,
    pod: KubeObject,
    known: Tracked | undefined,
    ctx: ControllerContext,
  ): void {
    const now = ctx.clock.now().getTime();
    const t = known ?? newTracked(pod, now, Infinity);
    tracked.set(key, t);
    t.cancelNext?.();
    t.cancelNext = undefined;
    t.nextAtMs = undefined;
    const grace = pod.metadata.deletionGracePeriodSeconds ?? 0;
    let due = now + grace * 1000;
    if (t.removeAtMs === undefined) {
      // After a restart past the deadline the pod goes at once.
      if (Date.parse(pod.metadata.deletionTimestamp ?? '') + 1000 <= now) due = now;
      const status = statusOf(pod);
      const specs =
        (
          (pod['spec'] ?? {}) as {
            containers?: {
              name: string;
              lifecycle?: { preStop?: Parameters<typeof hookText>[0] };
            }[];
          }
        ).containers ?? [];
      for (const cs of [
        ...(status.initContainerStatuses ?? []),
        ...(status.containerStatuses ?? []),
      ]) {
        if (!cs.state?.running) continue;
        const preStop = hookText(specs.find((c) => c.name === cs.name)?.lifecycle?.preStop);
        const message = preStop
          ? `Stopping container ${cs.name}: running its preStop hook (${preStop}), then SIGTERM; SIGKILL after ${grace}s`
          : `Stopping container ${cs.name}`;
        ctx.event({ involved: pod, type: 'Normal', reason: 'Killing', message, source: KUBELET });
      }
    } else if (due >= t.removeAtMs) {
      return; // a later delete can only shorten the grace period
    }
    t.cancelRemove?.();
    t.removeAtMs = due;
    const uid = pod.metadata.uid;
    t.cancelRemove = scheduleStep(ctx, due, `kubelet removal of ${key}`, () => {
      const live = ctx.get(podKind, pod.metadata.namespace, pod.metadata.name);
      if (live && live.metadata.uid === uid && live.metadata.deletionTimestamp) {
        ctx.remove(podKind, pod.metadata.namespace, pod.metadata.name, 0);
      }
    });
  }

  function reconcilePod(key: string, ctx: ControllerContext): void {
    const { namespace, name } = splitKey(key);
    const pod = ctx.get(podKind, namespace, name);
    let t = tracked.get(key);
    if (t && t.uid !== pod?.metadata.uid) {
      forget(key);
      t = undefined;
    }
    if (!pod) return;
    if (pod.metadata.deletionTimestamp) return terminate(key, pod, t, ctx);
    const status = statusOf(pod);
    // A finished pod stays as it is (a Job controller may also have failed it).
    if (status.phase === 'Succeeded' || status.phase === 'Failed') return;
    const bound = (pod['spec'] as { nodeName?: string } | undefined)?.nodeName;
    if (!bound || !status.podIP) {
      const scheduled = schedulePod(ctx, podKind, pod, nodeName);
      if (!scheduled) return;
      t = newTracked(pod, ctx.clock.now().getTime(), 0);
      tracked.set(key, t);
      return progress(key, scheduled.pod, scheduled.ip, t, ctx);
    }
    if (!t) {
      const now = ctx.clock.now().getTime();
      const scheduledAtMs = scheduledAtFromStatus(status, now);
      t = newTracked(pod, scheduledAtMs, now - scheduledAtMs);
      tracked.set(key, t);
    }
    progress(key, pod, status.podIP, t, ctx);
  }

  return {
    name: KUBELET,
    watches: [
      { kind: podKind, keysFor: (pod) => [objectKey(pod)] },
      // A new Network lets the pods waiting in its namespace be scheduled (N4 → N7).
      { kind: networkKind, keysFor: (n) => [`${networkKeyPrefix}${n.metadata.namespace ?? ''}`] },
    ],
    reconcile(key, ctx) {
      if (!key.startsWith(networkKeyPrefix)) return reconcilePod(key, ctx);
      const namespace = key.slice(networkKeyPrefix.length);
      for (const pod of ctx.list(podKind, namespace)) {
        if (!(pod['spec'] as { nodeName?: string } | undefined)?.nodeName)
          reconcilePod(objectKey(pod), ctx);
      }
    },
  };
}
