/**
 * Where pods live in a document: a Pod itself, or the pod template of a Deployment, ReplicaSet,
 * Job or CronJob. Pod rules run once per pod spec found here, with the right path prefix, so a
 * violation points at `spec.template.spec.containers[0]...` in a Deployment.
 */
import type { LocalizedText, RuleContext, RuleViolation, Severity } from './types.ts';

export interface PodSpecView {
  kind: string;
  /** The pod's (or template's) metadata; an empty object when the document has none. */
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
  /** Path of the object that holds metadata and spec: '' for a Pod, 'spec.template' ... */
  pathPrefix: string;
  metadataPath: string;
  specPath: string;
}

export interface ContainerView {
  container: Record<string, unknown>;
  path: string;
  name: string;
  init: boolean;
}

const templatePaths: Record<string, string[]> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** The kinds that carry a pod spec. */
export const podBearingKinds: readonly string[] = Object.keys(templatePaths);

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Joins path parts with dots; parts starting with '[' attach without one. */
export function joinPath(...parts: string[]): string {
  return parts
    .filter((part) => part !== '')
    .reduce(
      (path, part) => (path === '' || part.startsWith('[') ? path + part : `${path}.${part}`),
      '',
    );
}

/** `metadata.annotations["yangtse.io/eip-pool"]` under the given metadata path. */
export function annotationPath(metadataPath: string, key: string): string {
  return joinPath(metadataPath, `annotations[${JSON.stringify(key)}]`);
}

export function labelPath(metadataPath: string, key: string): string {
  return joinPath(metadataPath, `labels[${JSON.stringify(key)}]`);
}

/** Annotations as a map; a malformed (non-map) annotations field counts as none. */
export function annotationsOf(metadata: Record<string, unknown>): Record<string, unknown> {
  return asRecord(metadata.annotations) ?? {};
}

export function podSpecsOf(doc: Record<string, unknown>): PodSpecView[] {
  const kind = typeof doc.kind === 'string' ? doc.kind : '';
  const steps = templatePaths[kind];
  if (steps === undefined) return [];
  let holder: Record<string, unknown> | undefined = doc;
  for (const step of steps) holder = asRecord(holder?.[step]);
  const spec = asRecord(holder?.spec);
  if (holder === undefined || spec === undefined) return [];
  const pathPrefix = steps.join('.');
  return [
    {
      kind,
      metadata: asRecord(holder.metadata) ?? {},
      spec,
      pathPrefix,
      metadataPath: joinPath(pathPrefix, 'metadata'),
      specPath: joinPath(pathPrefix, 'spec'),
    },
  ];
}

/** Init containers first (they run first), then app containers. */
export function containersOf(pod: PodSpecView): ContainerView[] {
  const views: ContainerView[] = [];
  for (const [field, init] of [
    ['initContainers', true],
    ['containers', false],
  ] as const) {
    asArray(pod.spec[field]).forEach((entry, index) => {
      const container = asRecord(entry);
      if (container === undefined) return;
      const name = typeof container.name === 'string' ? container.name : '';
      views.push({ container, path: joinPath(pod.specPath, `${field}[${index}]`), name, init });
    });
  }
  return views;
}

/** The namespace a document lands in: its own metadata.namespace, else the request's. */
export function effectiveNamespace(
  doc: Record<string, unknown>,
  ctx: RuleContext,
): string | undefined {
  const own = asRecord(doc.metadata)?.namespace;
  return typeof own === 'string' && own !== '' ? own : ctx.namespace;
}

export function text(en: string, zhCN: string): LocalizedText {
  return { en, 'zh-CN': zhCN };
}

export function violation(
  rule: string,
  path: string,
  severity: Severity,
  message: LocalizedText,
  extra: Pick<RuleViolation, 'fix' | 'status'> = {},
): RuleViolation {
  return { rule, path, severity, message, ...extra };
}

/**
 * Reports violations of one rule at one path into `found`: `report(en, zh)` per problem, each
 * message in both languages, without the rule ID (that is in `rule`, never in the text).
 */
export function reporter(
  found: RuleViolation[],
  rule: string,
  path: string,
  severity: Severity = 'error',
): (en: string, zh: string, extra?: Pick<RuleViolation, 'fix' | 'status'>) => void {
  return (en, zh, extra = {}) => {
    found.push(violation(rule, path, severity, text(en, zh), extra));
  };
}

/** As reporter, for a check that answers its one problem: `return failure(rule, path)(en, zh)`. */
export function failure(
  rule: string,
  path: string,
  severity: Severity = 'error',
): (en: string, zh: string, extra?: Pick<RuleViolation, 'fix' | 'status'>) => RuleViolation[] {
  return (en, zh, extra = {}) => [violation(rule, path, severity, text(en, zh), extra)];
}

/** Turns a check over one pod spec into a document rule that runs it for every pod spec. */
export function perPodSpec(
  check: (pod: PodSpecView, ctx: RuleContext, doc: Record<string, unknown>) => RuleViolation[],
): (doc: Record<string, unknown>, ctx: RuleContext) => RuleViolation[] {
  return (doc, ctx) => podSpecsOf(doc).flatMap((pod) => check(pod, ctx, doc));
}
