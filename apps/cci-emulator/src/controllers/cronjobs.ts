/**
 * The CronJob controller (J3). batch/v1beta1 and batch/v1 CronJobs share storage, so one
 * controller serves both. At each scheduled time (UTC) it creates a Job from `jobTemplate`
 * named `<cronjob>-<scheduled time in unix minutes>` as upstream does, unless:
 * - `suspend` is true;
 * - the time was missed by more than `startingDeadlineSeconds` (Warning MissSchedule);
 * - concurrencyPolicy Forbid and a Job is still running: the run waits; it starts when that Job
 *   finishes, still within the starting deadline (upstream behaviour).
 * Replace deletes the running Jobs first. Only the latest missed time is run (missed times are
 * searched back at most one day). Finished Jobs beyond successfulJobsHistoryLimit (3) /
 * failedJobsHistoryLimit (1) are deleted, oldest first, with their pods. status.active lists the
 * running Jobs, status.lastScheduleTime the last scheduled time acted on. The next run is an
 * emulator clock timer.
 */
import {
  findKindByApiVersion,
  findKindByResource,
  nextRun as sharedNextRun,
  type KindDescriptor,
} from '@cci/model';
import type { AdmissionPlugin } from '../api/context.ts';
import { timestamp } from '../api/metadata.ts';
import type { KubeObject } from '../store/types.ts';
import { jobFinishedAs, jobKind } from './jobSpec.ts';
import {
  ownerAndChildWatches,
  splitKey,
  type Controller,
  type ControllerContext,
} from './runtime.ts';
import {
  byAge,
  controllerRef,
  isControlledBy,
  KeyedTimers,
  timeOf,
  writeStatusIfChanged,
} from './statusWrite.ts';

export const cronJobKind = findKindByResource('batch', 'v1', 'cronjobs') as KindDescriptor;

export interface CronJobControllerOptions {
  /** First time strictly after `after` the schedule fires; undefined when it never does. */
  nextRun?: (schedule: string, after: Date) => Date | undefined;
}

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

function count(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

const MISSED_SEARCH_MS = 24 * 3600_000;

/** API defaults of a CronJob (upstream's for batch/v1beta1 and batch/v1). */
export const cronJobAdmission: AdmissionPlugin = (request) => {
  if (request.kind.storageKey !== cronJobKind.storageKey || request.operation !== 'CREATE') return;
  const object = structuredClone(request.object);
  const spec = (object['spec'] ??= {}) as Json;
  spec['concurrencyPolicy'] ??= 'Allow';
  spec['suspend'] ??= false;
  spec['successfulJobsHistoryLimit'] ??= 3;
  spec['failedJobsHistoryLimit'] ??= 1;
  return { object };
};

/** The Job a CronJob creates for one scheduled time. */
export function jobForSchedule(cronJob: KubeObject, scheduledMs: number): KubeObject {
  const template = record(record(cronJob['spec'])['jobTemplate']);
  const meta = record(template['metadata']);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `${cronJob.metadata.name}-${Math.floor(scheduledMs / 60_000)}`,
      namespace: cronJob.metadata.namespace,
      ...(meta['labels'] ? { labels: meta['labels'] as Record<string, string> } : {}),
      ...(meta['annotations']
        ? { annotations: meta['annotations'] as Record<string, string> }
        : {}),
      ownerReferences: [controllerRef(cronJob)],
    },
    spec: structuredClone(record(template['spec'])),
  };
}

function jobRef(job: KubeObject): Json {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: job.metadata.name,
    namespace: job.metadata.namespace,
    uid: job.metadata.uid,
  };
}

const byStart = (a: KubeObject, b: KubeObject) =>
  (timeOf(record(a['status'])['startTime']) ?? 0) -
    (timeOf(record(b['status'])['startTime']) ?? 0) || byAge(a, b);

/** The shared evaluator (rule J3) throws for a schedule that never fires; here that means no run. */
export function nextRunOrNever(schedule: string, after: Date): Date | undefined {
  try {
    return sharedNextRun(schedule, after);
  } catch {
    return undefined;
  }
}

export function createCronJobController(options: CronJobControllerOptions = {}): Controller {
  const nextRun = options.nextRun ?? nextRunOrNever;
  const timers = new KeyedTimers();
  const reported = new Set<string>();

  function warnOnce(
    ctx: ControllerContext,
    cronJob: KubeObject,
    reason: string,
    message: string,
  ): void {
    const id = `${cronJob.metadata.uid ?? ''}/${reason}/${message}`;
    if (reported.has(id)) return;
    reported.add(id);
    ctx.event({
      involved: cronJob,
      type: 'Warning',
      reason,
      message,
      source: 'cronjob-controller',
    });
  }

  function normal(
    ctx: ControllerContext,
    cronJob: KubeObject,
    reason: string,
    message: string,
  ): void {
    ctx.event({ involved: cronJob, type: 'Normal', reason, message, source: 'cronjob-controller' });
  }

  function removeJob(ctx: ControllerContext, cronJob: KubeObject, job: KubeObject): void {
    ctx.remove(jobKind, job.metadata.namespace, job.metadata.name);
    normal(ctx, cronJob, 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
  }

  /** The latest scheduled time in (after, now], if any. */
  function latestMissed(schedule: string, afterMs: number, nowMs: number): number | undefined {
    let t = nextRun(schedule, new Date(Math.max(afterMs, nowMs - MISSED_SEARCH_MS)));
    let latest: number | undefined;
    while (t && t.getTime() <= nowMs) {
      latest = t.getTime();
      t = nextRun(schedule, t);
    }
    return latest;
  }

  const controller: Controller = {
    name: 'cronjob',
    watches: ownerAndChildWatches(cronJobKind, jobKind),
    reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const cronJob = ctx.get(cronJobKind, namespace, name);
      if (!cronJob || cronJob.metadata.deletionTimestamp) {
        timers.disarm(key);
        return;
      }
      const kind = findKindByApiVersion(cronJob.apiVersion ?? '', 'CronJob') ?? cronJobKind;
      const spec = record(cronJob['spec']);
      const status = record(cronJob['status']);
      const jobs = ctx
        .list(jobKind, namespace)
        .filter((j) => isControlledBy(j, cronJob))
        .sort(byStart);
      let running = jobs.filter((j) => !jobFinishedAs(j));

      const wasActive = new Set(
        (Array.isArray(status['active']) ? status['active'] : []).map((r) => record(r)['uid']),
      );
      for (const job of jobs) {
        const finished = jobFinishedAs(job);
        if (finished && wasActive.has(job.metadata.uid))
          normal(
            ctx,
            cronJob,
            'SawCompletedJob',
            `Saw completed job: ${job.metadata.name}, status: ${finished.type}`,
          );
      }
      for (const [type, limit] of [
        ['Complete', count(spec['successfulJobsHistoryLimit'], 3)],
        ['Failed', count(spec['failedJobsHistoryLimit'], 1)],
      ] as const) {
        const finished = jobs.filter((j) => jobFinishedAs(j)?.type === type);
        for (const job of finished.slice(0, Math.max(0, finished.length - limit)))
          removeJob(ctx, cronJob, job);
      }

      const schedule = typeof spec['schedule'] === 'string' ? spec['schedule'] : '';
      const nowMs = ctx.clock.now().getTime();
      let lastScheduleTime =
        typeof status['lastScheduleTime'] === 'string' ? status['lastScheduleTime'] : undefined;
      const since = timeOf(lastScheduleTime) ?? timeOf(cronJob.metadata.creationTimestamp) ?? nowMs;
      const upcoming = nextRun(schedule, new Date(nowMs));
      if (!upcoming)
        warnOnce(
          ctx,
          cronJob,
          'InvalidSchedule',
          `unparseable or never-firing schedule "${schedule}"`,
        );

      const scheduled = spec['suspend'] === true ? undefined : latestMissed(schedule, since, nowMs);
      const deadlineSeconds = spec['startingDeadlineSeconds'];
      const policy = spec['concurrencyPolicy'] ?? 'Allow';
      if (scheduled !== undefined) {
        if (typeof deadlineSeconds === 'number' && scheduled + deadlineSeconds * 1000 < nowMs) {
          warnOnce(
            ctx,
            cronJob,
            'MissSchedule',
            `Missed scheduled time to start a job: ${timestamp(new Date(scheduled))}`,
          );
        } else if (policy === 'Forbid' && running.length > 0) {
          // Waits: the running Job's completion wakes this controller again.
        } else {
          if (policy === 'Replace') {
            for (const job of running) removeJob(ctx, cronJob, job);
            running = [];
          }
          const manifest = jobForSchedule(cronJob, scheduled);
          const created = ctx.create(jobKind, namespace, manifest);
          const job =
            'metadata' in created ? created : ctx.get(jobKind, namespace, manifest.metadata.name);
          if ('metadata' in created)
            normal(ctx, cronJob, 'SuccessfulCreate', `Created job ${created.metadata.name}`);
          else if (!job)
            warnOnce(ctx, cronJob, 'FailedCreate', `Error creating job: ${created.message}`);
          if (job) {
            if (!jobFinishedAs(job)) running.push(job);
            lastScheduleTime = timestamp(new Date(scheduled));
          }
        }
      }

      const active = running.map(jobRef);
      writeStatusIfChanged(ctx, kind, cronJob, {
        ...(active.length > 0 ? { active } : {}),
        ...(lastScheduleTime ? { lastScheduleTime } : {}),
      });
      if (upcoming && spec['suspend'] !== true)
        timers.arm(ctx, key, upcoming.getTime(), () => controller.reconcile(key, ctx));
      else timers.disarm(key);
    },
  };
  return controller;
}
