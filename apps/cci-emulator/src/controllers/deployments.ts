// The Deployment controller (rules D1-D6): one ReplicaSet per pod template, rolled out with the
// RollingUpdate arithmetic of rollout.ts or Recreate (old pods all gone before new ones), status
// for `kubectl get deploy` / `kubectl rollout status`, revisions for `kubectl rollout undo|history`.
import { findKindByResource, type KindDescriptor } from '@cci/model';
import type { KubeObject } from '../store/types.ts';
import {
  cleanupHistory,
  createNewReplicaSet,
  revisionAnnotation,
  revisionOf,
  scaleReplicaSet,
  specReplicas,
  syncNewReplicaSet,
  type DeploymentSpec,
} from './deploymentReplicaSets.ts';
import { computeDeploymentStatus, deadlineMs, type DeploymentStatus } from './deploymentStatus.ts';
import { sameTemplateIgnoringHash, canonicalJson } from './podTemplateHash.ts';
import { fenceposts, newReplicaSetSize, oldReplicaSetSizes, type RsCount } from './rollout.ts';
import {
  objectKey,
  ownerKey,
  splitKey,
  type Controller,
  type ControllerContext,
} from './runtime.ts';
import {
  isActive,
  isAvailable,
  isControlledBy,
  scheduleStep,
  selectorOf,
  selects,
} from './workloadPods.ts';

export { DEPLOYMENT_CONTROLLER } from './deploymentReplicaSets.ts';
const replicaSetKeyPrefix = '@rs:';

function byAge(a: KubeObject, b: KubeObject): number {
  const t = (o: KubeObject) => Date.parse(o.metadata.creationTimestamp ?? '') || 0;
  return t(a) - t(b) || (a.metadata.name < b.metadata.name ? -1 : 1);
}

export function createDeploymentController(): Controller {
  const podKind = findKindByResource('', 'v1', 'pods') as KindDescriptor;
  const rsKind = findKindByResource('apps', 'v1', 'replicasets') as KindDescriptor;
  const deployKind = findKindByResource('apps', 'v1', 'deployments') as KindDescriptor;
  const deadlines = new Map<string, { atMs: number; cancel: () => void }>();

  function wakeAt(key: string, atMs: number, ctx: ControllerContext): void {
    const pending = deadlines.get(key);
    if (pending?.atMs === atMs) return;
    pending?.cancel();
    deadlines.set(key, {
      atMs,
      cancel: scheduleStep(ctx, atMs, `deployment-controller step of ${key}`, () => {
        deadlines.delete(key);
        controller.reconcile(key, ctx);
      }),
    });
  }

  function reconcileDeployment(key: string, ctx: ControllerContext): void {
    const { namespace, name } = splitKey(key);
    const d = ctx.get(deployKind, namespace, name);
    if (!d) {
      deadlines.get(key)?.cancel();
      deadlines.delete(key);
      return;
    }
    const spec = (d['spec'] ?? {}) as DeploymentSpec;
    const selector = selectorOf(d);
    // D1: a selector that does not select the template's pods is refused at admission; ignore it.
    if (
      d.metadata.deletionTimestamp ||
      !selector ||
      !selects(selector, { metadata: { name: '', labels: spec.template?.metadata?.labels ?? {} } })
    )
      return;
    const now = ctx.clock.now().getTime();
    const replicas = specReplicas(d);
    const { maxSurge, maxUnavailable } = fenceposts(spec.strategy, replicas);
    const pods = ctx.list(podKind, namespace);
    const owned = ctx
      .list(rsKind, namespace)
      .filter((rs) => isControlledBy(rs, d) && !rs.metadata.deletionTimestamp);
    let newRs = owned.find((rs) =>
      sameTemplateIgnoringHash((rs['spec'] as DeploymentSpec | undefined)?.template, spec.template),
    );
    let olds = owned.filter((rs) => rs !== newRs).sort(byAge);
    const maxOldRevision = Math.max(0, ...olds.map(revisionOf));
    const podsOf = (rs: KubeObject) => pods.filter((p) => isControlledBy(p, rs));
    const count = (rs: KubeObject): RsCount => ({
      name: rs.metadata.name,
      replicas: specReplicas(rs),
      available: Math.min(
        specReplicas(rs),
        podsOf(rs).filter((p) => isActive(p) && isAvailable(p, spec.minReadySeconds ?? 0, now))
          .length,
      ),
    });
    let createdNewRs = false;
    const create = (size: number): void => {
      const collisions = ((d['status'] ?? {}) as DeploymentStatus).collisionCount ?? 0;
      const created = createNewReplicaSet(
        ctx,
        rsKind,
        d,
        size,
        maxOldRevision + 1,
        maxSurge,
        collisions,
      );
      if (created === 'collision') {
        // Another object holds `<name>-<hash>`: the next hash comes from collisionCount + 1.
        ctx.updateStatus(deployKind, {
          ...d,
          status: { ...(d['status'] as object), collisionCount: collisions + 1 },
        });
        return;
      }
      newRs = created;
      createdNewRs = created !== undefined;
    };

    if (newRs) newRs = syncNewReplicaSet(ctx, rsKind, d, newRs, maxOldRevision, maxSurge);
    if (spec.paused) {
      // A paused Deployment only follows its replica count; its template waits.
      if (newRs && olds.every((rs) => specReplicas(rs) === 0))
        newRs = scaleReplicaSet(ctx, rsKind, d, newRs, replicas, maxSurge);
    } else if (spec.strategy?.type === 'Recreate') {
      const running = olds.filter((rs) => specReplicas(rs) > 0);
      olds = olds.map((rs) => scaleReplicaSet(ctx, rsKind, d, rs, 0, maxSurge));
      const stillRunning = (p: KubeObject) =>
        !['Succeeded', 'Failed'].includes(
          (p['status'] as { phase?: string } | undefined)?.phase ?? '',
        );
      const oldPodsLeft = running.length > 0 || olds.some((rs) => podsOf(rs).some(stillRunning));
      if (!oldPodsLeft) {
        if (!newRs) create(replicas);
        else newRs = scaleReplicaSet(ctx, rsKind, d, newRs, replicas, maxSurge);
      }
    } else {
      const total = owned.reduce((t, rs) => t + specReplicas(rs), 0);
      if (!newRs) create(newReplicaSetSize(replicas, maxSurge, total, 0));
      else
        newRs = scaleReplicaSet(
          ctx,
          rsKind,
          d,
          newRs,
          newReplicaSetSize(replicas, maxSurge, total, specReplicas(newRs)),
          maxSurge,
        );
      if (newRs) {
        const sizes = oldReplicaSetSizes(replicas, maxUnavailable, count(newRs), olds.map(count));
        olds = olds.map((rs) =>
          scaleReplicaSet(
            ctx,
            rsKind,
            d,
            rs,
            sizes.get(rs.metadata.name) ?? specReplicas(rs),
            maxSurge,
          ),
        );
      }
    }

    const live = ctx.get(deployKind, namespace, name) ?? d;
    const status = computeDeploymentStatus(
      live,
      newRs,
      [...(newRs ? [newRs] : []), ...olds],
      maxUnavailable,
      now,
      createdNewRs,
    );
    const revision = newRs
      ? String(revisionOf(newRs))
      : live.metadata.annotations?.[revisionAnnotation];
    let current = live;
    if (revision !== undefined && live.metadata.annotations?.[revisionAnnotation] !== revision) {
      const updated = ctx.update(deployKind, {
        ...live,
        metadata: {
          ...live.metadata,
          annotations: { ...(live.metadata.annotations ?? {}), [revisionAnnotation]: revision },
        },
      });
      if (!(updated instanceof Error)) current = updated;
    }
    if (canonicalJson(status) !== canonicalJson(current['status'] ?? {}))
      ctx.updateStatus(deployKind, { ...current, status });
    const complete = status.conditions?.some(
      (c) => c.type === 'Progressing' && c.reason === 'NewReplicaSetAvailable',
    );
    if (complete) cleanupHistory(ctx, rsKind, d, olds, (rs) => podsOf(rs).length > 0);
    const progressing = status.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.status === 'True' && !complete) wakeAt(key, deadlineMs(d, progressing), ctx);
  }

  const controller: Controller = {
    name: 'deployment-controller',
    watches: [
      { kind: deployKind, keysFor: (d) => [objectKey(d)] },
      { kind: rsKind, keysFor: (rs) => ownerKey(rs, 'Deployment') },
      // Pods changing under a ReplicaSet (Recreate waits for old pods to be gone).
      {
        kind: podKind,
        keysFor: (pod) => ownerKey(pod, 'ReplicaSet').map((k) => `${replicaSetKeyPrefix}${k}`),
      },
    ],
    reconcile(key, ctx) {
      if (!key.startsWith(replicaSetKeyPrefix)) return reconcileDeployment(key, ctx);
      const { namespace, name } = splitKey(key.slice(replicaSetKeyPrefix.length));
      const rs = ctx.get(rsKind, namespace, name);
      for (const owner of rs ? ownerKey(rs, 'Deployment') : []) reconcileDeployment(owner, ctx);
    },
  };
  return controller;
}
