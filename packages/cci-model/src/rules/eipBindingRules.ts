/**
 * Binding an EIP that already exists (seed 8.3, EIP2/EIP5) or one of an EIPPool (seed 7.3, E4):
 * the checks that look the EIP or the pool up in the emulator's inventory.
 */
import { eipAnnotations as a } from './eipAnnotationRules.ts';
import {
  annotationPath,
  annotationsOf,
  asRecord,
  effectiveNamespace,
  perPodSpec,
  text,
  violation,
  type PodSpecView,
  failure,
} from './podTemplates.ts';
import type { RuleContext, RuleViolation } from './types.ts';

/** How many pods run the template at once: replicas, or a Job's parallelism (default 1). */
function replicasOf(doc: Record<string, unknown>): number {
  const spec = asRecord(doc.spec) ?? {};
  const count =
    doc.kind === 'CronJob'
      ? asRecord(asRecord(spec.jobTemplate)?.spec)?.parallelism
      : doc.kind === 'Job'
        ? spec.parallelism
        : spec.replicas;
  return typeof count === 'number' ? count : 1;
}

function checkExistingEip(
  pod: PodSpecView,
  ctx: RuleContext,
  doc: Record<string, unknown>,
): RuleViolation[] {
  const id = annotationsOf(pod.metadata)[a.eipId];
  if (id === undefined) return [];
  const path = annotationPath(pod.metadataPath, a.eipId);
  if (typeof id !== 'string' || id.trim() === '') {
    return failure('EIP2', path)(
      `${a.eipId} must be the ID of an EIP shown on the EIP console`,
      `${a.eipId} 必须是弹性公网 IP 页面中能查到的 EIP ID`,
    );
  }
  const found: RuleViolation[] = [];
  const replicas = replicasOf(doc);
  if (replicas > 1) {
    found.push(
      violation(
        'EIP5',
        path,
        'warning',
        text(
          `${replicas} pods would share EIP ${id}, but an EIP binds to one pod only; use 1 replica, ${a.podWithEip}: "true" or an EIPPool`,
          `${replicas} 个 Pod 将共用 EIP ${id}，但一个 EIP 只能绑定一个 Pod；请使用 1 个副本，或改用 ${a.podWithEip}: "true" 或 EIPPool`,
        ),
      ),
    );
  }
  // On update a pod keeps the EIP it was created with (EIP4), so only creations look it up.
  if (ctx.eipById === undefined || (pod.kind === 'Pod' && ctx.operation === 'UPDATE')) return found;
  const eip = ctx.eipById(id);
  if (eip === undefined) {
    return [
      ...found,
      violation(
        'EIP2',
        path,
        'error',
        text(
          `EIP "${id}" not found; ${a.eipId} must name an existing EIP created for pods`,
          `EIP“${id}”不存在；${a.eipId} 必须是已创建的 EIP 的 ID`,
        ),
        { status: 404 },
      ),
    ];
  }
  if (eip.pool !== undefined) {
    found.push(
      violation(
        'EIP2',
        path,
        'error',
        text(
          `EIP ${id} (${eip.address}) belongs to EIPPool "${eip.pool}"; bind only EIPs created by hand, or use ${a.eipPool}: ${eip.pool}`,
          `EIP ${id}（${eip.address}）属于 EIPPool“${eip.pool}”；只能绑定手动创建的 EIP，或改用 ${a.eipPool}: ${eip.pool}`,
        ),
      ),
    );
  }
  const name = asRecord(doc.metadata)?.name;
  const self = [String(name), `${effectiveNamespace(doc, ctx) ?? ''}/${String(name)}`];
  if (
    pod.kind === 'Pod' &&
    eip.usedBy !== undefined &&
    eip.usedBy !== '' &&
    !self.includes(eip.usedBy)
  ) {
    // Seed 8.1: a pod re-created by its workload waits until the previous pod has released the
    // EIP, so another pod holding it is a wait (warning); NAT/ELB holding it is a refusal.
    const heldByPod = eip.usedBy.includes('/');
    found.push(
      violation(
        'EIP5',
        path,
        heldByPod ? 'warning' : 'error',
        heldByPod
          ? text(
              `EIP ${id} (${eip.address}) is still bound to ${eip.usedBy}; this pod waits until it is released (one EIP binds one pod)`,
              `EIP ${id}（${eip.address}）仍绑定在 ${eip.usedBy}；本 Pod 将等待其解绑（一个 EIP 只能绑定一个 Pod）`,
            )
          : text(
              `EIP ${id} (${eip.address}) is already bound to ${eip.usedBy}; one EIP binds one pod`,
              `EIP ${id}（${eip.address}）已绑定到 ${eip.usedBy}；一个 EIP 只能绑定一个 Pod`,
            ),
        heldByPod ? {} : { status: 409 },
      ),
    );
  }
  return found;
}

/** EIP2/EIP5: an existing EIP is bound by id, is not from a pool, and serves one pod. */
export const checkEipId = perPodSpec(checkExistingEip);

/** E4 (pod side): the EIPPool named by the pod exists in the pod's namespace. */
export const checkEipPoolReference = perPodSpec((pod, ctx, doc) => {
  const pool = annotationsOf(pod.metadata)[a.eipPool];
  if (pool === undefined) return [];
  const path = annotationPath(pod.metadataPath, a.eipPool);
  if (typeof pool !== 'string' || pool.trim() === '') {
    return failure('E4', path)(
      `${a.eipPool} must name an EIPPool of this namespace`,
      `${a.eipPool} 必须填写本命名空间中的 EIPPool 名称`,
    );
  }
  const namespace = effectiveNamespace(doc, ctx);
  if (namespace === undefined || ctx.eipPool === undefined || ctx.eipPool(namespace, pool))
    return [];
  return failure('E4', path)(
    `eippools "${pool}" not found in namespace "${namespace}"; an EIPPool serves only pods of its own namespace`,
    `命名空间“${namespace}”中不存在 EIPPool“${pool}”；EIPPool 只能被同一命名空间的 Pod 使用`,
    { status: 404 },
  );
});

export const eipBindingRules = [checkEipId, checkEipPoolReference];
export const eipBindingRuleIds = ['EIP2', 'EIP5', 'E4'];
