/**
 * Reading EIPPool documents (crd.yangtse.cni/v1) the way the pool and pod-EIP controllers
 * both need: which kind of pool it is and which EIPs it may hand out.
 */
import { findKindByResource, type KindDescriptor } from '@cci/model';
import type { Eip, EipBandwidth } from '../cloud/eipInventory.ts';
import type { KubeObject } from '../store/types.ts';

export const eipPoolKind = findKindByResource(
  'crd.yangtse.cni',
  'v1',
  'eippools',
) as KindDescriptor;

/** Names longer than this are cut for the underlying cloud resources (E1). */
export const CLOUD_NAME_MAX_BYTES = 29;

export function poolKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function specOf(pool: KubeObject): Record<string, unknown> {
  const spec = pool['spec'];
  return typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>) : {};
}

/** A dynamic pool has `amount`; anything else is static (E2, E3). */
export function dynamicAmount(pool: KubeObject): number | undefined {
  const amount = specOf(pool)['amount'];
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return undefined;
  return Math.max(0, Math.min(500, Math.floor(amount)));
}

/** Addresses a static pool lists, trimmed and de-duplicated. */
export function staticAddresses(pool: KubeObject): string[] {
  const eips = specOf(pool)['eips'];
  if (!Array.isArray(eips)) return [];
  const addresses = eips
    .filter((a): a is string => typeof a === 'string')
    .map((a) => a.trim().toLowerCase());
  return [...new Set(addresses)].filter((a) => a !== '');
}

/**
 * Whether the pool may give this member EIP to a pod: a static pool only hands out addresses it
 * still lists (one removed from spec.eips leaves once released, E5).
 */
export function isAllocatable(pool: KubeObject, eip: Eip): boolean {
  if (eip.usedBy !== undefined) return false;
  if (dynamicAmount(pool) !== undefined) return true;
  return staticAddresses(pool).includes(eip.address);
}

export function truncateCloudName(name: string): string {
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length <= CLOUD_NAME_MAX_BYTES) return name;
  // Names are DNS labels (ASCII), so cutting bytes never splits a character.
  return bytes.subarray(0, CLOUD_NAME_MAX_BYTES).toString('utf8').replace(/-+$/, '');
}

export interface PoolEipAttributes {
  networkType: string;
  ipVersion: 4 | 6;
  bandwidth: EipBandwidth;
}

/** What a dynamic pool's EIPs look like, with the defaults of E2. */
export function poolEipAttributes(pool: KubeObject): PoolEipAttributes {
  const attributes = (specOf(pool)['eipAttributes'] ?? {}) as Record<string, unknown>;
  const bw = (attributes['bandwidth'] ?? {}) as Record<string, unknown>;
  const ipVersion = attributes['ipVersion'] === 6 || attributes['ipVersion'] === '6' ? 6 : 4;
  const networkType =
    typeof attributes['networkType'] === 'string'
      ? attributes['networkType']
      : ipVersion === 6
        ? '5_ipv6'
        : '5_bgp';
  if (bw['shareType'] === 'WHOLE') {
    return {
      networkType,
      ipVersion,
      bandwidth: { shareType: 'WHOLE', id: String(bw['id'] ?? '') },
    };
  }
  return {
    networkType,
    ipVersion,
    bandwidth: {
      shareType: 'PER',
      name: typeof bw['name'] === 'string' ? bw['name'] : truncateCloudName(pool.metadata.name),
      size: typeof bw['size'] === 'number' ? bw['size'] : 5,
      chargeMode: bw['chargeMode'] === 'traffic' ? 'traffic' : 'bandwidth',
    },
  };
}
