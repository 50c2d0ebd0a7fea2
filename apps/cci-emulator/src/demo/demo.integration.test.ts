import { findKindByApiVersion } from '@cci/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../../test/support/client.ts';
import { EmulatorClock } from '../clock.ts';
import { startEmulator, type Emulator } from '../emulator.ts';
import { describeDemoSeed, seedDemoProject, type DemoSeedReport } from './seedDemo.ts';

type Obj = {
  metadata: { name: string; annotations?: Record<string, string> };
  status?: Record<string, unknown>;
};
type List = { items: Obj[] };

const inDemoSubnet = (ip: unknown) => typeof ip === 'string' && /^192\.168\.0\.\d{1,3}$/.test(ip);

describe('demo project (npm start --demo)', () => {
  let emulator: Emulator;
  let api: ReturnType<typeof apiClient>;
  let report: DemoSeedReport;

  beforeAll(async () => {
    // 10:00:30: the two emulated minutes below cross no */5 boundary, so the CronJob stays idle.
    const clock = new EmulatorClock('manual', new Date('2025-03-03T10:00:30Z'));
    emulator = await startEmulator({ tls: false, clock });
    api = apiClient(emulator.url, emulator.issueToken());
    report = await seedDemoProject(emulator);
    await emulator.advance(120_000);
  });
  afterAll(() => emulator.close());

  const list = async (path: string) => (await api.get<List>(path)).body.items;
  const get = async (path: string) => (await api.get<Obj>(path)).body;

  it('passes every CCI rule at admission: no rejection, no warning', () => {
    expect(report.warnings).toEqual([]);
    expect(report.existing).toEqual([]);
    expect(report.created.map((r) => `${r.kind} ${r.name}`).sort()).toEqual([
      'ConfigMap app-config',
      'ConfigMap cci-logging-conf',
      'CronJob report',
      'Deployment gpu-train',
      'Deployment log-demo',
      'Deployment nginx',
      'Deployment redis',
      'Deployment web-eip',
      'EIPPool demo-pool',
      'EIPPool static-pool',
      'ImageSnapshot ml-toolchain',
      'ImageSnapshot web-cache',
      'Ingress nginx',
      'Job pi',
      'Namespace demo',
      'Namespace gpu-lab',
      'Network demo-network',
      'Network gpu-lab-network',
      'PersistentVolumeClaim data-evs',
      'PersistentVolumeClaim data-sfs',
      'Secret db-credentials',
      'Service nginx',
      'Service nginx-lb',
    ]);
    expect(describeDemoSeed(report)).toMatch(/^Demo project seeded: namespaces demo, gpu-lab; /);
  });

  it('records no Warning event: pods wait for the Network and the pool quietly', async () => {
    const events = (
      await api.get<{ items: { type?: string; reason?: string }[] }>(
        '/api/v1/namespaces/demo/events',
      )
    ).body.items;
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'Warning')).toEqual([]);
  });

  it('lists every seeded object through the HTTP API', async () => {
    for (const ref of report.created) {
      const kind = findKindByApiVersion(ref.apiVersion, ref.kind);
      expect(kind, ref.kind).toBeDefined();
      if (!kind) continue;
      const prefix = kind.group === '' ? '/api/v1' : `/apis/${kind.group}/${kind.version}`;
      const scope = kind.namespaced ? `/namespaces/${ref.namespace ?? ''}` : '';
      const names = (await list(`${prefix}${scope}/${kind.plural}`)).map((o) => o.metadata.name);
      expect(names, `${ref.kind} ${ref.name}`).toContain(ref.name);
    }
  });

  it('N4 N7 each namespace has one Active Network', async () => {
    for (const ns of ['demo', 'gpu-lab']) {
      const networks = await list(`/apis/networking.cci.io/v1beta1/namespaces/${ns}/networks`);
      expect(
        networks.map((n) => n.status?.['state']),
        ns,
      ).toEqual(['Active']);
    }
  });

  it('P3 M3 the gpu-lab GPU pod runs in its subnet and its exporter reports GPU series', async () => {
    const [pod] = await list('/api/v1/namespaces/gpu-lab/pods?labelSelector=app%3Dgpu-train');
    expect(pod?.status?.['phase']).toBe('Running');
    expect(pod?.status?.['podIP']).toMatch(/^192\.168\.1\.\d{1,3}$/);
    expect(pod?.metadata.annotations?.['cri.cci.io/gpu-driver']).toBe('gpu-460.106');
    const name = pod?.metadata.name ?? '';
    const metrics = await api.get<string>(
      `/api/v1/namespaces/gpu-lab/pods/${name}:19100/proxy/metrics`,
    );
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(
      /^container_accelerator_duty_cycle\{acc_id="GPU-[0-9a-f-]+",container="container-0",.*make="nvidia",model="Tesla V100-SXM2-16GB",/m,
    );
    expect(metrics.text).toContain('container_accelerator_memory_total_bytes{');
  });

  it('D6 SV5 nginx is 2/2 available and every pod runs with an address of 192.168.0.0/24', async () => {
    const nginx = await get('/apis/apps/v1/namespaces/demo/deployments/nginx');
    expect(nginx.status?.['availableReplicas']).toBe(2);
    expect(nginx.status?.['readyReplicas']).toBe(2);
    const pods = await list('/api/v1/namespaces/demo/pods');
    const appPods = pods.filter((p) => !p.metadata.name.startsWith('pi-'));
    expect(appPods).toHaveLength(6); // nginx 2, redis 1, web-eip 2, log-demo 1
    for (const pod of pods)
      expect(inDemoSubnet(pod.status?.['podIP']), pod.metadata.name).toBe(true);
    for (const pod of appPods) expect(pod.status?.['phase'], pod.metadata.name).toBe('Running');
    const endpoints = await get('/api/v1/namespaces/demo/endpoints/nginx');
    const subsets = (endpoints as unknown as { subsets?: { addresses?: unknown[] }[] }).subsets;
    expect(subsets?.[0]?.addresses).toHaveLength(2);
  });

  it('M1 the redis pod has pod metrics switched off', async () => {
    const [redis] = await list('/api/v1/namespaces/demo/pods?labelSelector=app%3Dredis');
    expect(redis?.metadata.annotations?.['monitoring.cci.io/enable-pod-metrics']).toBe('false');
  });

  it('E4 web-eip pods hold two of the three EIPs of demo-pool; E3 static-pool took two', async () => {
    const pool = await get('/apis/crd.yangtse.cni/v1/namespaces/demo/eippools/demo-pool');
    expect(pool.status?.['usage']).toBe('2/3');
    const pods = await list('/api/v1/namespaces/demo/pods?labelSelector=app%3Dweb-eip');
    const eips = pods.map((p) => p.metadata.annotations?.['yangtse.io/allocated-ipv4-eip']);
    expect(eips.every((eip) => typeof eip === 'string' && eip !== '')).toBe(true);
    expect(new Set(eips).size).toBe(2);
    const poolAddresses = (pool.status?.['eips'] as { address: string }[]).map((e) => e.address);
    for (const eip of eips) expect(poolAddresses).toContain(eip);
    const fixed = await get('/apis/crd.yangtse.cni/v1/namespaces/demo/eippools/static-pool');
    expect(fixed.status?.['usage']).toBe('0/2');
  });

  it('S2 one snapshot is Available, the large one still Creating', async () => {
    const phase = async (name: string) =>
      (await get(`/apis/imagecache.cci.io/v1/imagesnapshots/${name}`)).status?.['phase'];
    expect(await phase('web-cache')).toBe('Available');
    expect(await phase('ml-toolchain')).toBe('Creating');
  });

  it('J1 PV1 job pi completed and both claims are bound', async () => {
    const job = await get('/apis/batch/v1/namespaces/demo/jobs/pi');
    const conditions = job.status?.['conditions'] as { type: string; status: string }[];
    expect(conditions).toContainEqual(
      expect.objectContaining({ type: 'Complete', status: 'True' }),
    );
    for (const claim of ['data-evs', 'data-sfs']) {
      const pvc = await get(`/api/v1/namespaces/demo/persistentvolumeclaims/${claim}`);
      expect(pvc.status?.['phase'], claim).toBe('Bound');
    }
  });

  it('seeding again changes nothing and does not fail', async () => {
    const again = await seedDemoProject(emulator);
    expect(again.created).toEqual([]);
    expect(again.existing).toEqual(report.created);
    expect(describeDemoSeed(again)).toContain(`0 objects created, ${report.created.length}`);
  });
});
