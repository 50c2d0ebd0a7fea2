import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlFor, type kubectlRunner } from '../test/support/kubectl.ts';
import { seedFixturePath, seedManifests } from '../test/seedManifests.ts';
import { namespaceManifest } from '../test/support/testEmulator.ts';
import { startEmulator, type Emulator } from './emulator.ts';

let emulator: Emulator;
let kubectl: ReturnType<typeof kubectlRunner>;
const ns = 'namespace-test';

/** What each seed example demonstrates; it would be refused if the emulator broke that rule. */
const demonstrated: Record<string, string> = {
  '03-02': 'N5',
  '04-01': 'P1 P2',
  '04-02': 'P3 P4',
  '04-03': 'P5',
  '04-06': 'P8',
  '04-07': 'P6 P9',
  '04-08': 'P10',
  '04-09': 'P10',
  '06-01': 'D1 PV2',
  '06-02': 'D3',
  '12-01': 'SV1',
  '12-02': 'SV2',
  '12-03': 'IG1',
  '12-05': 'IG1',
  '12-08': 'SV5',
  '13-01': 'PV1',
  '13-05': 'PV2',
  '14-02': 'C1',
  '14-04': 'C2',
  '15-01': 'J1',
  '15-02': 'J3',
};

function rulesShownBy(file: string): string {
  return demonstrated[file.slice(0, 5)] ?? 'seed example';
}

/** A CCI namespace (N1-N3) as kubectl input; JSON is YAML too. */
function namespaceJson(name: string, flavor = 'general-computing'): string {
  return JSON.stringify(namespaceManifest(name, flavor));
}

/** Splits kubectl's table output into header names and rows of cells. */
function table(stdout: string): { header: string[]; rows: string[][] } {
  const lines = stdout.trim().split('\n');
  return {
    header: (lines[0] ?? '').trim().split(/\s{2,}/),
    rows: lines.slice(1).map((l) => l.trim().split(/\s{2,}/)),
  };
}

beforeAll(async () => {
  emulator = await startEmulator();
  kubectl = kubectlFor(emulator);
});
afterAll(() => emulator.close());

const chapters = new Set([3, 4, 5, 6, 12, 13, 14, 15]);
const manifests = seedManifests().filter((m) => chapters.has(m.chapter) && !m.flawed);

describe('real kubectl against the emulator', () => {
  it('A4: uses the written kubeconfig context cci-context-<region>-<user>', async () => {
    const r = await kubectl.run(['config', 'current-context']);
    expect(r.stdout.trim()).toBe('cci-context-cn-north-4-cci-demo');
  });

  it('N8: creates the seed namespace and lists it with NAME STATUS AGE', async () => {
    const nsFile = manifests.find((m) =>
      m.documents.some((d) => (d as { kind?: string }).kind === 'Namespace'),
    );
    expect(nsFile, 'the seed has a Namespace manifest').toBeDefined();
    const created = await kubectl.run(['create', '-f', seedFixturePath(nsFile?.file ?? '')]);
    expect(created.stderr).toBe('');
    expect(created.stdout.trim()).toBe(`namespace/${ns} created`);
    const got = table((await kubectl.run(['get', 'ns'])).stdout);
    expect(got.header).toEqual(['NAME', 'STATUS', 'AGE']);
    expect(got.rows.find((r) => r[0] === ns)?.[1]).toBe('Active');
  });

  it.each(
    manifests
      .filter((m) => !m.documents.some((d) => (d as { kind?: string }).kind === 'Namespace'))
      .map((m) => [m.file.split('/').pop(), rulesShownBy(m.file), m] as const),
  )(
    'kubectl create -f %s succeeds with default validation (%s)',
    async (_name, _rules, manifest) => {
      // Each seed file gets its own namespace: several examples reuse the name "nginx".
      const target =
        `seed-${(_name ?? '').replace(/\.yaml$/, '').replace(/[^a-z0-9-]/g, '-')}`.slice(0, 63);
      // N1: every CCI namespace has a flavor; GPU examples need a gpu-accelerated one (P3).
      const flavor = /nvidia\.com\/gpu/.test(JSON.stringify(manifest.documents))
        ? 'gpu-accelerated'
        : 'general-computing';
      await kubectl.run(['create', '-f', '-'], namespaceJson(target, flavor));
      const r = await kubectl.run(['create', '-f', manifest.path, '-n', target]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/ created\n?$/m);
    },
  );

  it('P12: kubectl get pods shows NAME READY STATUS RESTARTS AGE; L1: labels are shown and overwritten only with --overwrite', async () => {
    await kubectl.run([
      'run',
      'nginx',
      '--image=nginx:alpine',
      '-n',
      ns,
      '--labels=app=nginx,env=prod',
    ]);
    const got = table((await kubectl.run(['get', 'pods', '-n', ns])).stdout);
    expect(got.header).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(got.rows.map((r) => r[0])).toContain('nginx');
    const shown = await kubectl.run(['get', 'pod', 'nginx', '-n', ns, '--show-labels']);
    expect(shown.stdout).toMatch(/app=nginx,env=prod/);
    const refused = await kubectl.run(['label', 'po', 'nginx', 'env=debug', '-n', ns]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/already has a value \(prod\)/);
    const overwritten = await kubectl.run([
      'label',
      'po',
      'nginx',
      'env=debug',
      '--overwrite',
      '-n',
      ns,
    ]);
    expect(overwritten.stdout.trim()).toBe('pod/nginx labeled');
    const columns = await kubectl.run(['get', 'pod', 'nginx', '-n', ns, '-L', 'app,env']);
    expect(table(columns.stdout).header).toEqual([
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'APP',
      'ENV',
    ]);
    expect(table(columns.stdout).rows[0]?.slice(-2)).toEqual(['nginx', 'debug']);
  });

  it('lists over 128 KiB, which the emulator gzips for kubectl as the API server does', async () => {
    const big = 'big-list-test';
    await kubectl.run(['create', '-f', '-'], namespaceJson(big));
    for (let i = 0; i < 200; i++) {
      emulator.store.put('/configmaps', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `cm-${i}`, namespace: big },
        data: { text: `line ${i} `.repeat(100) },
      });
    }
    const r = await kubectl.run(['get', 'configmaps', '-n', big, '-o', 'json']);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { items: unknown[] }).items).toHaveLength(200);
  });

  it('D6: scales a deployment and shows it with kubectl get deployment', async () => {
    const deploy = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: container-0
          image: nginx:latest
          resources: { limits: { cpu: 500m, memory: 1024Mi }, requests: { cpu: 500m, memory: 1024Mi } }
      imagePullSecrets: [{ name: imagepull-secret }]
`;
    expect((await kubectl.run(['create', '-n', ns, '-f', '-'], deploy)).stdout.trim()).toBe(
      'deployment.apps/web created',
    );
    expect(
      (await kubectl.run(['scale', 'deployment', 'web', '--replicas=3', '-n', ns])).stdout.trim(),
    ).toBe('deployment.apps/web scaled');
    const yaml = await kubectl.run(['get', 'deploy', 'web', '-n', ns, '-o', 'yaml']);
    expect(yaml.stdout).toMatch(/replicas: 3/);
    expect(yaml.stdout).toMatch(/uid: [0-9a-f-]{36}/);
    const got = table((await kubectl.run(['get', 'deployment', 'web', '-n', ns])).stdout);
    expect(got.header).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
  });

  it('kubectl generator commands either work (JSON clients) or get a clear 415 (protobuf clients)', async () => {
    // kubectl 1.20 sends JSON here; recent kubectl sends protobuf, which the emulator refuses.
    const r = await kubectl.run([
      'create',
      'configmap',
      'generated',
      '--from-literal=a=b',
      '-n',
      ns,
    ]);
    if (r.code === 0) {
      expect(r.stdout.trim()).toBe('configmap/generated created');
    } else {
      expect(r.stderr).toMatch(
        /protobuf request bodies are not supported by this server: send JSON or YAML/,
      );
    }
  });

  it('apply creates then configures (strategic merge patch), set image edits one container', async () => {
    const cmYaml = (v: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: applied }\ndata: { key: "${v}" }\n`;
    expect((await kubectl.run(['apply', '-n', ns, '-f', '-'], cmYaml('1'))).stdout.trim()).toBe(
      'configmap/applied created',
    );
    expect((await kubectl.run(['apply', '-n', ns, '-f', '-'], cmYaml('2'))).stdout.trim()).toBe(
      'configmap/applied configured',
    );
    expect(
      (await kubectl.run(['get', 'cm', 'applied', '-n', ns, '-o', 'jsonpath={.data.key}'])).stdout,
    ).toBe('2');
    const set = await kubectl.run([
      'set',
      'image',
      'deployment/web',
      'container-0=nginx:alpine',
      '-n',
      ns,
    ]);
    expect(set.stdout.trim()).toBe('deployment.apps/web image updated');
    const image = await kubectl.run([
      'get',
      'deploy',
      'web',
      '-n',
      ns,
      '-o',
      'jsonpath={.spec.template.spec.containers[0].image}',
    ]);
    expect(image.stdout).toBe('nginx:alpine');
  });

  it('get -w sees an object created while it watches', async () => {
    const cm = (name: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name} }\ndata: { a: b }\n`;
    await kubectl.run(['create', '-f', '-'], namespaceJson('watch-ns'));
    expect(
      (await kubectl.run(['create', '-n', 'watch-ns', '-f', '-'], cm('before-watch'))).code,
    ).toBe(0);
    const watcher = kubectl.spawnLong(['get', 'configmaps', '-n', 'watch-ns', '-w']);
    try {
      await watcher.waitFor(/before-watch/, 15_000);
      const created = await kubectl.run(['create', '-n', 'watch-ns', '-f', '-'], cm('watched'));
      expect(created.stderr).toBe('');
      expect(await watcher.waitFor(/watched\s+1\s+/, 15_000)).toMatch(/before-watch[\s\S]*watched/);
    } finally {
      watcher.stop();
    }
  });

  it('P11: deletes by label selector and with --all', async () => {
    await kubectl.run(['run', 'a1', '--image=nginx', '-n', ns, '--labels=group=a']);
    await kubectl.run(['run', 'a2', '--image=nginx', '-n', ns, '--labels=group=a']);
    await kubectl.run(['run', 'b1', '--image=nginx', '-n', ns, '--labels=group=b']);
    const byLabel = await kubectl.run(['delete', 'pod', '-l', 'group=a', '-n', ns]);
    expect(byLabel.stdout).toMatch(/pod "a1" deleted[\s\S]*pod "a2" deleted/);
    const left = await kubectl.run(['get', 'pods', '-n', ns, '-o', 'name']);
    expect(left.stdout).toMatch(/pod\/b1/);
    expect(left.stdout).not.toMatch(/pod\/a1/);
    const all = await kubectl.run(['delete', 'configmap', '--all', '-n', ns]);
    expect(all.stdout).toMatch(/configmap "applied" deleted/);
    expect((await kubectl.run(['get', 'cm', '-n', ns, '-o', 'name'])).stdout.trim()).toBe('');
  });
});
