// The kubelet's container restarts: an app container whose run ends (containerRuns.ts) under
// restartPolicy Always, or with a non-zero exit code under OnFailure, is started again after the
// crash back-off (10 s, doubling, at most 5 min). Instance k (0-based) of such a container is a
// pure function of the plan, so the pod controller can rebuild it after an emulator restart.
import { restartBackoffMs, type ContainerSpec } from './containerRuns.ts';

export interface ContainerRun {
  /** How long each instance runs before it exits. */
  runMs: number;
  exitCode: number;
  /** Whether the kubelet starts the container again when it exits. */
  restarts: boolean;
}

export interface PlannedEvent {
  atMs: number;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface ContainerInstance {
  /** 0 for the first run; also the restartCount while it runs. */
  index: number;
  startAtMs: number;
  exitAtMs: number;
}

/** The back-off before restart n as the kubelet words it: `10s`, `1m20s`, `5m0s`. */
export function restartBackoffLabel(restart: number): string {
  const seconds = restartBackoffMs(restart) / 1000;
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}

/** Whether a container with this restart policy and exit code is restarted when it exits. */
export function restartsOnExit(restartPolicy: string | undefined, exitCode: number): boolean {
  if (restartPolicy === 'Never') return false;
  if (restartPolicy === 'OnFailure') return exitCode !== 0;
  return true; // Always, the default
}

/**
 * The instances started at or before `atMs` (at least the first), the last one perhaps still
 * running. Past the back-off cap the instance is computed directly, not by walking every run.
 */
export function instancesUntil(
  firstStartMs: number,
  run: ContainerRun,
  atMs: number,
): ContainerInstance[] {
  const runMs = Math.max(1, run.runMs);
  const instances: ContainerInstance[] = [
    { index: 0, startAtMs: firstStartMs, exitAtMs: firstStartMs + runMs },
  ];
  if (!run.restarts) return instances;
  for (;;) {
    const last = instances[instances.length - 1] as ContainerInstance;
    const backoff = restartBackoffMs(last.index + 1);
    const nextStart = last.exitAtMs + backoff;
    if (nextStart > atMs) return instances;
    if (backoff === restartBackoffMs(last.index + 2)) {
      // Capped: every further cycle takes runMs + backoff; jump to the one holding atMs.
      const cycle = runMs + backoff;
      const skipped = Math.floor((atMs - nextStart) / cycle);
      const startAtMs = nextStart + skipped * cycle;
      instances.push({ index: last.index + 1 + skipped, startAtMs, exitAtMs: startAtMs + runMs });
      return instances;
    }
    instances.push({ index: last.index + 1, startAtMs: nextStart, exitAtMs: nextStart + runMs });
  }
}

/** The instance current at `atMs`, and the one before it (for lastState). */
export function instanceAt(
  firstStartMs: number,
  run: ContainerRun,
  atMs: number,
): { current: ContainerInstance; previous: ContainerInstance | undefined } {
  const all = instancesUntil(firstStartMs, run, atMs);
  const current = all[all.length - 1] as ContainerInstance;
  const before = all[all.length - 2];
  const previous =
    before && before.index === current.index - 1
      ? before
      : current.index > 0
        ? previousOf(current, run)
        : undefined;
  return { current, previous };
}

function previousOf(instance: ContainerInstance, run: ContainerRun): ContainerInstance {
  const exitAtMs = instance.startAtMs - restartBackoffMs(instance.index);
  const runMs = Math.max(1, run.runMs);
  return { index: instance.index - 1, startAtMs: exitAtMs - runMs, exitAtMs };
}

/** The next moment after `afterMs` at which the container exits or starts again. */
export function nextRestartMoment(
  firstStartMs: number,
  run: ContainerRun,
  afterMs: number,
): number | undefined {
  if (!run.restarts) return undefined;
  const { current } = instanceAt(firstStartMs, run, afterMs);
  if (current.exitAtMs > afterMs) return current.exitAtMs;
  return current.exitAtMs + restartBackoffMs(current.index + 1);
}

/** The kubelet events of a restarting container's runs up to `untilMs`: back-off, restart. */
export function restartEvents(
  spec: ContainerSpec,
  firstStartMs: number,
  run: ContainerRun,
  untilMs: number,
): PlannedEvent[] {
  const events: PlannedEvent[] = [];
  const name = spec.name;
  const normal = (atMs: number, reason: string, message: string): PlannedEvent => ({
    atMs,
    type: 'Normal',
    reason,
    message,
  });
  for (const instance of instancesUntil(firstStartMs, run, untilMs)) {
    if (instance.index > 0) {
      const present = `Container image "${spec.image ?? ''}" already present on machine`;
      events.push(
        normal(instance.startAtMs, 'Pulled', present),
        normal(instance.startAtMs, 'Created', `Created container ${name}`),
        normal(instance.startAtMs, 'Started', `Started container ${name}`),
      );
    }
    if (instance.exitAtMs <= untilMs) {
      const message = `Back-off restarting failed container ${name}`;
      events.push({ atMs: instance.exitAtMs, type: 'Warning', reason: 'BackOff', message });
    }
  }
  return events;
}
