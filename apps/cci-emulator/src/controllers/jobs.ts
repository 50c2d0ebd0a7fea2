/**
 * The Job controller (J1, J2), after upstream's (v1.19) sync loop:
 * - keeps min(parallelism, completions - succeeded) pods active; with completions unset (the
 *   work-queue pattern) it starts `parallelism` pods and, once one succeeded, starts no more and
 *   completes when all have finished;
 * - counts succeeded/failed from the pods it owns; a Job fails with BackoffLimitExceeded when
 *   failed pods exceed backoffLimit (restartPolicy Never) or container restarts reach it
 *   (OnFailure), and with DeadlineExceeded once it ran activeDeadlineSeconds; active pods are
 *   then deleted;
 * - records SuccessfulCreate / SuccessfulDelete / Completed (and the failure reasons) as events,
 *   and deletes a finished Job after ttlSecondsAfterFinished when set.
 * Failed pods are re-created at once (upstream waits an exponential back-off first).
 * How job pods end in the emulator: see jobPods.ts.
 */
import { timestamp } from '../api/metadata.ts';
import type { KubeObject } from '../store/types.ts';
import { finishJobPodRun } from './jobPodRunner.ts';
import {
  isPodFinished,
  jobPod,
  jobPodRunDue,
  podKind,
  podPhaseOf,
  podRestarts,
} from './jobPods.ts';
import { condition, jobFinishedAs, jobKind, jobSettings, type JobSettings } from './jobSpec.ts';
import {
  ownerAndChildWatches,
  splitKey,
  type Controller,
  type ControllerContext,
} from './runtime.ts';
import { byAge, isControlledBy, KeyedTimers, timeOf, writeStatusIfChanged } from './statusWrite.ts';

export { jobAdmission, jobFinishedAs, jobKind } from './jobSpec.ts';

export interface JobControllerOptions {
  /** Finish job pods here (see jobPods.ts); false once the pod controller does it. Default true. */
  runPods?: boolean;
}

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

export function createJobController(options: JobControllerOptions = {}): Controller {
  const runPods = options.runPods ?? true;
  const deadlines = new KeyedTimers();
  const ttls = new KeyedTimers();
  const podRuns = new KeyedTimers();

  function removePods(ctx: ControllerContext, job: KubeObject, pods: KubeObject[]): void {
    for (const pod of pods) {
      ctx.remove(podKind, pod.metadata.namespace, pod.metadata.name);
      const message = `Deleted pod: ${pod.metadata.name}`;
      ctx.event({
        involved: job,
        type: 'Normal',
        reason: 'SuccessfulDelete',
        message,
        source: 'job-controller',
      });
    }
  }

  /** Creates up to `n` pods; returns how many were created (stops at the first refusal). */
  function createPods(ctx: ControllerContext, job: KubeObject, n: number): number {
    for (let i = 0; i < n; i++) {
      const created = ctx.create(podKind, job.metadata.namespace, jobPod(job));
      if (!('metadata' in created)) {
        const message = `Error creating: ${created.message}`;
        ctx.event({
          involved: job,
          type: 'Warning',
          reason: 'FailedCreate',
          message,
          source: 'job-controller',
        });
        return i;
      }
      const message = `Created pod: ${created.metadata.name}`;
      ctx.event({
        involved: job,
        type: 'Normal',
        reason: 'SuccessfulCreate',
        message,
        source: 'job-controller',
      });
    }
    return n;
  }

  function armTtl(
    ctx: ControllerContext,
    key: string,
    job: KubeObject,
    settings: JobSettings,
  ): void {
    const finished = jobFinishedAs(job);
    const at = timeOf(record(job['status'])['completionTime']) ?? timeOf(finished?.at);
    if (settings.ttlSecondsAfterFinished === undefined || at === undefined) return;
    const uid = job.metadata.uid;
    ttls.arm(ctx, key, at + settings.ttlSecondsAfterFinished * 1000, () => {
      const live = ctx.get(jobKind, job.metadata.namespace, job.metadata.name);
      if (live?.metadata.uid === uid)
        ctx.remove(jobKind, job.metadata.namespace, job.metadata.name);
    });
  }

  function armPodRuns(ctx: ControllerContext, pods: KubeObject[]): void {
    for (const pod of pods) {
      const { namespace, name, uid = '' } = pod.metadata;
      const due = jobPodRunDue(pod);
      if (due === undefined) {
        podRuns.disarm(uid);
        continue;
      }
      podRuns.arm(ctx, uid, due, () => {
        const live = ctx.get(podKind, namespace, name);
        if (live?.metadata.uid === uid) finishJobPodRun(ctx, live);
      });
    }
  }

  const controller: Controller = {
    name: 'job',
    watches: ownerAndChildWatches(jobKind, podKind),
    reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const job = ctx.get(jobKind, namespace, name);
      if (!job || job.metadata.deletionTimestamp) {
        deadlines.disarm(key);
        ttls.disarm(key);
        return;
      }
      const settings = jobSettings(job);
      if (jobFinishedAs(job)) {
        deadlines.disarm(key);
        armTtl(ctx, key, job, settings);
        return;
      }
      const nowDate = ctx.clock.now();
      const now = timestamp(nowDate);
      const status = record(job['status']);
      const startTime = typeof status['startTime'] === 'string' ? status['startTime'] : now;
      const pods = ctx.list(podKind, namespace).filter((p) => isControlledBy(p, job));
      const active = pods
        .filter((p) => !isPodFinished(p) && !p.metadata.deletionTimestamp)
        .sort(byAge);
      const succeeded = pods.filter((p) => podPhaseOf(p) === 'Succeeded').length;
      let failed = pods.filter((p) => podPhaseOf(p) === 'Failed').length;
      const conditions = Array.isArray(status['conditions']) ? [...status['conditions']] : [];
      let activeCount = active.length;
      let completionTime: string | undefined;

      const restarts = active.reduce((n, p) => n + podRestarts(p), 0);
      const backoffExceeded =
        settings.restartPolicy === 'OnFailure'
          ? settings.backoffLimit === 0
            ? restarts > 0
            : restarts >= settings.backoffLimit
          : failed > settings.backoffLimit;
      const deadline =
        settings.activeDeadlineSeconds === undefined
          ? undefined
          : (timeOf(startTime) ?? 0) + settings.activeDeadlineSeconds * 1000;
      const failure = backoffExceeded
        ? { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }
        : deadline !== undefined && nowDate.getTime() >= deadline
          ? { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' }
          : undefined;

      if (failure) {
        removePods(ctx, job, active);
        failed += activeCount;
        activeCount = 0;
        conditions.push(condition('Failed', now, failure.reason, failure.message));
        ctx.event({ involved: job, type: 'Warning', ...failure, source: 'job-controller' });
      } else {
        const work = settings.completions === undefined;
        const complete = work
          ? succeeded > 0 && activeCount === 0
          : succeeded >= (settings.completions ?? 1);
        const wantActive = complete
          ? 0
          : work
            ? succeeded > 0
              ? activeCount
              : settings.parallelism
            : Math.min(settings.parallelism, (settings.completions ?? 1) - succeeded);
        if (activeCount > wantActive) {
          removePods(ctx, job, active.slice(wantActive).reverse());
          activeCount = wantActive;
        } else if (activeCount < wantActive) {
          activeCount += createPods(ctx, job, wantActive - activeCount);
        }
        if (complete) {
          conditions.push(condition('Complete', now));
          completionTime = now;
          ctx.event({
            involved: job,
            type: 'Normal',
            reason: 'Completed',
            message: 'Job completed',
            source: 'job-controller',
          });
        }
      }

      const next: Json = {
        ...(conditions.length > 0 ? { conditions } : {}),
        startTime,
        ...(completionTime ? { completionTime } : {}),
        ...(activeCount > 0 ? { active: activeCount } : {}),
        ...(succeeded > 0 ? { succeeded } : {}),
        ...(failed > 0 ? { failed } : {}),
      };
      const stored = writeStatusIfChanged(ctx, jobKind, job, next);
      if (jobFinishedAs(stored)) {
        deadlines.disarm(key);
        armTtl(ctx, key, stored, settings);
        return;
      }
      if (deadline !== undefined)
        deadlines.arm(ctx, key, deadline, () => controller.reconcile(key, ctx));
      if (runPods) {
        const live = ctx
          .list(podKind, namespace)
          .filter((p) => isControlledBy(p, job) && !isPodFinished(p));
        armPodRuns(ctx, live);
      }
    },
  };
  return controller;
}
