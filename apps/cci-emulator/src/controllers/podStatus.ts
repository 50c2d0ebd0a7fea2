// Pod status as the emulated kubelet reports it at a moment of the pod's plan (podPlan.ts).
import { createHash } from 'node:crypto';
import { timestamp } from '../api/metadata.ts';
import type { KubeObject } from '../store/types.ts';
import type { ContainerSpec } from './containerRuns.ts';
import { instanceAt, restartBackoffLabel } from './containerRestarts.ts';
import type { ContainerPlan, PodPlan } from './podPlan.ts';

export { podRunDuration } from './containerRuns.ts';

type Json = Record<string, unknown>;

export interface StatusMoment {
  scheduledAtMs: number;
  elapsedMs: number;
  podIp: string;
  uid: string;
  podName: string;
  namespace: string;
}

function hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The repository an image reference resolves to, as containerd reports it in imageID. */
function imageRepository(image: string): string {
  const name = (image.split('@')[0] ?? '').replace(/:[^/:]+$/, '');
  const first = name.split('/')[0] ?? '';
  if (!name.includes('/')) return `docker.io/library/${name}`;
  if (!first.includes('.') && !first.includes(':') && first !== 'localhost')
    return `docker.io/${name}`;
  return name;
}

function conditionFor(
  type: string,
  ok: boolean,
  sinceMs: number,
  falseReason?: string,
  message?: string,
): Json {
  return {
    type,
    status: ok ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: timestamp(new Date(sinceMs)),
    ...(!ok && falseReason ? { reason: falseReason } : {}),
    ...(!ok && message ? { message } : {}),
  };
}

function containerStatus(c: ContainerPlan, m: StatusMoment, waitingReason: string): Json {
  const at = (ms: number) => timestamp(new Date(m.scheduledAtMs + ms));
  const image = c.spec.image ?? '';
  const base = { name: c.spec.name, image, restartCount: 0 };
  if (m.elapsedMs < c.startAtMs) {
    return {
      ...base,
      state: { waiting: { reason: waitingReason } },
      lastState: {},
      ready: false,
      imageID: '',
      started: false,
    };
  }
  const running = {
    ...base,
    lastState: {},
    imageID: `${imageRepository(image)}@sha256:${hex(image)}`,
    containerID: `containerd://${hex(`${m.uid}/${c.spec.name}`)}`,
  };
  if (c.run) return restartingStatus(c, m, running);
  if (c.exitAtMs !== undefined && m.elapsedMs >= c.exitAtMs) {
    const terminated = {
      exitCode: c.exitCode,
      reason: c.exitCode === 0 ? 'Completed' : 'Error',
      startedAt: at(c.startAtMs),
      finishedAt: at(c.exitAtMs),
      containerID: running.containerID,
    };
    // A completed init container counts as ready, as the kubelet reports it.
    return { ...running, state: { terminated }, ready: c.init, started: false };
  }
  const ready = c.readyAtMs !== undefined && m.elapsedMs >= c.readyAtMs;
  return { ...running, state: { running: { startedAt: at(c.startAtMs) } }, ready, started: true };
}

/** A container the kubelet restarts: its current (or crashed) instance and the one before. */
function restartingStatus(c: ContainerPlan, m: StatusMoment, running: Json): Json {
  const at = (ms: number) => timestamp(new Date(m.scheduledAtMs + ms));
  const run = c.run as NonNullable<ContainerPlan['run']>;
  const { current, previous } = instanceAt(c.startAtMs, run, m.elapsedMs);
  const terminated = (i: { index: number; startAtMs: number; exitAtMs: number }) => ({
    terminated: {
      exitCode: run.exitCode,
      reason: run.exitCode === 0 ? 'Completed' : 'Error',
      startedAt: at(i.startAtMs),
      finishedAt: at(i.exitAtMs),
      containerID: `containerd://${hex(`${m.uid}/${c.spec.name}/${i.index}`)}`,
    },
  });
  if (m.elapsedMs >= current.exitAtMs) {
    // Crashed, waiting for the back-off: the kubelet counts the restart it is about to make.
    const backOff = restartBackoffLabel(current.index + 1);
    const podName = `${m.podName}_${m.namespace}(${m.uid})`;
    const message = `back-off ${backOff} restarting failed container=${c.spec.name} pod=${podName}`;
    return {
      ...running,
      restartCount: current.index + 1,
      state: { waiting: { reason: 'CrashLoopBackOff', message } },
      lastState: terminated(current),
      ready: false,
      started: false,
    };
  }
  const ready = readySinceMs(c, m.elapsedMs) !== undefined;
  return {
    ...running,
    restartCount: current.index,
    containerID: `containerd://${hex(`${m.uid}/${c.spec.name}/${current.index}`)}`,
    state: { running: { startedAt: at(current.startAtMs) } },
    lastState: previous ? terminated(previous) : {},
    ready,
    started: true,
  };
}

function quantityEqual(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a === b;
}

/** Guaranteed when every container's cpu and memory limits equal its requests (CCI's rule P1). */
export function qosClass(pod: KubeObject): string {
  const spec = (pod['spec'] ?? {}) as {
    containers?: ContainerSpec[];
    initContainers?: ContainerSpec[];
  };
  const all = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  const guaranteed =
    all.length > 0 &&
    all.every((c) =>
      ['cpu', 'memory'].every((r) =>
        quantityEqual(
          c.resources?.limits?.[r],
          c.resources?.requests?.[r] ?? c.resources?.limits?.[r],
        ),
      ),
    );
  if (guaranteed) return 'Guaranteed';
  const any = all.some(
    (c) => Object.keys({ ...c.resources?.limits, ...c.resources?.requests }).length > 0,
  );
  return any ? 'Burstable' : 'BestEffort';
}

/** Since when the container is ready at `e` (its current instance's, when it restarts). */
function readySinceMs(c: ContainerPlan, e: number): number | undefined {
  if (c.readyAtMs === undefined) return undefined;
  if (c.run) {
    if (e < c.startAtMs) return undefined;
    const { current } = instanceAt(c.startAtMs, c.run, e);
    const since = current.startAtMs + (c.readyAtMs - c.startAtMs);
    return e >= since && e < current.exitAtMs ? since : undefined;
  }
  return e >= c.readyAtMs && (c.exitAtMs === undefined || e < c.exitAtMs) ? c.readyAtMs : undefined;
}

/** The pod's status at `m.elapsedMs` after it was scheduled. */
export function podStatusAt(pod: KubeObject, plan: PodPlan, m: StatusMoment): Json {
  const e = m.elapsedMs;
  const abs = (ms: number) => m.scheduledAtMs + ms;
  const ended = plan.succeededAtMs !== undefined && e >= plan.succeededAtMs;
  const succeeded = ended && !plan.failed;
  const endPhase = plan.failed ? 'Failed' : 'Succeeded';
  const phase = ended ? endPhase : e >= plan.runningAtMs ? 'Running' : 'Pending';
  const initialized = e >= plan.initializedAtMs;
  const incomplete = plan.init
    .filter((c) => c.exitAtMs === undefined || e < c.exitAtMs)
    .map((c) => c.spec.name);
  const readyTimes = plan.app.map((c) => readySinceMs(c, e));
  const allReady = readyTimes.length > 0 && readyTimes.every((t) => t !== undefined);
  const unready = plan.app.filter((_, i) => readyTimes[i] === undefined).map((c) => c.spec.name);
  const readySince = allReady
    ? abs(Math.max(...(readyTimes as number[])))
    : succeeded
      ? abs(plan.succeededAtMs ?? 0)
      : m.scheduledAtMs;
  const [notReadyReason, notReadyMessage] = succeeded
    ? ['PodCompleted', undefined]
    : ['ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`];
  const ip = [{ ip: m.podIp }];
  const waiting = initialized ? 'ContainerCreating' : 'PodInitializing';
  return {
    phase,
    conditions: [
      conditionFor(
        'Initialized',
        initialized,
        initialized ? abs(plan.initializedAtMs) : m.scheduledAtMs,
        'ContainersNotInitialized',
        `containers with incomplete status: [${incomplete.join(' ')}]`,
      ),
      conditionFor('Ready', allReady, readySince, notReadyReason, notReadyMessage),
      conditionFor('ContainersReady', allReady, readySince, notReadyReason, notReadyMessage),
      conditionFor('PodScheduled', true, m.scheduledAtMs),
    ],
    // Each CCI pod is its own sandbox on the subnet: its host address is its own address.
    hostIP: m.podIp,
    hostIPs: ip,
    podIP: m.podIp,
    podIPs: ip,
    startTime: timestamp(new Date(m.scheduledAtMs)),
    ...(plan.init.length > 0
      ? { initContainerStatuses: plan.init.map((c) => containerStatus(c, m, 'PodInitializing')) }
      : {}),
    containerStatuses: plan.app.map((c) => containerStatus(c, m, waiting)),
    qosClass: qosClass(pod),
  };
}

/** Status of a pod the scheduler cannot place (no Network in the namespace: N4). */
export function unschedulableStatus(pod: KubeObject, message: string, sinceMs: number): Json {
  return {
    phase: 'Pending',
    conditions: [conditionFor('PodScheduled', false, sinceMs, 'Unschedulable', message)],
    qosClass: qosClass(pod),
  };
}

export function isPodReady(pod: KubeObject): boolean {
  const conditions =
    ((pod['status'] ?? {}) as { conditions?: { type?: string; status?: string }[] }).conditions ??
    [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** When the pod last became ready (ms), or undefined when it is not ready. */
export function podReadySince(pod: KubeObject): number | undefined {
  const conditions =
    (
      (pod['status'] ?? {}) as {
        conditions?: { type?: string; status?: string; lastTransitionTime?: string }[];
      }
    ).conditions ?? [];
  const ready = conditions.find((c) => c.type === 'Ready' && c.status === 'True');
  if (!ready) return undefined;
  const t = Date.parse(ready.lastTransitionTime ?? '');
  return Number.isNaN(t) ? 0 : t;
}
