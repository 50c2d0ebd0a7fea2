/**
 * The EIPPool controller (E2-E6, E9): keeps each pool's EIPs in the emulated EIP service and
 * reports them in status.eips / status.usage (what `kubectl get eippool` prints as EIPS and
 * USAGE, e.g. "1/3").
 *
 * - Dynamic pool: creates EIPs until there are `amount`; scaling down deletes free ones only, an
 *   EIP in use goes once its pod releases it (E5).
 * - Static pool: takes over the listed addresses when they exist, are free and belong to no other
 *   pool; otherwise status.conditions[Ready] is False with the reason and a Warning event is
 *   recorded (E3). An address removed from the list is handed back once free.
 * - Pool gone: its dynamic EIPs are deleted and static ones handed back (E6); an EIP still bound
 *   to a pod waits for the pod. Deleting a pool in use is refused by eipAdmission.ts (E6).
 *
 * Status beyond the CRD schema: `conditions` (one `Ready` condition).
 */
import {
  describeUser,
  eipInventory,
  eipRecordKind,
  EipInventoryExhausted,
  eipOfRecord,
  isPodUser,
} from '../cloud/eipInventory.ts';
import type { Eip, EipInventory } from '../cloud/eipInventory.ts';
import { timestamp } from '../api/metadata.ts';
import { ApiError } from '../http/errors.ts';
import type { KubeObject } from '../store/types.ts';
import {
  dynamicAmount,
  eipPoolKind,
  poolEipAttributes,
  poolKey,
  staticAddresses,
  truncateCloudName,
} from './eipPoolModel.ts';
import { objectKey, splitKey, type Controller, type ControllerContext } from './runtime.ts';

const ADDRESS_KEY = 'address:';

interface Problem {
  reason: string;
  message: string;
}

interface ReadyCondition {
  type: 'Ready';
  status: 'True' | 'False';
  reason: string;
  message: string;
  lastTransitionTime: string;
}

function byAddress(a: Eip, b: Eip): number {
  return a.address.localeCompare(b.address, 'en', { numeric: true });
}

function handBack(inventory: EipInventory, eip: Eip): void {
  if (eip.createdWith === 'pool') inventory.remove(eip.id);
  else inventory.save({ ...eip, pool: undefined });
}

function scaleDynamic(
  ctx: ControllerContext,
  inventory: EipInventory,
  pool: KubeObject,
  key: string,
  amount: number,
): Problem[] {
  const members = inventory.inPool(key);
  if (members.length > amount) {
    const free = members
      .filter((e) => e.usedBy === undefined)
      .sort(byAddress)
      .reverse();
    for (const eip of free.slice(0, members.length - amount)) inventory.remove(eip.id);
    return [];
  }
  const attributes = poolEipAttributes(pool);
  try {
    for (let i = members.length; i < amount; i++) {
      inventory.create(
        {
          ...attributes,
          name: truncateCloudName(pool.metadata.name),
          pool: key,
          createdWith: 'pool',
        },
        ctx.clock.now(),
      );
    }
  } catch (e) {
    if (!(e instanceof EipInventoryExhausted)) throw e;
    return [{ reason: 'CreateEIPFailed', message: e.message }];
  }
  return [];
}

function takeOverStatic(inventory: EipInventory, pool: KubeObject, key: string): Problem[] {
  const wanted = staticAddresses(pool);
  const problems: Problem[] = [];
  for (const address of wanted) {
    const eip = inventory.byAddress(address);
    if (!eip) problems.push({ reason: 'EIPNotFound', message: `EIP ${address} does not exist` });
    else if (eip.pool === key) continue;
    else if (eip.pool !== undefined)
      problems.push({
        reason: 'EIPInOtherPool',
        message: `EIP ${address} already belongs to EIPPool ${eip.pool}`,
      });
    else if (eip.usedBy !== undefined)
      problems.push({
        reason: 'EIPInUse',
        message: `EIP ${address} is used by ${describeUser(eip.usedBy)} and cannot be taken over`,
      });
    else if (eip.createdWith !== 'user')
      problems.push({
        reason: 'EIPNotTakeable',
        message: `EIP ${address} was not created by the user`,
      });
    else inventory.save({ ...eip, pool: key });
  }
  for (const eip of inventory.inPool(key)) {
    if (!wanted.includes(eip.address) && eip.usedBy === undefined) handBack(inventory, eip);
  }
  return problems;
}

function readyCondition(
  previous: unknown,
  problems: Problem[],
  total: number,
  now: Date,
): ReadyCondition {
  const next: Omit<ReadyCondition, 'lastTransitionTime'> =
    problems.length > 0
      ? {
          type: 'Ready',
          status: 'False',
          reason: problems[0]?.reason ?? 'Failed',
          message: problems.map((p) => p.message).join('; '),
        }
      : {
          type: 'Ready',
          status: 'True',
          reason: 'EIPsReady',
          message: `${total} EIP(s) in the pool`,
        };
  const old = (Array.isArray(previous) ? previous : []).find(
    (c): c is ReadyCondition =>
      typeof c === 'object' && c !== null && (c as ReadyCondition).type === 'Ready',
  );
  const unchanged = old && old.status === next.status && old.reason === next.reason;
  return { ...next, lastTransitionTime: unchanged ? old.lastTransitionTime : timestamp(now) };
}

function poolStatus(
  inventory: EipInventory,
  key: string,
  problems: Problem[],
  previous: Record<string, unknown>,
  now: Date,
): Record<string, unknown> {
  const members = inventory.inPool(key).sort(byAddress);
  const eips = members.map((eip) => {
    const entry: Record<string, string> = { address: eip.address, eipID: eip.id };
    if (isPodUser(eip.usedBy)) entry['podName'] = eip.usedBy.pod.name;
    return entry;
  });
  const used = eips.filter((e) => e['podName'] !== undefined).length;
  return {
    ...previous,
    eips,
    usage: `${used}/${members.length}`,
    conditions: [readyCondition(previous['conditions'], problems, members.length, now)],
  };
}

function reconcilePool(ctx: ControllerContext, namespace: string, name: string): void {
  const inventory = eipInventory(ctx.api.store);
  const key = poolKey(namespace, name);
  const pool = ctx.get(eipPoolKind, namespace, name);
  if (!pool) {
    for (const eip of inventory.inPool(key)) if (eip.usedBy === undefined) handBack(inventory, eip);
    return;
  }
  if (pool.metadata.deletionTimestamp) return;
  const amount = dynamicAmount(pool);
  const problems =
    amount !== undefined
      ? scaleDynamic(ctx, inventory, pool, key, amount)
      : takeOverStatic(inventory, pool, key);
  const previous = (pool['status'] ?? {}) as Record<string, unknown>;
  const status = poolStatus(inventory, key, problems, previous, ctx.clock.now());
  if (JSON.stringify(status) === JSON.stringify(previous)) return;
  const written = ctx.updateStatus(eipPoolKind, { ...pool, status });
  const failure = (status['conditions'] as ReadyCondition[])[0];
  const before = JSON.stringify(
    (previous['conditions'] as ReadyCondition[] | undefined)?.[0]?.message,
  );
  if (
    failure?.status === 'False' &&
    JSON.stringify(failure.message) !== before &&
    !(written instanceof ApiError)
  ) {
    ctx.event({
      involved: written,
      type: 'Warning',
      reason: failure.reason,
      message: failure.message,
      source: 'eippool-controller',
    });
  }
}

/** Pools whose listed addresses include this one (a freed EIP may now be taken over). */
function reconcilePoolsListing(ctx: ControllerContext, address: string): void {
  for (const pool of ctx.list(eipPoolKind)) {
    if (staticAddresses(pool).includes(address) && pool.metadata.namespace) {
      reconcilePool(ctx, pool.metadata.namespace, pool.metadata.name);
    }
  }
}

export function createEipPoolController(): Controller {
  return {
    name: 'eippool-controller',
    watches: [
      { kind: eipPoolKind, keysFor: (pool) => [objectKey(pool)] },
      {
        kind: eipRecordKind,
        keysFor: (record) => {
          const eip = eipOfRecord(record);
          if (!eip) return [];
          return eip.pool !== undefined ? [eip.pool] : [`${ADDRESS_KEY}${eip.address}`];
        },
      },
    ],
    reconcile(key, ctx) {
      if (key.startsWith(ADDRESS_KEY))
        return reconcilePoolsListing(ctx, key.slice(ADDRESS_KEY.length));
      const { namespace, name } = splitKey(key);
      if (namespace !== undefined) reconcilePool(ctx, namespace, name);
    },
  };
}
