/**
 * E6 at the API: an EIPPool whose EIPs are bound to pods cannot be deleted; the pods have to go
 * first. Answered as 409 Conflict naming the pods, so `kubectl delete eippool` prints why.
 */
import type { AdmissionPlugin } from '../api/context.ts';
import { eipInventory, isPodUser } from '../cloud/eipInventory.ts';
import { ApiError } from '../http/errors.ts';
import { eipPoolKind, poolKey } from '../controllers/eipPoolModel.ts';

export const eipPoolDeletionAdmission: AdmissionPlugin = (request) => {
  if (request.operation !== 'DELETE' || request.kind.storageKey !== eipPoolKind.storageKey) return;
  const { name, namespace } = request.object.metadata;
  if (!namespace) return;
  const pods = eipInventory(request.store)
    .inPool(poolKey(namespace, name))
    .flatMap((eip) => (isPodUser(eip.usedBy) ? [eip.usedBy.pod.name] : []))
    .sort();
  if (pods.length === 0) return;
  const list = pods.map((p) => `"${p}"`).join(', ');
  throw new ApiError(
    409,
    'Conflict',
    `eippools.crd.yangtse.cni "${name}" cannot be deleted while pods use its EIPs: ${list}. Delete those pods first (E6).`,
    { name, group: eipPoolKind.group, kind: eipPoolKind.plural },
  );
};
