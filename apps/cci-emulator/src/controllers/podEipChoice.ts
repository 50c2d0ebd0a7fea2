/**
 * Which EIP a pod gets for what it asked at creation (EIP2, EIP3, EIP1, E4), bound to it in the
 * emulated EIP service; or why it cannot have one yet (the controller turns that into a Warning).
 */
import type { ControllerContext } from './runtime.ts';
import { describeUser, EipInventoryExhausted } from '../cloud/eipInventory.ts';
import type { Eip, EipInventory } from '../cloud/eipInventory.ts';
import type { KubeObject } from '../store/types.ts';
import { dynamicAmount, eipPoolKind, isAllocatable, poolKey } from './eipPoolModel.ts';
import type { EipRequest } from './podEipRequest.ts';

export type EipOutcome =
  { eip: Eip; how: string } | { warning: string; message: string } | undefined;

function longestFreeFirst(a: Eip, b: Eip): number {
  return (
    (a.releasedAt ?? '').localeCompare(b.releasedAt ?? '') ||
    a.address.localeCompare(b.address, 'en', { numeric: true })
  );
}

export function chooseEip(
  ctx: ControllerContext,
  inventory: EipInventory,
  pod: KubeObject,
  request: EipRequest,
): EipOutcome {
  const namespace = pod.metadata.namespace ?? '';
  const podRef = { pod: { namespace, name: pod.metadata.name, uid: pod.metadata.uid ?? '' } };
  const bind = (eip: Eip, how: string): EipOutcome => ({
    eip: inventory.save({ ...eip, usedBy: podRef }),
    how,
  });
  switch (request.mode) {
    case 'none':
      return undefined;
    case 'id': {
      const eip = inventory.byId(request.eipId);
      if (!eip)
        return {
          warning: 'EIPNotFound',
          message: `EIP ${request.eipId} (yangtse.io/eip-id) does not exist`,
        };
      if (eip.pool !== undefined)
        return {
          warning: 'EIPFromPool',
          message: `EIP ${request.eipId} (${eip.address}) belongs to EIPPool ${eip.pool}: yangtse.io/eip-id only binds EIPs created by the user (EIP2)`,
        };
      if (eip.usedBy !== undefined)
        return {
          warning: 'EIPInUse',
          message: `EIP ${request.eipId} (${eip.address}) is used by ${describeUser(eip.usedBy)}; the pod waits until it is released`,
        };
      return bind(eip, `bound EIP ${eip.address} (${eip.id}) from yangtse.io/eip-id`);
    }
    case 'pod': {
      if ('invalid' in request) return { warning: 'InvalidEIPOptions', message: request.invalid };
      const name = pod.metadata.name.slice(0, 64);
      const bandwidth = { ...request.options.bandwidth };
      if (bandwidth.shareType === 'PER') bandwidth.name ??= name;
      try {
        const eip = inventory.create(
          {
            name,
            ipVersion: 4,
            networkType: request.options.networkType,
            bandwidth,
            usedBy: podRef,
            createdWith: 'pod',
          },
          ctx.clock.now(),
        );
        return {
          eip,
          how: `created EIP ${eip.address} (${eip.id}) with the pod (yangtse.io/pod-with-eip)`,
        };
      } catch (e) {
        if (e instanceof EipInventoryExhausted)
          return { warning: 'CreateEIPFailed', message: e.message };
        throw e;
      }
    }
    case 'pool': {
      const pool = ctx.get(eipPoolKind, namespace, request.pool);
      if (!pool)
        return {
          warning: 'EIPPoolNotFound',
          message: `EIPPool ${request.pool} not found in namespace ${namespace}; the pod waits for it`,
        };
      const members = inventory.inPool(poolKey(namespace, request.pool));
      // A pool scaled below its EIPs in use is shrinking: a freed EIP goes, it is not handed out (E5).
      const amount = dynamicAmount(pool);
      const shrinking = amount !== undefined && members.length > amount;
      const free = shrinking
        ? undefined
        : members.filter((e) => isAllocatable(pool, e)).sort(longestFreeFirst)[0];
      if (!free) {
        const used = members.filter((e) => e.usedBy !== undefined).length;
        return {
          warning: 'NoFreeEIP',
          message: `EIPPool ${request.pool} has no free EIP (${used}/${members.length} in use); the pod waits until one is released or the pool grows`,
        };
      }
      return bind(free, `bound EIP ${free.address} (${free.id}) from EIPPool ${request.pool}`);
    }
  }
}
