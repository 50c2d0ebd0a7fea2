import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlFor, type kubectlRunner } from '../../test/support/kubectl.ts';
import { namespaceManifest, networkManifest } from '../../test/support/testEmulator.ts';
import { startEmulator, type Emulator } from '../emulator.ts';

let emulator: Emulator;
let kubectl: ReturnType<typeof kubectlRunner>;
const ns = 'exec-test';

function pod(name: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns },
    spec: {
      containers: [
        {
          name: 'container-0',
          image: 'nginx:alpine',
          env: [{ name: 'GREETING', value: 'hello' }],
          resources: {
            limits: { cpu: '500m', memory: '1Gi' },
            requests: { cpu: '500m', memory: '1Gi' },
          },
          volumeMounts: [{ name: 'conf', mountPath: '/etc/app' }],
          ...extra,
        },
      ],
      volumes: [{ name: 'conf', configMap: { name: 'app-conf' } }],
    },
  });
}

const exec = (name: string, args: string[], input?: string) =>
  kubectl.run(
    ['exec', ...(input !== undefined ? ['-i'] : []), name, '-n', ns, '--', ...args],
    input,
  );

beforeAll(async () => {
  emulator = await startEmulator({ clock: 'manual' });
  kubectl = kubectlFor(emulator);
  await kubectl.run(['create', '-f', '-'], JSON.stringify(namespaceManifest(ns)));
  await kubectl.run(['create', '-f', '-', '-n', ns], JSON.stringify(networkManifest(ns)));
  await kubectl.run(
    ['create', '-f', '-'],
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app-conf', namespace: ns },
      data: { 'app.conf': 'level=info\n' },
    }),
  );
  const created = await kubectl.run(['create', '-f', '-'], pod('web'));
  expect(created.stderr).toBe('');
  await emulator.advance(10_000);
});
afterAll(() => emulator.close());

describe('kubectl exec against the emulator', () => {
  it('runs a command: its output, its exit code, "command not found" with 127', async () => {
    const ok = await exec('web', ['sh', '-c', 'echo $GREETING; cat /etc/app/app.conf; hostname']);
    expect(ok).toMatchObject({ code: 0, stdout: 'hello\nlevel=info\nweb\n' });
    const failed = await exec('web', ['sh', '-c', 'ls /nowhere']);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain("ls: cannot access '/nowhere': No such file or directory");
    expect(failed.stderr).toContain('command terminated with exit code 2');
    const missing = await exec('web', ['sh', '-c', 'pg_isready']);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toContain('pg_isready: command not found');
  });

  it('keeps the container filesystem between execs; ps shows the entrypoint as PID 1', async () => {
    expect(
      await exec('web', ['sh', '-c', 'mkdir -p /data && echo 42 > /data/answer']),
    ).toMatchObject({ code: 0, stderr: '' });
    expect(await exec('web', ['cat', '/data/answer'])).toMatchObject({
      stdout: '42\n',
      stderr: '',
    });
    const ps = await exec('web', ['ps']);
    expect(ps.stdout).toMatch(/^\s+1 root\s+\S+ nginx:alpine$/m);
    expect(ps.stdout).toMatch(/ ps$/m);
  });

  it('exec -i feeds stdin to the shell line by line', async () => {
    const r = await exec(
      'web',
      ['sh'],
      'cd /etc\npwd\necho "$GREETING, world" > /tmp/f\ncat /tmp/f\nexit 4\n',
    );
    expect(r.stdout).toBe('/etc\nhello, world\n');
    expect(r.code).toBe(4);
  });

  it('kubectl cp copies a file into the pod and back out unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cci-cp-'));
    const local = join(dir, 'report.txt');
    writeFileSync(local, 'line one\nline two\n');
    const up = await kubectl.run(['cp', local, `${ns}/web:/tmp/report.txt`]);
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    expect((await exec('web', ['cat', '/tmp/report.txt'])).stdout).toBe('line one\nline two\n');
    const back = join(dir, 'back.txt');
    const down = await kubectl.run(['cp', `${ns}/web:/etc/app/app.conf`, back]);
    expect(down.code).toBe(0);
    expect(readFileSync(back, 'utf8')).toBe('level=info\n');
  });
});
