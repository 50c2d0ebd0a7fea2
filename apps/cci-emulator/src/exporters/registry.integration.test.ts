import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator.ts';
import { apiClient } from '../../test/support/client.ts';
import { namespaceManifest } from '../../test/support/testEmulator.ts';
import { parseExposition } from './exposition.testkit.ts';
import { createExporterRegistry } from './registry.ts';
import { markPodRunning } from './pods.testkit.ts';

const ns = 'metrics-test';
let emulator: Emulator;
let api: ReturnType<typeof apiClient>;

/** promtool is Prometheus' own checker (Debian package `prometheus`); .ci/run installs it. */
function promtool(input: string): { code: number; output: string } {
  const r = spawnSync('promtool', ['check', 'metrics'], { input, encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      'promtool is not installed: install the Debian package "prometheus" (apt-get install --no-install-recommends prometheus; .ci/run does)',
    );
  }
  return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

function podManifest(name: string, annotations: Record<string, string> = {}, extra: object = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, annotations },
    spec: {
      containers: [
        {
          name: 'container-0',
          image: 'nginx:alpine',
          resources: {
            limits: { cpu: '1000m', memory: '2048Mi' },
            requests: { cpu: '1000m', memory: '2048Mi' },
          },
          ...extra,
        },
      ],
    },
  };
}

async function createRunning(name: string, annotations: Record<string, string> = {}) {
  const created = await api.post(`/api/v1/namespaces/${ns}/pods`, podManifest(name, annotations));
  expect(created.status, created.text).toBe(201);
  await markPodRunning(api, ns, {
    name,
    containers: ['container-0'],
    startedAt: emulator.clock.now(),
  });
}

const scrape = (pod: string, port: number | string = 19100, path = 'metrics') =>
  api.get(`/api/v1/namespaces/${ns}/pods/${pod}:${port}/proxy/${path}`);

beforeAll(async () => {
  emulator = await startEmulator({
    tls: false,
    clock: 'manual',
    controllers: [],
    pods: createExporterRegistry(() => emulator),
  });
  api = apiClient(emulator.url, emulator.issueToken());
  await api.post('/api/v1/namespaces', namespaceManifest(ns));
  await createRunning('nginx-exporter', {
    'monitoring.cci.io/enable-pod-metrics': 'true',
    'monitoring.cci.io/metrics-port': '19100',
  });
});
afterAll(() => emulator.close());

describe('pod metrics exporter through pods/proxy (M1, M3)', () => {
  it('M3: serves text format 0.0.4 that promtool check metrics accepts', async () => {
    await emulator.advance(90_000);
    const r = await scrape('nginx-exporter');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const checked = promtool(r.text);
    // Parse errors exit 1; lint findings exit 3. The only findings allowed are the two names
    // cAdvisor itself gets "wrong" and the seed prescribes (table 10-1).
    expect(checked.output).not.toMatch(/error while linting|parsing error/);
    const findings = checked.output.trim().split('\n').filter(Boolean).sort();
    expect(findings).toEqual([
      'container_fs_inodes_total non-counter metrics should not have "_total" suffix',
      'container_memory_failcnt counter metrics should have "_total" suffix',
    ]);
    expect(checked.code).toBe(3);
    expect(parseExposition(r.text).size).toBe(56);
  });

  it('M3: values follow the emulator clock (counters grow as time is advanced)', async () => {
    const cpu = async () => {
      const f = parseExposition((await scrape('nginx-exporter')).text);
      const s = f.get('container_cpu_usage_seconds_total')?.samples;
      return s?.find((x) => x.labels['container'] === 'container-0')?.value ?? NaN;
    };
    const before = await cpu();
    expect(await cpu()).toBe(before);
    await emulator.advance(60_000);
    const after = await cpu();
    expect(after).toBeGreaterThan(before);
    expect(after - before).toBeLessThanOrEqual(60);
  });

  it('M1: enabled by default on port 19100; "FALSE" (any case) turns the agent off', async () => {
    await createRunning('default-on');
    expect((await scrape('default-on')).status).toBe(200);
    await createRunning('turned-off', { 'monitoring.cci.io/enable-pod-metrics': 'FALSE' });
    const off = await scrape('turned-off');
    expect(off.status).toBe(503);
    expect(off.text).toMatch(/dial tcp 192\.168\.0\.21:19100: connect: connection refused/);
  });

  it('M1: a custom metrics-port moves the agent; the default port then refuses', async () => {
    await createRunning('custom-port', { 'monitoring.cci.io/metrics-port': '9100' });
    expect((await scrape('custom-port', 9100)).status).toBe(200);
    expect((await scrape('custom-port', 19100)).status).toBe(503);
  });

  it('answers 404 off /metrics, and the pod proxy 503s while the pod is not running', async () => {
    expect((await scrape('nginx-exporter', 19100, 'other')).status).toBe(404);
    await api.post(`/api/v1/namespaces/${ns}/pods`, podManifest('pending'));
    const r = await scrape('pending');
    expect(r.status).toBe(503);
  });
});
