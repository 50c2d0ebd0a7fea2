/**
 * The Job controller's pod runner: writes the end of a job pod's run (see jobPods.ts for when and
 * why): Succeeded/Failed with terminated container statuses, or a restart under OnFailure.
 */
import { timestamp } from '../api/metadata.ts';
import type { KubeObject } from '../store/types.ts';
import {
  drivenByPodController,
  isPodFinished,
  jobPodExitCode,
  podKind,
  restartBackoffMs,
  restartCountOf,
} from './jobPods.ts';
import type { ControllerContext } from './runtime.ts';

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

function containersOf(pod: KubeObject): Json[] {
  const containers = record(pod['spec'])['containers'];
  return Array.isArray(containers) ? containers.map(record) : [];
}

function finishedStatus(
  pod: KubeObject,
  exitCode: number,
  startedAt: string,
  finishedAt: string,
  restartCount: number,
): Json {
  const status = record(pod['status']);
  const previous = Array.isArray(status['containerStatuses'])
    ? status['containerStatuses'].map(record)
    : [];
  const terminated = {
    exitCode,
    reason: exitCode === 0 ? 'Completed' : 'Error',
    startedAt,
    finishedAt,
  };
  const conditions = (
    Array.isArray(status['conditions']) ? status['conditions'].map(record) : []
  ).map((c) =>
    c['type'] === 'Ready' || c['type'] === 'ContainersReady'
      ? { ...c, status: 'False', reason: 'PodCompleted', lastTransitionTime: finishedAt }
      : c,
  );
  return {
    ...status,
    phase: exitCode === 0 ? 'Succeeded' : 'Failed',
    ...(conditions.length > 0 ? { conditions } : {}),
    startTime: status['startTime'] ?? startedAt,
    containerStatuses: containersOf(pod).map((c) => {
      const before = previous.find((s) => s['name'] === c['name']);
      const ranSince = record(record(before?.['state'])['running'])['startedAt'];
      return {
        ...before,
        name: c['name'],
        image: c['image'],
        ready: false,
        restartCount,
        started: false,
        state: { terminated: { ...terminated, startedAt: ranSince ?? startedAt } },
      };
    }),
  };
}

/**
 * Ends the pod's current run: Succeeded or Failed, or (OnFailure with a non-zero exit, when no
 * pod controller drives the pod) a restart whose run ends at jobPodRunDue again.
 */
export function finishJobPodRun(ctx: ControllerContext, pod: KubeObject): void {
  if (isPodFinished(pod) || pod.metadata.deletionTimestamp) return;
  const now = ctx.clock.now();
  const exitCode = jobPodExitCode(pod);
  const restartPolicy = record(pod['spec'])['restartPolicy'];
  const startedAt = String(
    record(pod['status'])['startTime'] ?? pod.metadata.creationTimestamp ?? timestamp(now),
  );
  if (exitCode !== 0 && restartPolicy === 'OnFailure' && !drivenByPodController(pod)) {
    const restartCount = restartCountOf(pod) + 1;
    const failedRun = finishedStatus(pod, exitCode, startedAt, timestamp(now), restartCount - 1);
    const backOff = `back-off ${restartBackoffMs(restartCount) / 1000}s restarting failed container`;
    const restarted = (failedRun['containerStatuses'] as Json[]).map((s) => ({
      ...s,
      restartCount,
      lastState: s['state'],
      state: {
        waiting: { reason: 'CrashLoopBackOff', message: `${backOff}=${String(s['name'])}` },
      },
    }));
    ctx.updateStatus(podKind, {
      ...pod,
      status: { ...record(pod['status']), startTime: startedAt, containerStatuses: restarted },
    });
    return;
  }
  ctx.updateStatus(podKind, {
    ...pod,
    status: finishedStatus(pod, exitCode, startedAt, timestamp(now), restartCountOf(pod)),
  });
}
