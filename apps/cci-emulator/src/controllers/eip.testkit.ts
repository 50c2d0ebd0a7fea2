/** Shared steps of the EIP controller tests: an emulator with the EIP controllers, pools, pods. */
import {
  namespaceManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import { eipPoolDeletionAdmission } from '../admission/eipAdmission.ts';
import { listEips, type Eip } from '../cloud/eipInventory.ts';
import type { KubeObject } from '../store/types.ts';
import { createEipPoolController } from './eippools.ts';
import { createPodEipController } from './podEips.ts';

export const NS = 'eip-ns';
export const poolsPath = `/apis/crd.yangtse.cni/v1/namespaces/${NS}/eippools`;
export const podsPath = `/api/v1/namespaces/${NS}/pods`;
export const tableAccept = { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' };

/** `podEipsFirst` runs the pod-EIP controller before the pool controller (ordering races). */
export async function startEipEmulator(
  options: { podEipsFirst?: boolean } = {},
): Promise<TestEmulator> {
  const controllers = [createEipPoolController(), createPodEipController()];
  if (options.podEipsFirst) controllers.reverse();
  const t = await startTestEmulator({ controllers, admission: [eipPoolDeletionAdmission] });
  const res = await t.api.post('/api/v1/namespaces', namespaceManifest(NS));
  if (res.status !== 201) throw new Error(`namespace: ${res.text}`);
  return t;
}

export function dynamicPool(name: string, amount: number): object {
  return {
    apiVersion: 'crd.yangtse.cni/v1',
    kind: 'EIPPool',
    metadata: { name },
    spec: {
      amount,
      eipAttributes: {
        networkType: '5_bgp',
        ipVersion: 4,
        bandwidth: {
          name: `cci-${name}`.slice(0, 60),
          chargeMode: 'bandwidth',
          shareType: 'PER',
          size: 5,
        },
      },
    },
  };
}

export function staticPool(name: string, eips: string[]): object {
  return { apiVersion: 'crd.yangtse.cni/v1', kind: 'EIPPool', metadata: { name }, spec: { eips } };
}

export function pod(name: string, annotations: Record<string, string> = {}): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, annotations },
    spec: { containers: [{ name: 'c', image: 'nginx:latest' }] },
  };
}

export async function create(t: TestEmulator, path: string, body: object): Promise<void> {
  const res = await t.api.post(path, body);
  if (res.status !== 201) throw new Error(`create ${path}: ${res.status} ${res.text}`);
  await t.settle();
}

export async function remove(t: TestEmulator, path: string): Promise<void> {
  const res = await t.api.delete(path);
  if (res.status !== 200 && res.status !== 202)
    throw new Error(`delete ${path}: ${res.status} ${res.text}`);
  await t.settle();
}

export async function getPool(
  t: TestEmulator,
  name: string,
): Promise<KubeObject & { status?: PoolStatus }> {
  return (await t.api.get<KubeObject & { status?: PoolStatus }>(`${poolsPath}/${name}`)).body;
}

export interface PoolStatus {
  eips: { address: string; eipID: string; podName?: string }[];
  usage: string;
  conditions: { type: string; status: string; reason: string; message: string }[];
}

export async function allocatedAddress(
  t: TestEmulator,
  podName: string,
): Promise<string | undefined> {
  const res = await t.api.get<KubeObject>(`${podsPath}/${podName}`);
  return res.body.metadata.annotations?.['yangtse.io/allocated-ipv4-eip'];
}

export async function eventsFor(
  t: TestEmulator,
  name: string,
  namespace = NS,
): Promise<{ type: string; reason: string; message: string }[]> {
  const res = await t.api.get<{
    items: { type: string; reason: string; message: string; involvedObject: { name: string } }[];
  }>(`/api/v1/namespaces/${namespace}/events`);
  return res.body.items.filter((e) => e.involvedObject.name === name);
}

export function eips(t: TestEmulator): Eip[] {
  return listEips(t.emulator.store);
}

export function poolEips(t: TestEmulator, pool: string): Eip[] {
  return eips(t).filter((e) => e.pool === `${NS}/${pool}`);
}

export async function tableRow(t: TestEmulator, pool: string): Promise<Record<string, unknown>> {
  const res = await t.api.get<{
    columnDefinitions: { name: string }[];
    rows: { cells: unknown[] }[];
  }>(poolsPath, tableAccept);
  const names = res.body.columnDefinitions.map((c) => c.name);
  const row = res.body.rows.find((r) => r.cells[0] === pool);
  if (!row) throw new Error(`no table row for ${pool}`);
  return Object.fromEntries(names.map((n, i) => [n, row.cells[i]]));
}
