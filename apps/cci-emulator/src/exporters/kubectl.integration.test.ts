import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlFor, type kubectlRunner } from '../../test/support/kubectl.ts';
import { findKindByResource, type KindDescriptor } from '@cci/model';
import { updateObject } from '../api/resourceApi.ts';
import { startEmulator, type Emulator } from '../emulator.ts';
import { createExporterRegistry } from './registry.ts';

// Real kubectl over TLS, real clock: `kubectl logs` and the metrics agent through pods/proxy.
let emulator: Emulator;
let kubectl: ReturnType<typeof kubectlRunner>;
const ns = 'kubectl-logs';
const ACCESS_LINE = /"(GET|HEAD|POST) \S+ HTTP\/1\.1" \d{3} \d+ /;

const podKind = findKindByResource('', 'v1', 'pods') as KindDescriptor;

beforeAll(async () => {
  emulator = await startEmulator({ controllers: [], pods: createExporterRegistry(() => emulator) });
  kubectl = kubectlFor(emulator);
  const nsYaml = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  annotations:\n    namespace.kubernetes.io/flavor: general-computing\n`;
  expect((await kubectl.run(['create', '-f', '-'], nsYaml)).code).toBe(0);
  expect((await kubectl.run(['run', 'nginx', '--image=nginx:alpine', '-n', ns])).code).toBe(0);
  // No pod controller here: write the status a running pod has, started a minute ago.
  const startedAt = new Date(emulator.clock.nowMs() - 60_000).toISOString();
  const status = {
    status: {
      phase: 'Running',
      podIP: '192.168.0.30',
      startTime: startedAt,
      containerStatuses: [{ name: 'nginx', restartCount: 0, state: { running: { startedAt } } }],
    },
  };
  // Written in process: `kubectl patch --subresource` needs kubectl 1.24+, and Debian ships 1.20.
  const pod = emulator.store.get('/pods', ns, 'nginx');
  expect(pod, 'kubectl run created the pod').toBeDefined();
  updateObject(emulator.context, podKind, ns, 'nginx', { ...pod, ...status }, 'status', false);
});
afterAll(() => emulator.close());

describe('kubectl logs against the TLS emulator', () => {
  it('shows the nginx start-up and access log lines', async () => {
    const r = await kubectl.run(['logs', 'nginx', '-n', ns]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\/docker-entrypoint\.sh: /);
    expect(r.stdout).toMatch(/\[notice\] 1#1: nginx\/1\.25\.4/);
    expect(r.stdout.split('\n').filter((l) => ACCESS_LINE.test(l)).length).toBeGreaterThanOrEqual(
      10,
    );
  });

  it('--tail and --timestamps', async () => {
    const r = await kubectl.run(['logs', 'nginx', '-n', ns, '--tail=3', '--timestamps']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z \S/);
  });

  it('--previous reports the missing terminated container', async () => {
    const r = await kubectl.run(['logs', 'nginx', '-n', ns, '--previous']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/previous terminated container "nginx" in pod "nginx" not found/);
  });

  it('-f follows new lines as emulator time moves', async () => {
    const follower = kubectl.spawnLong(['logs', '-f', 'nginx', '-n', ns, '--tail=1']);
    try {
      await follower.waitFor(ACCESS_LINE, 15_000);
      await emulator.advance(30_000);
      const out = await follower.waitFor(/(.*HTTP\/1\.1.*\n){5}/, 15_000);
      expect(out.split('\n').filter((l) => ACCESS_LINE.test(l)).length).toBeGreaterThanOrEqual(5);
    } finally {
      follower.stop();
    }
  });

  it('M3: kubectl get --raw reaches the metrics agent through pods/proxy', async () => {
    const r = await kubectl.run([
      'get',
      '--raw',
      `/api/v1/namespaces/${ns}/pods/nginx:19100/proxy/metrics`,
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^# HELP container_/);
    expect(r.stdout).toMatch(
      /\ncontainer_cpu_usage_seconds_total\{container="nginx",cpu="total",id="\/kubepods\/pod[0-9a-f-]+\/[0-9a-f]{64}",image="docker\.io\/library\/nginx:alpine",/,
    );
  });
});
