/**
 * The workload form's problems: which input each belongs to (rule paths, server causes), and
 * how they show: errors under the input they concern, warnings and notes beside it, the rest in
 * one list. Every text starts with its rule ID.
 */
import {
  eipAnnotations,
  snapshotAutoMatchAnnotation,
  snapshotNameAnnotation,
  type LocalizedText,
  type RuleViolation,
} from '@cci/model';
import type { TFunction } from 'i18next';
import type { Status } from '@cci/model';
import type { Language } from '../../i18n/i18n.ts';

/** The form's inputs; every problem lands on one of them. */
export type WorkloadField =
  | 'name'
  | 'image'
  | 'replicas'
  | 'resources'
  | 'port'
  | 'eipMode'
  | 'eipPool'
  | 'eipId'
  | 'bandwidthSize'
  | 'networkType'
  | 'chargeMode'
  | 'bandwidthName'
  | 'bandwidthId'
  | 'waitForEip'
  | 'snapshot'
  | 'other';

const annotationFields: Record<string, WorkloadField> = {
  [eipAnnotations.eipPool]: 'eipPool',
  [eipAnnotations.eipId]: 'eipId',
  [eipAnnotations.podWithEip]: 'eipMode',
  [eipAnnotations.bandwidthSize]: 'bandwidthSize',
  [eipAnnotations.networkType]: 'networkType',
  [eipAnnotations.chargeMode]: 'chargeMode',
  [eipAnnotations.bandwidthName]: 'bandwidthName',
  [eipAnnotations.bandwidthId]: 'bandwidthId',
  [snapshotAutoMatchAnnotation]: 'snapshot',
  [snapshotNameAnnotation]: 'snapshot',
};

/** Maps a rule path (or a server cause's field) to the input it is about. */
export function fieldOfPath(path: string): WorkloadField {
  const annotation = /annotations\[\s*"([^"]+)"\s*\]/.exec(path)?.[1];
  if (annotation !== undefined) return annotationFields[annotation] ?? 'other';
  if (path.startsWith('metadata.name')) return 'name';
  if (path === 'spec.replicas') return 'replicas';
  // P8 reports the effective pod size on the pod spec itself: it belongs to the resources.
  if (path === 'spec.template.spec') return 'resources';
  if (/initContainers|volumes/.test(path)) return 'waitForEip';
  if (/containers\[0\]\.image$/.test(path)) return 'image';
  if (/containers\[0\]\.resources/.test(path)) return 'resources';
  if (/containers\[0\]\.ports/.test(path)) return 'port';
  return 'other';
}

export interface FormProblem {
  field: WorkloadField;
  rule: string;
  severity: RuleViolation['severity'];
  /** The rule's own words (validators, server), or an i18n key of the console's checks. */
  message?: LocalizedText;
  key?: string;
  params?: Record<string, string>;
}

/** `CCI.EIP2` (admission cause reason) or `EIP2:` at the start of a message. */
const ruleInText = /^(?:CCI\.)?([A-Z]{1,3}\d{1,2})\b/;

/** `path: RULE: message` up to the next such part (a message may itself contain "; "). */
const partPattern =
  /([\w.[\]"/-]+): ([A-Z]{1,3}\d{1,2}): (.*?)(?=; [\w.[\]"/-]+: [A-Z]{1,3}\d{1,2}: |$)/g;

/**
 * A refused create, per field: the 422 causes name field and rule; other statuses (S3's 400,
 * EIP2's 404) carry `path: RULE: message` parts in their message.
 */
export function serverProblems(body: Partial<Status> | undefined, fallback: string): FormProblem[] {
  const causes = body?.details?.causes ?? [];
  const fromCauses = causes.map((c): FormProblem => {
    const en = c.message ?? fallback;
    return {
      field: fieldOfPath(c.field ?? ''),
      rule: ruleInText.exec(c.reason ?? '')?.[1] ?? ruleInText.exec(en)?.[1] ?? 'K8s',
      severity: 'error',
      message: { en, 'zh-CN': c.messages?.['zh-CN'] ?? en },
    };
  });
  if (fromCauses.length > 0) return fromCauses;
  const text = body?.message ?? fallback;
  const parts = [...text.matchAll(partPattern)];
  if (parts.length === 0) {
    const localized = { en: text, 'zh-CN': body?.messages?.['zh-CN'] ?? text };
    return [{ field: 'other', rule: body?.reason ?? 'K8s', severity: 'error', message: localized }];
  }
  return parts.map(([, path = '', rule = '', message = '']) => ({
    field: fieldOfPath(path),
    rule,
    severity: 'error',
    message: { en: message.trim(), 'zh-CN': message.trim() },
  }));
}

export function problemText(problem: FormProblem, t: TFunction, language: Language): string {
  const text = problem.message?.[language] ?? t(problem.key ?? '', problem.params ?? {});
  return text;
}

export interface ProblemsView {
  /** The first error of a field, for the input's error slot. */
  errorOf: (field: WorkloadField) => string | undefined;
  /** Warnings and notes of a field (EIP5, P8 ...). */
  notesOf: (field: WorkloadField) => FormProblem[];
  /** Problems not tied to one input. */
  others: FormProblem[];
  hasErrors: boolean;
}

export function problemsView(
  problems: FormProblem[],
  t: TFunction,
  language: Language,
): ProblemsView {
  const errors = problems.filter((p) => p.severity === 'error');
  return {
    errorOf: (field) => {
      const found = errors.find((p) => p.field === field);
      return found && problemText(found, t, language);
    },
    notesOf: (field) => problems.filter((p) => p.field === field && p.severity !== 'error'),
    others: problems.filter((p) => p.field === 'other'),
    hasErrors: errors.length > 0,
  };
}
