// The emulated kubelet's timeline for one pod, counted from the moment it was scheduled:
//   +0s      Scheduled (default-scheduler): bound to the virtual node, IP from the Network (N7)
//   +1s      Pulling the first container's image; pulls take 2s, then Pulled/Created/Started
//   init containers run one after another (P7): the next pull starts when the previous one exited
//            (Completed) after its run time (`sleep N`, ...; INIT_DEFAULT_RUN_MS when unknown)
//   then all app containers pull together and start 2s later: phase Running
//   readiness per readiness.ts, initialDelaySeconds after start
//   a finite run (containerRuns.ts, or the pod annotation emulator.cci.io/run-seconds) ends with
//            the container's exit code (containerExitCode); under restartPolicy Always, or
//            OnFailure with a non-zero code, the container restarts (containerRestarts.ts), else
//            the pod ends when all app containers exited: Succeeded, or Failed on a non-zero code.
import {
  instancesUntil,
  nextRestartMoment,
  restartEvents,
  restartsOnExit,
  type ContainerRun,
  type PlannedEvent,
} from './containerRestarts.ts';
import { containerExitCode, containerRunDuration, type ContainerSpec } from './containerRuns.ts';
import { readinessOf } from './readiness.ts';

export const SCHEDULED_TO_PULL_MS = 1000;
export const IMAGE_PULL_MS = 2000;
/** An init container that waits for something (a loop) is assumed to see it after 2s. */
export const INIT_DEFAULT_RUN_MS = 2000;

export interface ContainerPlan {
  spec: ContainerSpec;
  init: boolean;
  pullAtMs: number;
  startAtMs: number;
  /** Init containers always exit; app containers only when the pod runs to completion. */
  exitAtMs: number | undefined;
  exitCode: number;
  /** Set when the container exits and is restarted, again and again (exitAtMs is undefined). */
  run: ContainerRun | undefined;
  /** Undefined: never ready (failing readiness probe). */
  readyAtMs: number | undefined;
  probedAtMs: number;
  readinessFailure: string | undefined;
}

export interface PodPlan {
  init: ContainerPlan[];
  app: ContainerPlan[];
  initializedAtMs: number;
  runningAtMs: number;
  succeededAtMs: number | undefined;
  /** The pod ends Failed (an app container exited non-zero under restartPolicy Never). */
  failed: boolean;
}

export type { PlannedEvent } from './containerRestarts.ts';

function podSpec(pod: object): {
  initContainers?: ContainerSpec[];
  containers?: ContainerSpec[];
  restartPolicy?: string;
} {
  return ((pod as { spec?: unknown }).spec ?? {}) as ReturnType<typeof podSpec>;
}

/** Pod annotation (shared with the Job controller) fixing how long app containers run, in s. */
export const RUN_SECONDS_ANNOTATION = 'emulator.cci.io/run-seconds';

const EXIT_CODE_ANNOTATION = 'emulator.cci.io/exit-code';

function annotation(pod: object, key: string): string | undefined {
  return (pod as { metadata?: { annotations?: Record<string, string> } }).metadata?.annotations?.[
    key
  ];
}

function annotatedRunMs(pod: object): number | undefined {
  const value = annotation(pod, RUN_SECONDS_ANNOTATION);
  const seconds = value === undefined ? NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** The pod controller's latest exec probe result of one container (times relative to scheduling). */
export interface ExecProbeState {
  failure: string | undefined;
  /** When the result last changed (or the first probe ran). */
  sinceMs: number;
  /** The first probe's failure: the planned Unhealthy event. */
  firstFailure: string | undefined;
}

/**
 * The plan; with `execStates` (the pod controller's live probing) an exec probe's readiness is
 * the latest probe's result, and a container not probed yet is not ready.
 */
export function podPlan(
  pod: object,
  podIp: string,
  execStates?: ReadonlyMap<string, ExecProbeState>,
): PodPlan {
  const spec = podSpec(pod);
  const annotated = annotatedRunMs(pod);
  let t = SCHEDULED_TO_PULL_MS;
  const init: ContainerPlan[] = [];
  for (const c of spec.initContainers ?? []) {
    const startAtMs = t + IMAGE_PULL_MS;
    const exitAtMs = startAtMs + (containerRunDuration(c) ?? INIT_DEFAULT_RUN_MS);
    init.push({
      spec: c,
      init: true,
      pullAtMs: t,
      startAtMs,
      exitAtMs,
      exitCode: 0,
      run: undefined,
      readyAtMs: undefined,
      probedAtMs: startAtMs,
      readinessFailure: undefined,
    });
    t = exitAtMs;
  }
  const appContainers = spec.containers ?? [];
  const durations = appContainers.map((c) => annotated ?? containerRunDuration(c));
  const exitCodes = appContainers.map((c) =>
    containerExitCode(c, annotation(pod, EXIT_CODE_ANNOTATION)),
  );
  const restarting = appContainers.map(
    (_, i) =>
      durations[i] !== undefined && restartsOnExit(spec.restartPolicy, exitCodes[i] as number),
  );
  const finishes =
    appContainers.length > 0 &&
    durations.every((d) => d !== undefined) &&
    !restarting.some(Boolean);
  const startAtMs = t + IMAGE_PULL_MS;
  const app = appContainers.map((c, i): ContainerPlan => {
    const live = execStates && c.readinessProbe?.exec ? execStates.get(c.name) : undefined;
    const readiness =
      execStates && c.readinessProbe?.exec
        ? {
            ready: live !== undefined && live.failure === undefined,
            delayMs: Math.max(0, c.readinessProbe.initialDelaySeconds ?? 0) * 1000,
            failure: live?.firstFailure,
          }
        : readinessOf(c, podIp);
    const probedAtMs = startAtMs + readiness.delayMs;
    return {
      spec: c,
      init: false,
      pullAtMs: t,
      startAtMs,
      exitAtMs: finishes ? startAtMs + (durations[i] ?? 0) : undefined,
      exitCode: exitCodes[i] ?? 0,
      run: restarting[i]
        ? { runMs: durations[i] ?? 0, exitCode: exitCodes[i] ?? 0, restarts: true }
        : undefined,
      readyAtMs: readiness.ready ? Math.max(probedAtMs, live?.sinceMs ?? 0) : undefined,
      probedAtMs,
      readinessFailure: readiness.failure,
    };
  });
  return {
    init,
    app,
    initializedAtMs: init.length > 0 ? t : 0,
    runningAtMs: startAtMs,
    succeededAtMs: finishes ? Math.max(...app.map((c) => c.exitAtMs ?? 0)) : undefined,
    failed: finishes && app.some((c) => c.exitCode !== 0),
  };
}

/** Kubelet events of the plan up to `untilMs` (restarts go on forever), in time order. */
export function plannedEvents(plan: PodPlan, untilMs: number): PlannedEvent[] {
  const events: PlannedEvent[] = [];
  for (const c of [...plan.init, ...plan.app]) {
    const image = c.spec.image ?? '';
    const pulledIn = `${(c.startAtMs - c.pullAtMs) / 1000}s`;
    events.push(
      { atMs: c.pullAtMs, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"` },
      {
        atMs: c.startAtMs,
        type: 'Normal',
        reason: 'Pulled',
        message: `Successfully pulled image "${image}" in ${pulledIn}`,
      },
      {
        atMs: c.startAtMs,
        type: 'Normal',
        reason: 'Created',
        message: `Created container ${c.spec.name}`,
      },
      {
        atMs: c.startAtMs,
        type: 'Normal',
        reason: 'Started',
        message: `Started container ${c.spec.name}`,
      },
    );
    if (
      c.readinessFailure !== undefined &&
      (c.exitAtMs === undefined || c.probedAtMs < c.exitAtMs)
    ) {
      events.push({
        atMs: c.probedAtMs,
        type: 'Warning',
        reason: 'Unhealthy',
        message: `Readiness probe failed: ${c.readinessFailure}`,
      });
    }
  }
  for (const c of plan.app) {
    if (c.run) events.push(...restartEvents(c.spec, c.startAtMs, c.run, untilMs));
  }
  // Stable sort: same-time events keep the container order (init first, then app by position).
  return events.sort((a, b) => a.atMs - b.atMs);
}

/** The next moment after `afterMs` at which the pod's status or events change. */
export function nextPlanMoment(plan: PodPlan, afterMs: number): number | undefined {
  let next = planMoments(plan).find((m) => m > afterMs) ?? Infinity;
  for (const c of plan.app) {
    if (!c.run || afterMs < c.startAtMs) continue;
    next = Math.min(next, nextRestartMoment(c.startAtMs, c.run, afterMs) ?? Infinity);
    const readyIn = c.readyAtMs === undefined ? undefined : c.readyAtMs - c.startAtMs;
    const [current] = instancesUntil(c.startAtMs, c.run, afterMs).slice(-1);
    const readyAt = readyIn === undefined || !current ? undefined : current.startAtMs + readyIn;
    if (readyAt !== undefined && readyAt > afterMs) next = Math.min(next, readyAt);
  }
  return Number.isFinite(next) ? next : undefined;
}

/** Every moment of the first run at which the pod's status or events change. */
export function planMoments(plan: PodPlan): number[] {
  const moments = new Set<number>([0, plan.initializedAtMs, plan.runningAtMs]);
  for (const c of [...plan.init, ...plan.app]) {
    for (const m of [c.pullAtMs, c.startAtMs, c.exitAtMs, c.readyAtMs, c.probedAtMs])
      if (m !== undefined) moments.add(m);
  }
  if (plan.succeededAtMs !== undefined) moments.add(plan.succeededAtMs);
  return [...moments].sort((a, b) => a - b);
}
