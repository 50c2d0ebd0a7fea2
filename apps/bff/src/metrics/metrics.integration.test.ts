import type { NamespaceTopResponse, PodMetricsResponse } from '@cci/model';
import { parsePrometheusText } from '@cci/prom-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../session/testkit.ts';
import {
  startMetricsHarness,
  namespaceManifest,
  type MetricsHarness,
} from './integration.testkit.ts';

const ns = 'metrics-it';
let h: MetricsHarness;
let demo: string;

beforeAll(async () => {
  // Alice's account does not own the namespace: CCI answers her 403 (the gate adds that).
  h = await startMetricsHarness({ namespaceOwners: new Map([[ns, 'cci-demo']]) });
  expect((await h.kube('POST', '/api/v1/namespaces', namespaceManifest(ns))).status).toBe(201);
  await h.createRunningPod(ns, 'web', { 'monitoring.cci.io/enable-pod-metrics': 'true' });
  await h.createRunningPod(ns, 'quiet', { 'monitoring.cci.io/enable-pod-metrics': 'False' });
  demo = await h.signIn('demo');
});
afterAll(() => h?.close());

const podMetrics = async (pod: string, cookie = demo, range = '300') => {
  const r = await h.send('GET', `/api/metrics/namespaces/${ns}/pods/${pod}?range=${range}`, {
    cookie,
  });
  return {
    status: r.status,
    body: JSON.parse(r.body) as PodMetricsResponse & { messageKey?: string },
  };
};

/** The exporter's CPU seconds of a cgroup right now, read straight from the emulator. */
async function cpuSecondsNow(container: string): Promise<number> {
  const text = await (
    await h.kube('GET', `/api/v1/namespaces/${ns}/pods/web:19100/proxy/metrics`)
  ).text();
  const family = parsePrometheusText(text).families.find(
    (f) => f.name === 'container_cpu_usage_seconds_total',
  );
  const sample = family?.samples.find((s) => s.labels['container'] === container);
  if (!sample) throw new Error(`no CPU sample for container "${container}"`);
  return sample.value;
}

const points = (b: PodMetricsResponse, metric: string, container: string) =>
  b.series.find((s) => s.metric === metric && s.container === container)?.points ?? [];

describe('GET /api/metrics/namespaces/:ns/pods/:pod (real BFF, real emulator)', () => {
  it('M1/M3: scrapes through the pod proxy and turns CPU seconds into cores', async () => {
    const first = await podMetrics('web');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      namespace: ns,
      pod: 'web',
      state: 'ok',
      intervalSeconds: 15,
      rangeSeconds: 300,
      containers: ['container-0'],
      limits: { 'container-0': { cpuCores: 1, memoryBytes: 2048 * 2 ** 20 } },
      gpu: false,
    });
    // Gauges show at once; a rate needs two scrapes.
    expect(points(first.body, 'memory_working_set_bytes', 'container-0')).toHaveLength(1);
    expect(points(first.body, 'cpu_cores', 'container-0')).toEqual([]);
    const before = await cpuSecondsNow('container-0');

    await h.emulator.advance(15_000);
    const second = await podMetrics('web');
    const after = await cpuSecondsNow('container-0');
    const cpu = points(second.body, 'cpu_cores', 'container-0');
    expect(cpu).toHaveLength(1);
    expect(cpu[0]?.[0]).toBe(h.emulator.clock.nowMs());
    expect(cpu[0]?.[1]).toBeCloseTo((after - before) / 15, 9);
    expect(cpu[0]?.[1]).toBeGreaterThan(0);
    expect(cpu[0]?.[1]).toBeLessThanOrEqual(0.6); // the emulator's model: ≤ 0.6 × the 1-core limit
    // Pod-wide series (container "") carry the network, as cAdvisor's pod cgroup does.
    expect(points(second.body, 'network_rx_bytes_per_second', '')).toHaveLength(1);
    expect(second.body.series.every((s) => s.unit.length > 0)).toBe(true);
  });

  it('keeps history across looks: four scrapes 15 s apart give three CPU points', async () => {
    for (let i = 0; i < 2; i++) {
      await h.emulator.advance(15_000);
      await podMetrics('web');
    }
    const { body } = await podMetrics('web');
    expect(points(body, 'cpu_cores', 'container-0')).toHaveLength(3);
    expect(points(body, 'memory_working_set_bytes', 'container-0')).toHaveLength(4);
  });

  it('M1: a pod with enable-pod-metrics "False" is metrics-off, not an error, and is never scraped', async () => {
    const { status, body } = await podMetrics('quiet');
    expect(status).toBe(200);
    expect(body.state).toBe('metrics-off');
    expect(body.series).toEqual([]);
  });

  it("a user without access to the namespace gets 403, never the pod's data (shared history or not)", async () => {
    const alice = await h.signIn('alice');
    const { status, body } = await podMetrics('web', alice);
    expect(status).toBe(403);
    expect(body).toMatchObject({ messageKey: 'metrics.forbidden' });
    expect(body).toMatchObject({ kind: 'Status' });
    expect(body.series).toBeUndefined();
    const top = await h.send('GET', `/api/metrics/namespaces/${ns}/top`, { cookie: alice });
    expect([403, 404]).toContain(top.status);
    expect(top.body).not.toContain('container-0');
  });

  it('refuses without a session (401) and a range not offered (400)', async () => {
    expect((await h.send('GET', `/api/metrics/namespaces/${ns}/pods/web`)).status).toBe(401);
    const bad = await podMetrics('web', demo, '42');
    expect(bad.status).toBe(400);
    expect(bad.body.messageKey).toBe('metrics.range.invalid');
    const name = await h.send('GET', `/api/metrics/namespaces/${ns}/pods/web:19100`, {
      cookie: demo,
    });
    expect(name.status).toBe(400);
  });
});

describe('GET /api/metrics/namespaces/:ns/top', () => {
  it('ranks running pods by CPU and memory and counts metrics-off pods', async () => {
    await h.emulator.advance(15_000);
    const r = await h.send('GET', `/api/metrics/namespaces/${ns}/top?range=900`, { cookie: demo });
    expect(r.status).toBe(200);
    const top = JSON.parse(r.body) as NamespaceTopResponse;
    expect(top.counts).toEqual({ scraped: 1, metricsOff: 1, notRunning: 0, error: 0 });
    expect(top.byCpu.map((p) => p.pod)).toEqual(['web']);
    expect(top.byCpu[0]?.cpuCores).toBeGreaterThan(0);
    expect(top.byCpu[0]?.cpuSparkline.length).toBeGreaterThanOrEqual(4);
    expect(top.byMemory[0]).toMatchObject({ pod: 'web', memoryLimitBytes: 2048 * 2 ** 20 });
  });
});

describe('Prometheus service discovery (/api/metrics/sd)', () => {
  it('lists the exporters for a per-session SD token, and nothing without one', async () => {
    const created = await h.send('POST', '/api/metrics/sd-tokens', { cookie: demo });
    expect(created.status).toBe(201);
    const { token, sdPathTemplate } = JSON.parse(created.body) as {
      token: string;
      sdPathTemplate: string;
    };
    const path = sdPathTemplate.replace('{namespace}', ns);
    const sd = await h.send('GET', path, {
      headers: { Authorization: `Bearer ${token}` },
      console: false,
    });
    expect(sd.status).toBe(200);
    const host = new URL(h.cciEndpoint).host;
    expect(JSON.parse(sd.body)).toEqual([
      {
        targets: [host],
        labels: {
          __scheme__: new URL(h.cciEndpoint).protocol.replace(':', ''),
          __metrics_path__: `/api/v1/namespaces/${ns}/pods/web:19100/proxy/metrics`,
          namespace: ns,
          pod: 'web',
          cci_region: 'cn-north-4',
        },
      },
    ]);
    // The cookie is not an SD credential, nor is a made-up or revoked token.
    expect((await h.send('GET', path, { cookie: demo, console: false })).status).toBe(401);
    const forged = { Authorization: 'Bearer cci-sd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
    expect((await h.send('GET', path, { headers: forged, console: false })).status).toBe(401);
    expect((await h.send('DELETE', '/api/metrics/sd-tokens', { cookie: demo })).status).toBe(204);
    const revoked = await h.send('GET', path, {
      headers: { Authorization: `Bearer ${token}` },
      console: false,
    });
    expect(revoked.status).toBe(401);
    expect(JSON.parse(revoked.body)).toMatchObject({ messageKey: 'metrics.sd.unauthorized' });
  });
});

// Last: it revokes the demo user's tokens.
describe('A3 credentials revoked upstream', () => {
  it('a CCI 401 ends the session with the sign-in-again answer, as in the proxy', async () => {
    const cookie = await h.signIn('demo');
    const domain = h.emulator.directory.domainByName(DEMO.domain)!;
    h.emulator.tokens.revokeUser(h.emulator.directory.userByName(domain, DEMO.user)!.id);
    // A namespace the project gate does not own: CCI itself answers the revoked token.
    const refused = await h.send('GET', '/api/metrics/namespaces/elsewhere/pods/web', { cookie });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({
      kind: 'Status',
      reason: 'Unauthorized',
      messageKey: 'session.revoked',
    });
    expect(refused.headers['set-cookie']?.[0]).toMatch(/cci-session=; Max-Age=0/);
    const after = await h.send('GET', '/api/session', { cookie });
    expect(JSON.parse(after.body)).toMatchObject({ messageKey: 'session.expired' });
  });
});
