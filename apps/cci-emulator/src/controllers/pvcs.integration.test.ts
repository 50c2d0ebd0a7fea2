import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  namespaceManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import { createPvcController, PVC_BIND_MS } from './pvcs.ts';

let t: TestEmulator;
const claims = '/api/v1/namespaces/ns-a/persistentvolumeclaims';

interface ClaimBody {
  metadata: { uid: string; annotations?: Record<string, string> };
  spec: { volumeName?: string };
  status?: { phase?: string; capacity?: { storage?: string }; accessModes?: string[] };
}

const claim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'cci-evs' },
  spec: {
    storageClassName: 'sas',
    accessModes: ['ReadWriteMany'],
    resources: { requests: { storage: '10Gi' } },
  },
};

beforeEach(async () => {
  t = await startTestEmulator({ controllers: [createPvcController()] });
  expect((await t.api.post('/api/v1/namespaces', namespaceManifest('ns-a'))).status).toBe(201);
});
afterEach(() => t.close());

describe('PersistentVolumeClaim controller', () => {
  it('PV1 a claim is Pending, then Bound to pvc-<uid> with the requested capacity and access modes', async () => {
    const created = (await t.api.post<ClaimBody>(claims, claim)).body;
    await t.settle();
    const get = async () => (await t.api.get<ClaimBody>(`${claims}/cci-evs`)).body;
    expect((await get()).status).toEqual({ phase: 'Pending' });
    await t.advance(PVC_BIND_MS - 1000);
    expect((await get()).status?.phase).toBe('Pending');
    await t.advance(1000);
    const bound = await get();
    expect(bound.spec.volumeName).toBe(`pvc-${created.metadata.uid}`);
    expect(bound.status).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteMany'],
      capacity: { storage: '10Gi' },
    });
    expect(bound.metadata.annotations?.['pv.kubernetes.io/bind-completed']).toBe('yes');
    const events = (
      await t.api.get<{ items: { reason: string }[] }>('/api/v1/namespaces/ns-a/events')
    ).body.items;
    expect(events.map((e) => e.reason)).toEqual(['ProvisioningSucceeded']);
  });
});
