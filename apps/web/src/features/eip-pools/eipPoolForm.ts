/**
 * The EIP pool screens as pure data: the manifest a create form sends (E2 dynamic, E3 static),
 * its violations from the shared validators, and how pools, their EIPs and the pods holding
 * them read (E4, E6).
 */
import { validateDocument, type RuleContext, type RuleViolation } from '@cci/model';
import type { KubeObject } from '../resources/objects.ts';
import { ofKind } from '../../lib/kube/objects.ts';

export const POOL_ANNOTATION = 'yangtse.io/eip-pool';
export const ALLOCATED_EIP_ANNOTATION = 'yangtse.io/allocated-ipv4-eip';

export interface EipPoolForm {
  name: string;
  mode: 'dynamic' | 'static';
  amount: number | string;
  networkType: string;
  ipVersion: 4 | 6;
  shareType: 'PER' | 'WHOLE';
  bandwidthId: string;
  bandwidthName: string;
  size: number | string;
  chargeMode: 'bandwidth' | 'traffic';
  /** Static pool: addresses, one per line (or separated by commas/spaces). */
  eipsText: string;
}

export const defaultPoolForm: EipPoolForm = {
  name: '',
  mode: 'dynamic',
  amount: 3,
  networkType: '5_bgp',
  ipVersion: 4,
  shareType: 'PER',
  bandwidthId: '',
  bandwidthName: '',
  size: 5,
  chargeMode: 'bandwidth',
  eipsText: '',
};

export function parseAddresses(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/** Number inputs hand over '' while empty: keep it, so the validator names the missing field. */
function numberOrRaw(value: number | string): unknown {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? undefined : Number(value);
}

export function poolManifest(form: EipPoolForm, namespace: string): Record<string, unknown> {
  const metadata = { name: form.name, namespace };
  if (form.mode === 'static') {
    return {
      apiVersion: 'crd.yangtse.cni/v1',
      kind: 'EIPPool',
      metadata,
      spec: { eips: parseAddresses(form.eipsText) },
    };
  }
  // E2: a shared (WHOLE) bandwidth takes its id and nothing else; a dedicated one name and size.
  const bandwidth =
    form.shareType === 'WHOLE'
      ? { id: form.bandwidthId.trim(), shareType: 'WHOLE' }
      : {
          ...(form.bandwidthName.trim() ? { name: form.bandwidthName.trim() } : {}),
          size: numberOrRaw(form.size),
          shareType: 'PER',
          chargeMode: form.chargeMode,
        };
  return {
    apiVersion: 'crd.yangtse.cni/v1',
    kind: 'EIPPool',
    metadata,
    spec: {
      amount: numberOrRaw(form.amount),
      eipAttributes: { networkType: form.networkType, ipVersion: form.ipVersion, bandwidth },
    },
  };
}

export interface PoolCheck {
  errors: RuleViolation[];
  warnings: RuleViolation[];
}

export function checkPool(doc: Record<string, unknown>, ctx: RuleContext = {}): PoolCheck {
  const found = validateDocument(doc, ctx);
  return {
    errors: found.filter((v) => v.severity === 'error'),
    warnings: found.filter((v) => v.severity !== 'error'),
  };
}

export function poolIsDynamic(pool: KubeObject): boolean {
  return !Array.isArray(ofKind<'EIPPool'>(pool).spec?.eips);
}

export interface PoolEip {
  address: string;
  eipID: string;
  /** The pod holding it (status.eips[].podName), if any. */
  pod: string | undefined;
}

export function poolEips(pool: KubeObject): PoolEip[] {
  return (ofKind<'EIPPool'>(pool).status?.eips ?? []).map((e) => ({
    address: e.address,
    eipID: e.eipID ?? '',
    pod: e.podName || undefined,
  }));
}

/** "used/total" of status.usage as numbers; counted from status.eips when usage is absent. */
export function poolUsage(pool: KubeObject): { used: number; total: number } {
  const match = /^(\d+)\/(\d+)$/.exec(ofKind<'EIPPool'>(pool).status?.usage ?? '');
  if (match) return { used: Number(match[1]), total: Number(match[2]) };
  const eips = poolEips(pool);
  return { used: eips.filter((e) => e.pod).length, total: eips.length };
}

/** E4, E6: pods that asked for this pool, with the address each got (if any yet). */
export function podsOfPool(pods: KubeObject[], pool: string): { pod: string; eip: string }[] {
  return pods
    .filter((p) => p.metadata.annotations?.[POOL_ANNOTATION] === pool)
    .map((p) => ({
      pod: p.metadata.name,
      eip: p.metadata.annotations?.[ALLOCATED_EIP_ANNOTATION] ?? '',
    }));
}

/** E5: a dynamic pool scales by amount only; a static pool changes its address list only. */
export function scaledPool(pool: KubeObject, amount: number): KubeObject {
  return { ...pool, spec: { ...pool.spec, amount } };
}

export function withAddresses(pool: KubeObject, addresses: string[]): KubeObject {
  return { ...pool, spec: { ...pool.spec, eips: addresses } };
}
