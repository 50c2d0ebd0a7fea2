import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlBinary, kubectlRunner } from '../../test/support/kubectl.ts';
import { namespaceManifest, networkManifest } from '../../test/support/testEmulator.ts';
import { startEmulator, type Emulator } from '../emulator.ts';
import { writeKubeconfig } from '../kubeconfig.ts';

let emulator: Emulator;
let kubeconfig: string;
let kubectl: ReturnType<typeof kubectlRunner>;
const ns = 'streams-test';

function podJson(name: string, container: Record<string, unknown> = {}): string {
  const limits = { cpu: '500m', memory: '1Gi' };
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels: { app: name } },
    spec: {
      containers: [
        {
          name: 'container-0',
          image: 'nginx:alpine',
          resources: { limits, requests: limits },
          ...container,
        },
      ],
    },
  });
}

async function runningPod(name: string, container: Record<string, unknown> = {}): Promise<void> {
  const r = await kubectl.run(['create', '-f', '-'], podJson(name, container));
  expect(r.stderr).toBe('');
  await emulator.advance(10_000);
}

const readyCondition = async (name: string) =>
  (
    await kubectl.run([
      'get',
      'pod',
      name,
      '-n',
      ns,
      '-o',
      'jsonpath={.status.conditions[?(@.type=="Ready")].status}',
    ])
  ).stdout;

beforeAll(async () => {
  emulator = await startEmulator({ clock: 'manual' });
  kubeconfig = join(mkdtempSync(join(tmpdir(), 'cci-kubeconfig-')), 'config');
  writeKubeconfig(kubeconfig, {
    server: emulator.url,
    region: emulator.region,
    identityName: 'cci-demo',
    token: emulator.issueToken(),
    caCertificate: emulator.caCertificate,
    namespace: ns,
  });
  kubectl = kubectlRunner(kubeconfig);
  await kubectl.run(['create', '-f', '-'], JSON.stringify(namespaceManifest(ns)));
  await kubectl.run(['create', '-f', '-'], JSON.stringify(networkManifest(ns)));
  await runningPod('web');
});
afterAll(() => emulator.close());

describe('kubectl streams against the emulator', () => {
  it('port-forward to the exporter port serves its metrics on loopback; other ports answer a clear error', async () => {
    const forward = kubectl.spawnLong(['port-forward', 'pod/web', '0:19100', '0:8080']);
    try {
      const out = await forward.waitFor(/-> 8080/, 10_000);
      const [metricsPort, otherPort] = [...out.matchAll(/127\.0\.0\.1:(\d+) -> (\d+)/g)]
        .sort((a, b) => Number(b[2]) - Number(a[2]))
        .map((m) => m[1]);
      const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/^container_cpu_usage_seconds_total\{.*pod="web"/m);
      await expect(fetch(`http://127.0.0.1:${otherPort}/`)).rejects.toThrow();
      await new Promise((r) => setTimeout(r, 200));
      expect(forward.stderr()).toContain('error forwarding port 8080 to pod web');
    } finally {
      forward.stop();
    }
  });

  it('attach shows the entrypoint output as it is produced; logs -f too', async () => {
    const attach = kubectl.spawnLong(['attach', 'web']);
    const logs = kubectl.spawnLong(['logs', '-f', 'web']);
    try {
      await new Promise((r) => setTimeout(r, 1500));
      await emulator.advance(120_000);
      // nginx access lines that the emulated entrypoint writes as emulator time passes.
      const attached = await attach.waitFor(/ HTTP\/1\.1" \d{3} /, 10_000);
      await logs.waitFor(/ HTTP\/1\.1" \d{3} /, 10_000);
      // Attach starts at the moment of attaching: none of nginx's start-up lines.
      expect(attached).not.toMatch(/docker-entrypoint|start worker process/);
    } finally {
      attach.stop();
      logs.stop();
    }
  });

  it('exec -it runs an interactive shell on a terminal (scripted with script(1))', async () => {
    const command = `${kubectlBinary()} --kubeconfig ${kubeconfig} exec -it web -- sh`;
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = execFile(
        'script',
        ['-qec', command, '/dev/null'],
        { timeout: 20_000 },
        (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      );
      setTimeout(() => child.stdin?.write('cd /etc\r'), 800);
      setTimeout(() => child.stdin?.write('echo "in $HOSTNAME" > /tmp/tty; cat hostname\r'), 1200);
      setTimeout(() => child.stdin?.write('exit 5\r'), 1600);
    });
    expect(result.stdout).toContain('/etc # ');
    expect(result.stdout).toContain('web\r\n');
    expect(result.code).toBe(5);
  });

  it('SV5 P10: an exec readiness probe reads the container filesystem: touch /ready makes the pod Ready and an Endpoint, rm makes it NotReady', async () => {
    await runningPod('probed', {
      readinessProbe: { exec: { command: ['ls', '/ready'] }, periodSeconds: 5 },
    });
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'probed', namespace: ns },
      spec: { selector: { app: 'probed' }, ports: [{ port: 80 }] },
    };
    await kubectl.run(['create', '-f', '-'], JSON.stringify(service));
    await emulator.advance(1000);
    expect(await readyCondition('probed')).toBe('False');
    expect((await kubectl.run(['exec', 'probed', '--', 'touch', '/ready'])).code).toBe(0);
    await emulator.advance(5000);
    expect(await readyCondition('probed')).toBe('True');
    const endpoints = await kubectl.run([
      'get',
      'endpoints',
      'probed',
      '-o',
      'jsonpath={.subsets[0].addresses[0].targetRef.name}',
    ]);
    expect(endpoints.stdout).toBe('probed');
    expect((await kubectl.run(['exec', 'probed', '--', 'rm', '/ready'])).code).toBe(0);
    await emulator.advance(5000);
    expect(await readyCondition('probed')).toBe('False');
    const events = await kubectl.run([
      'get',
      'events',
      '--field-selector',
      'involvedObject.name=probed',
      '-o',
      'jsonpath={.items[*].message}',
    ]);
    expect(events.stdout).toContain(
      "Readiness probe failed: ls: cannot access '/ready': No such file or directory",
    );
  });

  it('a pod deleted under an open port-forward ends it with a message, not a hang', async () => {
    await runningPod('gone');
    const forward = kubectl.spawnLong(['port-forward', 'pod/gone', '0:19100']);
    await forward.waitFor(/-> 19100/, 10_000);
    const exited = new Promise<number | null>((resolve) => forward.child.on('exit', resolve));
    await kubectl.run(['delete', 'pod', 'gone', '--wait=false']);
    expect(await exited).not.toBe(0);
    expect(forward.stderr()).toContain('error: lost connection to pod');
  });

  it('a pod deleted under an open exec ends the stream with a message, not a hang', async () => {
    await runningPod('doomed');
    const session = kubectl.spawnLong(['exec', '-i', 'doomed', '--', 'sh']);
    await new Promise((r) => setTimeout(r, 1500));
    const exited = new Promise<number | null>((resolve) => session.child.on('exit', resolve));
    await kubectl.run(['delete', 'pod', 'doomed', '--wait=false']);
    expect(await exited).not.toBe(0);
    expect(session.stderr()).toMatch(/pod "doomed" in namespace "streams-test" is being deleted/);
  });
});
