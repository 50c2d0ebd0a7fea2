import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  namespaceManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import { serviceAdmission } from './clusterIps.ts';
import { createEndpointsController } from './endpoints.ts';

let t: TestEmulator;
const base = '/api/v1/namespaces/ns-a';

interface Address {
  ip: string;
  targetRef: { kind: string; name: string; uid: string };
}
interface EndpointsBody {
  metadata: { name: string; labels?: Record<string, string> };
  subsets?: {
    addresses?: Address[];
    notReadyAddresses?: Address[];
    ports?: { name?: string; port: number; protocol: string }[];
  }[];
}

async function runPod(
  name: string,
  ip: string,
  ready: boolean,
  labels = { app: 'web' },
  portName = 'web',
) {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: {
      containers: [{ name: 'c', image: 'nginx', ports: [{ name: portName, containerPort: 8080 }] }],
    },
  };
  const created = (await t.api.post<{ metadata: Record<string, unknown> }>(`${base}/pods`, pod))
    .body;
  const status = {
    phase: 'Running',
    podIP: ip,
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
  };
  expect((await t.api.put(`${base}/pods/${name}/status`, { ...created, status })).status).toBe(200);
}

async function endpoints(name = 'web'): Promise<{ status: number; body: EndpointsBody }> {
  await t.settle();
  return t.api.get<EndpointsBody>(`${base}/endpoints/${name}`);
}

beforeEach(async () => {
  t = await startTestEmulator({
    controllers: [createEndpointsController()],
    admission: [serviceAdmission],
  });
  expect((await t.api.post('/api/v1/namespaces', namespaceManifest('ns-a'))).status).toBe(201);
  await t.api.post(`${base}/services`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', labels: { tier: 'front' } },
    spec: {
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, targetPort: 'web' },
        { name: 'metrics', port: 9100, targetPort: 9100 },
      ],
    },
  });
});
afterEach(() => t.close());

describe('Endpoints controller', () => {
  it('SV5 lists ready pods under addresses and the others under notReadyAddresses, ports mapped from targetPort', async () => {
    await runPod('web-1', '192.168.0.12', true);
    await runPod('web-2', '192.168.0.11', false);
    await runPod('db', '192.168.0.20', true, { app: 'db' });
    const ep = await endpoints();
    expect(ep.status).toBe(200);
    expect(ep.body.metadata.labels).toEqual({ tier: 'front' });
    expect(ep.body.subsets).toHaveLength(1);
    const [subset] = ep.body.subsets ?? [];
    expect(subset?.addresses?.map((a) => [a.ip, a.targetRef.kind, a.targetRef.name])).toEqual([
      ['192.168.0.12', 'Pod', 'web-1'],
    ]);
    expect(subset?.notReadyAddresses?.map((a) => a.ip)).toEqual(['192.168.0.11']);
    expect(subset?.ports).toEqual([
      { name: 'http', port: 8080, protocol: 'TCP' },
      { name: 'metrics', port: 9100, protocol: 'TCP' },
    ]);
  });

  it('SV5 follows readiness and label changes, and leaves out pods without an IP', async () => {
    await runPod('web-1', '192.168.0.12', false);
    await t.api.post(`${base}/pods`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'pending', labels: { app: 'web' } },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    expect((await endpoints()).body.subsets?.[0]?.addresses).toBeUndefined();

    const pod = (await t.api.get<Record<string, unknown>>(`${base}/pods/web-1`)).body;
    await t.api.put(`${base}/pods/web-1/status`, {
      ...pod,
      status: {
        phase: 'Running',
        podIP: '192.168.0.12',
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    });
    const ready = await endpoints();
    expect(ready.body.subsets?.[0]?.addresses?.map((a) => a.targetRef.name)).toEqual(['web-1']);
    expect(JSON.stringify(ready.body)).not.toContain('pending');

    await t.api.patch(
      `${base}/pods/web-1`,
      { metadata: { labels: { app: 'other' } } },
      'application/merge-patch+json',
    );
    expect((await endpoints()).body.subsets).toBeUndefined();
  });

  it('SV5 a pod lacking the named port gets a subset with the numeric ports only', async () => {
    await runPod('web-1', '192.168.0.12', true);
    await runPod('web-odd', '192.168.0.13', true, { app: 'web' }, 'other');
    const subsets = (await endpoints()).body.subsets ?? [];
    expect(subsets).toHaveLength(2);
    const odd = subsets.find((s) => s.addresses?.[0]?.targetRef.name === 'web-odd');
    expect(odd?.ports).toEqual([{ name: 'metrics', port: 9100, protocol: 'TCP' }]);
  });

  it('SV5 restores edited Endpoints and deletes them with the Service', async () => {
    await runPod('web-1', '192.168.0.12', true);
    const ep = (await endpoints()).body;
    await t.api.put(`${base}/endpoints/web`, { ...ep, subsets: [] });
    expect((await endpoints()).body.subsets?.[0]?.addresses?.[0]?.ip).toBe('192.168.0.12');
    await t.api.delete(`${base}/services/web`);
    expect((await endpoints()).status).toBe(404);
  });

  it('SV5 leaves hand-written Endpoints of a selector-less Service alone', async () => {
    await t.api.post(`${base}/services`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'external' },
      spec: { ports: [{ port: 5432 }] },
    });
    const manual = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'external' },
      subsets: [{ addresses: [{ ip: '10.0.0.5' }], ports: [{ port: 5432 }] }],
    };
    expect((await t.api.post(`${base}/endpoints`, manual)).status).toBe(201);
    await runPod('web-1', '192.168.0.12', true);
    expect((await endpoints('external')).body.subsets).toEqual(manual.subsets);
  });
});
