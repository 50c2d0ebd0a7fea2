// The ReplicaSets of a Deployment (rules D2, D4, D5): the new one named `<deploy>-<hash>` with the
// `pod-template-hash` label, revision annotations (a re-used old ReplicaSet, as after
// `kubectl rollout undo`, gets the next revision), scaling with events, and history cleanup.
import type { KindDescriptor, LabelSelectorObject } from '@cci/model';
import { ApiError } from '../http/errors.ts';
import type { KubeObject } from '../store/types.ts';
import { canonicalJson, podTemplateHash, podTemplateHashLabel } from './podTemplateHash.ts';
import type { ControllerContext } from './runtime.ts';
import { controllerRef } from './workloadPods.ts';

export const DEPLOYMENT_CONTROLLER = 'deployment-controller';
export const revisionAnnotation = 'deployment.kubernetes.io/revision';
const revisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history';
const desiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
const maxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';
/** Deployment annotations not copied onto its ReplicaSets (kubectl rollout undo skips them too). */
const notCopied = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  revisionAnnotation,
  revisionHistoryAnnotation,
  desiredReplicasAnnotation,
  maxReplicasAnnotation,
  'deprecated.deployment.rollback.to',
]);

export interface DeploymentSpec {
  replicas?: number;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  paused?: boolean;
  progressDeadlineSeconds?: number;
  selector?: LabelSelectorObject;
  strategy?: {
    type?: string;
    rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string };
  };
  template?: {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: unknown;
  };
}

export function revisionOf(rs: KubeObject | undefined): number {
  const n = Number(rs?.metadata.annotations?.[revisionAnnotation] ?? '0');
  return Number.isFinite(n) ? n : 0;
}

export function specReplicas(obj: KubeObject | undefined): number {
  return (obj?.['spec'] as { replicas?: number } | undefined)?.replicas ?? (obj ? 1 : 0);
}

/** The Deployment's own annotations a ReplicaSet carries, plus the bookkeeping ones. */
function replicaSetAnnotations(
  d: KubeObject,
  base: Record<string, string>,
  revision: number,
  replicas: number,
  maxSurge: number,
): Record<string, string> {
  const copied = Object.entries(d.metadata.annotations ?? {}).filter(([k]) => !notCopied.has(k));
  return {
    ...base,
    ...Object.fromEntries(copied),
    [revisionAnnotation]: String(revision),
    [desiredReplicasAnnotation]: String(replicas),
    [maxReplicasAnnotation]: String(replicas + maxSurge),
  };
}

/** Brings the new ReplicaSet's revision (and copied annotations) up to date; returns it. */
export function syncNewReplicaSet(
  ctx: ControllerContext,
  rsKind: KindDescriptor,
  d: KubeObject,
  rs: KubeObject,
  maxOldRevision: number,
  maxSurge: number,
): KubeObject {
  const spec = (d['spec'] ?? {}) as DeploymentSpec;
  const current = revisionOf(rs);
  const revision = current <= maxOldRevision ? maxOldRevision + 1 : current;
  const base = { ...(rs.metadata.annotations ?? {}) };
  if (revision !== current && current > 0) {
    const history = base[revisionHistoryAnnotation];
    base[revisionHistoryAnnotation] = history ? `${history},${current}` : String(current);
  }
  // Desired/max replicas only change together with a scale (scaleReplicaSet): kept here.
  const sizes = Object.fromEntries(
    [desiredReplicasAnnotation, maxReplicasAnnotation]
      .filter((k) => base[k] !== undefined)
      .map((k) => [k, base[k] as string]),
  );
  const annotations = {
    ...replicaSetAnnotations(d, base, revision, specReplicas(d), maxSurge),
    ...sizes,
  };
  const rsSpec = (rs['spec'] ?? {}) as { minReadySeconds?: number };
  const sameMinReady = (rsSpec.minReadySeconds ?? 0) === (spec.minReadySeconds ?? 0);
  if (canonicalJson(annotations) === canonicalJson(rs.metadata.annotations ?? {}) && sameMinReady)
    return rs;
  const updated = ctx.update(rsKind, {
    ...rs,
    metadata: { ...rs.metadata, annotations },
    spec: { ...(rs['spec'] as object), minReadySeconds: spec.minReadySeconds ?? 0 },
  });
  return updated instanceof ApiError ? rs : updated;
}

/** Creates `<deploy>-<hash>`; undefined on a name collision (the caller bumps collisionCount). */
export function createNewReplicaSet(
  ctx: ControllerContext,
  rsKind: KindDescriptor,
  d: KubeObject,
  replicas: number,
  revision: number,
  maxSurge: number,
  collisionCount: number,
): KubeObject | 'collision' | undefined {
  const spec = (d['spec'] ?? {}) as DeploymentSpec;
  const hash = podTemplateHash(spec.template, collisionCount);
  const template = structuredClone(spec.template ?? {});
  template.metadata = {
    ...(template.metadata ?? {}),
    labels: { ...(template.metadata?.labels ?? {}), [podTemplateHashLabel]: hash },
  };
  const selector = spec.selector ?? {};
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      labels: { ...(template.metadata.labels ?? {}) },
      annotations: replicaSetAnnotations(d, {}, revision, specReplicas(d), maxSurge),
      ownerReferences: [controllerRef(d, 'apps/v1', 'Deployment')],
    },
    spec: {
      replicas,
      minReadySeconds: spec.minReadySeconds ?? 0,
      selector: {
        ...selector,
        matchLabels: { ...(selector.matchLabels ?? {}), [podTemplateHashLabel]: hash },
      },
      template,
    },
  };
  const created = ctx.create(rsKind, d.metadata.namespace, rs);
  if (created instanceof ApiError) {
    if (created.reason === 'AlreadyExists') return 'collision';
    ctx.event({
      involved: d,
      type: 'Warning',
      reason: 'FailedCreate',
      message: `Failed to create new replica set "${rs.metadata.name}": ${created.message}`,
      source: DEPLOYMENT_CONTROLLER,
    });
    return undefined;
  }
  if (replicas > 0) scaledEvent(ctx, d, created, 'up', replicas);
  return created;
}

function scaledEvent(
  ctx: ControllerContext,
  d: KubeObject,
  rs: KubeObject,
  direction: 'up' | 'down',
  to: number,
): void {
  ctx.event({
    involved: d,
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    message: `Scaled ${direction} replica set ${rs.metadata.name} to ${to}`,
    source: DEPLOYMENT_CONTROLLER,
  });
}

export function scaleReplicaSet(
  ctx: ControllerContext,
  rsKind: KindDescriptor,
  d: KubeObject,
  rs: KubeObject,
  to: number,
  maxSurge: number,
): KubeObject {
  const from = specReplicas(rs);
  const annotations = {
    ...(rs.metadata.annotations ?? {}),
    [desiredReplicasAnnotation]: String(specReplicas(d)),
    [maxReplicasAnnotation]: String(specReplicas(d) + maxSurge),
  };
  if (from === to && canonicalJson(annotations) === canonicalJson(rs.metadata.annotations ?? {}))
    return rs;
  const updated = ctx.update(rsKind, {
    ...rs,
    metadata: { ...rs.metadata, annotations },
    spec: { ...(rs['spec'] as object), replicas: to },
  });
  if (updated instanceof ApiError) return rs;
  if (from !== to) scaledEvent(ctx, d, updated, to > from ? 'up' : 'down', to);
  return updated;
}

/** Deletes the oldest scaled-down ReplicaSets beyond revisionHistoryLimit (default 10, D5). */
export function cleanupHistory(
  ctx: ControllerContext,
  rsKind: KindDescriptor,
  d: KubeObject,
  olds: KubeObject[],
  hasPods: (rs: KubeObject) => boolean,
): void {
  const limit = ((d['spec'] ?? {}) as DeploymentSpec).revisionHistoryLimit ?? 10;
  const idle = olds
    .filter(
      (rs) =>
        specReplicas(rs) === 0 &&
        ((rs['status'] as { replicas?: number } | undefined)?.replicas ?? 0) === 0 &&
        !hasPods(rs),
    )
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit)))
    ctx.remove(rsKind, rs.metadata.namespace, rs.metadata.name);
}
