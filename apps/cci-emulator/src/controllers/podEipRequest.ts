/**
 * What a pod's annotations ask of the EIP service (E4, EIP1-EIP3): bind an existing EIP
 * (`yangtse.io/eip-id`), create one with the pod (`yangtse.io/pod-with-eip: "true"` plus
 * options) or take one from a pool (`yangtse.io/eip-pool`), in that order of priority (EIP3).
 */
import type { EipBandwidth } from '../cloud/eipInventory.ts';

export const eipAnnotations = {
  eipId: 'yangtse.io/eip-id',
  podWithEip: 'yangtse.io/pod-with-eip',
  pool: 'yangtse.io/eip-pool',
  bandwidthSize: 'yangtse.io/eip-bandwidth-size',
  networkType: 'yangtse.io/eip-network-type',
  chargeMode: 'yangtse.io/eip-charge-mode',
  bandwidthName: 'yangtse.io/eip-bandwidth-name',
  bandwidthId: 'yangtse.io/eip-bandwidth-id',
  /** Written by the emulator once the pod holds an EIP (E4, EIP7). */
  allocated: 'yangtse.io/allocated-ipv4-eip',
} as const;

/** The annotations that only count at pod creation (EIP4); `allocated` is the emulator's own. */
const requestKeys = Object.values(eipAnnotations).filter((k) => k !== eipAnnotations.allocated);

export interface PodEipOptions {
  networkType: string;
  /** Without a name, the bandwidth takes the EIP's name (EIP1). */
  bandwidth: EipBandwidth;
}

export type EipRequest =
  | { mode: 'none' }
  | { mode: 'id'; eipId: string }
  | { mode: 'pod'; options: PodEipOptions }
  | { mode: 'pod'; invalid: string }
  | { mode: 'pool'; pool: string };

function podEipOptions(annotations: Record<string, string>): PodEipOptions | string {
  const networkType = annotations[eipAnnotations.networkType] || '5_bgp';
  const sharedId = annotations[eipAnnotations.bandwidthId];
  if (sharedId) return { networkType, bandwidth: { shareType: 'WHOLE', id: sharedId } };
  const sizeText = annotations[eipAnnotations.bandwidthSize] ?? '5';
  const size = /^\d+$/.test(sizeText.trim()) ? Number(sizeText.trim()) : NaN;
  if (!(size >= 1))
    return `${eipAnnotations.bandwidthSize} must be a whole number of Mbit/s, got "${sizeText}"`;
  const chargeMode = annotations[eipAnnotations.chargeMode] || 'bandwidth';
  if (chargeMode !== 'bandwidth' && chargeMode !== 'traffic') {
    return `${eipAnnotations.chargeMode} must be bandwidth or traffic, got "${chargeMode}"`;
  }
  const bandwidth: EipBandwidth = { shareType: 'PER', size, chargeMode };
  const name = annotations[eipAnnotations.bandwidthName];
  if (name) bandwidth.name = name;
  return { networkType, bandwidth };
}

export function eipRequestOf(annotations: Record<string, string> | undefined): EipRequest {
  const a = annotations ?? {};
  const eipId = a[eipAnnotations.eipId]?.trim();
  if (eipId) return { mode: 'id', eipId };
  if (a[eipAnnotations.podWithEip] === 'true') {
    const options = podEipOptions(a);
    return typeof options === 'string'
      ? { mode: 'pod', invalid: options }
      : { mode: 'pod', options };
  }
  const pool = a[eipAnnotations.pool]?.trim();
  if (pool) return { mode: 'pool', pool };
  return { mode: 'none' };
}

/** The EIP annotations of a pod as one comparable string (EIP4 detects later changes). */
export function eipAnnotationFingerprint(annotations: Record<string, string> | undefined): string {
  const a = annotations ?? {};
  return JSON.stringify(requestKeys.map((k) => a[k] ?? null));
}

/** Names of the EIP annotations that differ between two fingerprints (for the EIP4 message). */
export function changedEipAnnotations(before: string, after: string): string[] {
  const b = JSON.parse(before) as (string | null)[];
  const a = JSON.parse(after) as (string | null)[];
  return requestKeys.filter((_k, i) => b[i] !== a[i]);
}
