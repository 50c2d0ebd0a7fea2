import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  namespaceManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import { isInServiceRange, serviceAdmission, serviceKind } from './clusterIps.ts';
import { createKubeDnsController, createServiceController } from './services.ts';

let t: TestEmulator;
const services = '/api/v1/namespaces/ns-a/services';

interface ServiceBody {
  metadata: { name: string; labels?: Record<string, string> };
  spec: {
    clusterIP?: string;
    type?: string;
    selector?: Record<string, string>;
    ports?: Record<string, unknown>[];
  };
  status?: { loadBalancer?: { ingress?: { ip: string }[] } };
}

function service(
  name: string,
  extra: { spec?: Record<string, unknown>; annotations?: Record<string, string> } = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    spec: {
      selector: { app: name },
      ports: [{ name: 'service0', port: 8080, targetPort: 80 }],
      ...extra.spec,
    },
  };
}

async function getService(name: string, ns = 'ns-a'): Promise<ServiceBody> {
  return (await t.api.get<ServiceBody>(`/api/v1/namespaces/${ns}/services/${name}`)).body;
}

beforeEach(async () => {
  t = await startTestEmulator({
    controllers: [createServiceController(), createKubeDnsController()],
    admission: [serviceAdmission],
  });
  expect((await t.api.post('/api/v1/namespaces', namespaceManifest('ns-a'))).status).toBe(201);
  await t.settle();
});
afterEach(() => t.close());

describe('Service controllers', () => {
  it('SV3 every new namespace gets a kube-dns Service (53/UDP dns, 53/TCP dns-tcp) with a ClusterIP in 10.247.0.0/16', async () => {
    await t.api.post('/api/v1/namespaces', namespaceManifest('ns-b'));
    await t.settle();
    for (const ns of ['ns-a', 'ns-b']) {
      const dns = await getService('kube-dns', ns);
      expect(dns.spec).toMatchObject({
        type: 'ClusterIP',
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        ],
      });
      expect(isInServiceRange(dns.spec.clusterIP ?? '')).toBe(true);
    }
    expect((await getService('kube-dns', 'ns-a')).spec.clusterIP).not.toBe(
      (await getService('kube-dns', 'ns-b')).spec.clusterIP,
    );
  });

  it('SV3 kube-dns comes back when it is deleted', async () => {
    expect((await t.api.delete(`${services}/kube-dns`)).status).toBe(200);
    await t.settle();
    expect((await t.api.get(`${services}/kube-dns`)).status).toBe(200);
  });

  it('SV3 ClusterIPs are allocated at create, unique, and never .0/.1/.255.255; defaults are filled', async () => {
    const created = await t.api.post<ServiceBody>(services, service('nginx'));
    expect(created.status).toBe(201);
    expect(isInServiceRange(created.body.spec.clusterIP ?? '')).toBe(true);
    expect(created.body.spec).toMatchObject({
      type: 'ClusterIP',
      ports: [{ protocol: 'TCP', targetPort: 80 }],
    });
    const ips = new Set<string>([created.body.spec.clusterIP ?? '']);
    for (let i = 0; i < 20; i++) {
      const res = await t.api.post<ServiceBody>(services, service(`svc-${i}`));
      ips.add(res.body.spec.clusterIP ?? '');
    }
    ips.add((await getService('kube-dns')).spec.clusterIP ?? '');
    expect(ips.size).toBe(22);
    for (const reserved of ['10.247.0.0', '10.247.0.1', '10.247.255.255'])
      expect(ips.has(reserved)).toBe(false);
  });

  it('SV3 a requested free ClusterIP is honoured; a taken or out-of-range one is refused with 422', async () => {
    const asked = await t.api.post<ServiceBody>(
      services,
      service('fixed', { spec: { clusterIP: '10.247.100.100' } }),
    );
    expect(asked.body.spec.clusterIP).toBe('10.247.100.100');
    const taken = await t.api.post(
      services,
      service('clash', { spec: { clusterIP: '10.247.100.100' } }),
    );
    expect(taken.status).toBe(422);
    expect(taken.text).toContain('already allocated');
    const outside = await t.api.post(
      services,
      service('outside', { spec: { clusterIP: '192.168.0.10' } }),
    );
    expect(outside.status).toBe(422);
    expect(outside.text).toContain('10.247.0.0/16');
    const headless = await t.api.post<ServiceBody>(
      services,
      service('headless', { spec: { clusterIP: 'None' } }),
    );
    expect(headless.body.spec.clusterIP).toBe('None');
  });

  it('SV3 the ClusterIP is immutable; an update that leaves it out keeps it', async () => {
    const created = (await t.api.post<ServiceBody>(services, service('nginx'))).body;
    const ip = created.spec.clusterIP;
    const { clusterIP: _drop, ...specWithout } = created.spec;
    const kept = await t.api.put<ServiceBody>(`${services}/nginx`, {
      ...created,
      spec: { ...specWithout, selector: { app: 'web' } },
    });
    expect(kept.status).toBe(200);
    expect(kept.body.spec.clusterIP).toBe(ip);
    const changed = await t.api.put(`${services}/nginx`, {
      ...kept.body,
      spec: { ...kept.body.spec, clusterIP: '10.247.1.1' },
    });
    expect(changed.status).toBe(422);
    expect(changed.text).toContain('field is immutable');
  });

  it('SV2 a LoadBalancer Service gets its ELB address: elb.ip annotation, shared ELB, else 192.0.2.0/24', async () => {
    const lb = (name: string, annotations: Record<string, string>) =>
      service(name, { spec: { type: 'LoadBalancer' }, annotations });
    await t.api.post(
      services,
      lb('with-ip', { 'kubernetes.io/elb.id': 'elb-1', 'kubernetes.io/elb.ip': '192.168.137.182' }),
    );
    await t.api.post(services, lb('same-elb', { 'kubernetes.io/elb.id': 'elb-1' }));
    await t.api.post(services, lb('other-elb', { 'kubernetes.io/elb.id': 'elb-2' }));
    await t.settle();
    const ingressIp = async (name: string) =>
      (await getService(name)).status?.loadBalancer?.ingress?.[0]?.ip;
    expect(await ingressIp('with-ip')).toBe('192.168.137.182');
    expect(await ingressIp('same-elb')).toBe('192.168.137.182');
    const other = await ingressIp('other-elb');
    expect(other).toMatch(/^192\.0\.2\.\d+$/);
    expect(other).not.toMatch(/\.(0|1|255)$/);

    // Turned into a ClusterIP Service, it loses the ELB address.
    const current = await getService('other-elb');
    await t.api.put(`${services}/other-elb`, {
      ...current,
      spec: { ...current.spec, type: 'ClusterIP' },
    });
    await t.settle();
    expect((await getService('other-elb')).status?.loadBalancer).toEqual({});
  });

  it('SV3 the service controller addresses a Service stored without a ClusterIP', async () => {
    const bare = {
      ...service('bare'),
      metadata: {
        name: 'bare',
        namespace: 'ns-a',
        uid: 'u-bare',
        creationTimestamp: '2024-01-01T00:00:00Z',
      },
    };
    t.emulator.store.put(serviceKind.storageKey, bare);
    await t.settle();
    expect(isInServiceRange((await getService('bare')).spec.clusterIP ?? '')).toBe(true);
  });
});
