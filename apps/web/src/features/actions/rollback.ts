import type { KubeObject } from '../resources/objects.ts';

/**
 * D5 `kubectl rollout undo` for apps/v1, where the API has no rollback subresource (that was
 * extensions/v1beta1 only): the client finds the ReplicaSet of the wanted revision among the
 * Deployment's own ReplicaSets and writes its pod template back into the Deployment. The
 * Deployment controller then re-uses that ReplicaSet (D4) and gives it the next revision.
 */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
const POD_TEMPLATE_HASH = 'pod-template-hash';

/** Annotations the Deployment keeps for itself (kubectl's annotationsToSkip). */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export interface Revision {
  revision: number;
  replicaSet: KubeObject;
  images: string[];
  changeCause: string | undefined;
}

function revisionNumber(object: KubeObject): number {
  const n = Number(object.metadata.annotations?.[REVISION_ANNOTATION] ?? '0');
  return Number.isInteger(n) && n > 0 ? n : 0;
}

function ownedBy(rs: KubeObject, deployment: KubeObject): boolean {
  const refs = Array.isArray(rs.metadata['ownerReferences']) ? rs.metadata['ownerReferences'] : [];
  return refs.some(
    (ref: { uid?: string; controller?: boolean }) =>
      ref.controller === true && ref.uid !== undefined && ref.uid === deployment.metadata.uid,
  );
}

function templateOf(object: KubeObject): Record<string, unknown> {
  const template = object.spec?.['template'];
  return typeof template === 'object' && template !== null
    ? (template as Record<string, unknown>)
    : {};
}

function imagesOf(template: Record<string, unknown>): string[] {
  const spec = template['spec'] as { containers?: { image?: string }[] } | undefined;
  return (spec?.containers ?? []).map((c) => c.image ?? '');
}

/** The Deployment's revisions, newest first (ReplicaSets it controls that carry a revision). */
export function revisionsOf(
  deployment: KubeObject,
  replicaSets: readonly KubeObject[],
): Revision[] {
  return replicaSets
    .filter((rs) => ownedBy(rs, deployment) && revisionNumber(rs) > 0)
    .map((rs) => ({
      revision: revisionNumber(rs),
      replicaSet: rs,
      images: imagesOf(templateOf(rs)),
      changeCause: rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION],
    }))
    .sort((a, b) => b.revision - a.revision);
}

export function currentRevision(deployment: KubeObject): number {
  return revisionNumber(deployment);
}

/** kubectl's default target: the newest revision older than the current one. */
export function previousRevision(
  revisions: readonly Revision[],
  current: number,
): number | undefined {
  return revisions.find((r) => r.revision < current)?.revision;
}

/** The template without the controller-added hash label: how kubectl compares templates. */
function withoutHash(template: Record<string, unknown>): Record<string, unknown> {
  const metadata = (template['metadata'] ?? {}) as { labels?: Record<string, string> };
  const labels = { ...metadata.labels };
  delete labels[POD_TEMPLATE_HASH];
  return { ...template, metadata: { ...metadata, labels } };
}

/** Key order may differ between what was stored and what was read back. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
  );
}

export type RollbackPlan =
  | { ok: true; patch: object[] }
  | { ok: false; reason: 'paused' | 'notFound' | 'sameTemplate'; revision?: number };

/**
 * The JSON patch kubectl sends: the revision's template (hash label removed) and the
 * Deployment's annotations with the revision's own ones restored.
 */
export function rollbackPlan(
  deployment: KubeObject,
  revisions: readonly Revision[],
  toRevision: number | undefined,
): RollbackPlan {
  if (deployment.spec?.['paused'] === true) return { ok: false, reason: 'paused' };
  const target = revisions.find((r) => r.revision === toRevision);
  if (!target) return { ok: false, reason: 'notFound' };
  const template = withoutHash(templateOf(target.replicaSet));
  const current = withoutHash(templateOf(deployment));
  if (JSON.stringify(canonical(template)) === JSON.stringify(canonical(current))) {
    return { ok: false, reason: 'sameTemplate', revision: target.revision };
  }
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(deployment.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  }
  for (const [k, v] of Object.entries(target.replicaSet.metadata.annotations ?? {})) {
    if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  }
  return {
    ok: true,
    patch: [
      { op: 'replace', path: '/spec/template', value: template },
      // "add" sets the member whether or not the Deployment has annotations yet.
      { op: 'add', path: '/metadata/annotations', value: annotations },
    ],
  };
}
