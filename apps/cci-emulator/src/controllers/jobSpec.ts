/**
 * What a Job asks for (J1, J2): its spec read with upstream's defaults, whether it finished, and
 * the API defaults admission writes into a new Job (upstream's defaulting and selector
 * generation: the pods' controller-uid / job-name labels).
 */
import { findKindByResource, type KindDescriptor } from '@cci/model';
import type { AdmissionPlugin } from '../api/context.ts';
import type { KubeObject } from '../store/types.ts';
export const jobKind = findKindByResource('batch', 'v1', 'jobs') as KindDescriptor;

export const DEFAULT_BACKOFF_LIMIT = 6;

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

export interface JobSettings {
  parallelism: number;
  /** undefined: the work-queue pattern (J2). */
  completions: number | undefined;
  backoffLimit: number;
  activeDeadlineSeconds: number | undefined;
  ttlSecondsAfterFinished: number | undefined;
  restartPolicy: string;
}

/** The spec with upstream's defaults applied (parallelism and completions 1, backoffLimit 6). */
export function jobSettings(job: KubeObject): JobSettings {
  const spec = record(job['spec']);
  const parallelism = count(spec['parallelism']);
  return {
    parallelism: parallelism ?? 1,
    completions: count(spec['completions']) ?? (parallelism === undefined ? 1 : undefined),
    backoffLimit: count(spec['backoffLimit']) ?? DEFAULT_BACKOFF_LIMIT,
    activeDeadlineSeconds: count(spec['activeDeadlineSeconds']),
    ttlSecondsAfterFinished: count(spec['ttlSecondsAfterFinished']),
    restartPolicy: String(record(record(spec['template'])['spec'])['restartPolicy'] ?? 'Never'),
  };
}

/** 'Complete' or 'Failed' once the Job has finished, else undefined. */
export function jobFinishedAs(
  job: KubeObject,
): { type: 'Complete' | 'Failed'; at: string | undefined } | undefined {
  const conditions = record(job['status'])['conditions'];
  for (const c of Array.isArray(conditions) ? conditions.map(record) : []) {
    if ((c['type'] === 'Complete' || c['type'] === 'Failed') && c['status'] === 'True')
      return {
        type: c['type'],
        at: typeof c['lastTransitionTime'] === 'string' ? c['lastTransitionTime'] : undefined,
      };
  }
  return undefined;
}

export function condition(type: string, now: string, reason?: string, message?: string): Json {
  return {
    type,
    status: 'True',
    lastProbeTime: now,
    lastTransitionTime: now,
    ...(reason ? { reason, message } : {}),
  };
}

/** API defaults of a Job (as upstream's defaulting and selector generation do at create). */
export const jobAdmission: AdmissionPlugin = (request) => {
  if (request.kind.storageKey !== jobKind.storageKey || request.operation !== 'CREATE') return;
  const object = structuredClone(request.object);
  const spec = (object['spec'] ??= {}) as Json;
  if (spec['completions'] === undefined && spec['parallelism'] === undefined)
    spec['completions'] = 1;
  spec['parallelism'] ??= 1;
  spec['backoffLimit'] ??= DEFAULT_BACKOFF_LIMIT;
  const uid = object.metadata.uid ?? '';
  if (spec['manualSelector'] !== true) {
    spec['selector'] ??= { matchLabels: { 'controller-uid': uid } };
    const template = (spec['template'] ??= {}) as Json;
    const meta = (template['metadata'] ??= {}) as Json;
    meta['labels'] = {
      ...record(meta['labels']),
      'controller-uid': uid,
      'job-name': object.metadata.name,
    };
  }
  return { object };
};
