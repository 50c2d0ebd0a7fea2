/**
 * Pods of Jobs: how the Job controller builds them from the template, and how they end in the
 * emulator, where no container really runs:
 * - a pod runs for `emulator.cci.io/run-seconds` (pod annotation) seconds, else for the pod
 *   controller's podRunDuration (containerRuns.ts: the `sleep`s, perl/pi 5 s, quick commands
 *   1 s, loops and servers forever), else — for a failing command — QUICK_COMMAND_MS; a pod that
 *   runs forever only ends with its Job (activeDeadlineSeconds) or when deleted;
 * - its exit code is `emulator.cci.io/exit-code` (pod annotation) when set, else 1 when the
 *   command is `false`, else N when the command/args contain a shell `exit N`, else 0.
 * So `command: [sh, -c, "exit 1"]` or `command: ["false"]` makes a failing pod.
 *
 * The Job controller's runner (JobControllerOptions.runPods, jobPodRunner.ts) writes the end:
 * - alone (the pod has no phase: no pod controller runs): at creation + run time it sets
 *   Succeeded/Failed, or under restartPolicy OnFailure restarts the container (restartCount + 1,
 *   CrashLoopBackOff) after the kubelet's back-off (10 s, doubling);
 * - next to the pod controller (it wrote a phase): that controller ends successful runs itself
 *   (Succeeded), so the runner only fails pods with a non-zero exit code, 1 ms before their run
 *   would end counted from the container start (so it always comes first), and as Failed even
 *   under OnFailure (the pod controller would overwrite a restart).
 * Neither touches a pod already Succeeded/Failed.
 */
import { findKindByResource, type KindDescriptor } from '@cci/model';
import { randomSuffix } from '../api/metadata.ts';
import type { KubeObject } from '../store/types.ts';
import { podRunDuration, QUICK_COMMAND_MS, restartBackoffMs } from './containerRuns.ts';
import { controllerRef, timeOf } from './statusWrite.ts';

export const podKind = findKindByResource('', 'v1', 'pods') as KindDescriptor;

export const RUN_SECONDS_ANNOTATION = 'emulator.cci.io/run-seconds';
export const EXIT_CODE_ANNOTATION = 'emulator.cci.io/exit-code';

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

function containersOf(pod: KubeObject): Json[] {
  const containers = record(pod['spec'])['containers'];
  return Array.isArray(containers) ? containers.map(record) : [];
}

function commandLine(pod: KubeObject): string[] {
  return containersOf(pod).flatMap((c) =>
    [c['command'], c['args']].flatMap((v) => (Array.isArray(v) ? v.map(String) : [])),
  );
}

export function podPhaseOf(pod: KubeObject): string | undefined {
  const phase = record(pod['status'])['phase'];
  return typeof phase === 'string' ? phase : undefined;
}

export function isPodFinished(pod: KubeObject): boolean {
  const phase = podPhaseOf(pod);
  return phase === 'Succeeded' || phase === 'Failed';
}

/** How long a job pod's containers run, in emulated milliseconds; undefined: until stopped. */
export function jobPodRunMs(pod: KubeObject): number | undefined {
  const annotated = Number(pod.metadata.annotations?.[RUN_SECONDS_ANNOTATION] ?? NaN);
  if (Number.isFinite(annotated) && annotated >= 0) return annotated * 1000;
  return (
    podRunDuration({ spec: pod['spec'] }) ??
    (jobPodExitCode(pod) !== 0 ? QUICK_COMMAND_MS : undefined)
  );
}

/** The exit code a job pod's containers end with. */
export function jobPodExitCode(pod: KubeObject): number {
  const annotated = pod.metadata.annotations?.[EXIT_CODE_ANNOTATION];
  if (annotated !== undefined && /^\d+$/.test(annotated)) return Number(annotated);
  const first = containersOf(pod)[0]?.['command'];
  const executable = Array.isArray(first) ? String(first[0] ?? '') : '';
  if (executable === 'false' || executable.endsWith('/false')) return 1;
  const exit = /\bexit\s+(\d+)\b/.exec(commandLine(pod).join(' '));
  return exit?.[1] ? Number(exit[1]) : 0;
}

/** A pod for `job` from its template: `<job>-<5 chars>`, labelled and owned by the Job. */
export function jobPod(job: KubeObject): KubeObject {
  const template = record(record(job['spec'])['template']);
  const meta = record(template['metadata']);
  const labels = {
    ...(meta['labels'] as Record<string, string> | undefined),
    'controller-uid': job.metadata.uid ?? '',
    'job-name': job.metadata.name,
  };
  const annotations = meta['annotations'] as Record<string, string> | undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${job.metadata.name}-${randomSuffix()}`,
      namespace: job.metadata.namespace,
      labels,
      ...(annotations ? { annotations } : {}),
      ownerReferences: [controllerRef(job)],
    },
    spec: structuredClone(record(template['spec'])),
  };
}

export function restartCountOf(pod: KubeObject): number {
  const statuses = record(pod['status'])['containerStatuses'];
  return Array.isArray(statuses)
    ? Math.max(0, ...statuses.map((s) => Number(record(s)['restartCount']) || 0))
    : 0;
}

/** Sum of container restarts: what backoffLimit counts under restartPolicy OnFailure. */
export function podRestarts(pod: KubeObject): number {
  const statuses = record(pod['status'])['containerStatuses'];
  return Array.isArray(statuses)
    ? statuses.reduce((n: number, s) => n + (Number(record(s)['restartCount']) || 0), 0)
    : 0;
}

export { restartBackoffMs } from './containerRuns.ts';

/** Whether the pod controller drives this pod: it writes a phase before the end, the runner not. */
export function drivenByPodController(pod: KubeObject): boolean {
  return podPhaseOf(pod) !== undefined && !isPodFinished(pod);
}

function runningSince(pod: KubeObject): number | undefined {
  const statuses = record(pod['status'])['containerStatuses'];
  for (const s of Array.isArray(statuses) ? statuses : []) {
    const started = timeOf(record(record(record(s)['state'])['running'])['startedAt']);
    if (started !== undefined) return started;
  }
  return undefined;
}

/** When the runner must end the pod's current run; undefined: not its job (yet). */
export function jobPodRunDue(pod: KubeObject): number | undefined {
  const runMs = jobPodRunMs(pod);
  if (runMs === undefined) return undefined;
  if (drivenByPodController(pod)) {
    const podControllerEndsIt =
      jobPodExitCode(pod) === 0 &&
      pod.metadata.annotations?.[RUN_SECONDS_ANNOTATION] === undefined &&
      podRunDuration({ spec: pod['spec'] }) !== undefined;
    const since = runningSince(pod);
    return podControllerEndsIt || since === undefined ? undefined : since + runMs - 1;
  }
  const restarts = restartCountOf(pod);
  const statuses = record(pod['status'])['containerStatuses'];
  const lastEnd = Array.isArray(statuses)
    ? timeOf(record(record(record(statuses[0])['lastState'])['terminated'])['finishedAt'])
    : undefined;
  if (restarts > 0 && lastEnd !== undefined) return lastEnd + restartBackoffMs(restarts) + runMs;
  return (timeOf(pod.metadata.creationTimestamp) ?? 0) + runMs;
}
