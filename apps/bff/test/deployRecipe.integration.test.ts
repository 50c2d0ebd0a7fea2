import { startEmulator, seedDemoProject, writeKubeconfig, type Emulator } from '@cci/emulator';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

// The README's deployment recipe: the Kubernetes manifest passes a server-side dry run (real
// kubectl against the emulator, which validates with the model's schemas and CCI's rules), and
// the Dockerfile copies every workspace the install needs.
const ROOT = join(import.meta.dirname, '..', '..', '..');
const MANIFEST = join(ROOT, 'deploy', 'kubernetes.yaml');
const run = promisify(execFile);

let emulator: Emulator;
let dir: string;
let kubeconfig: string;
beforeAll(async () => {
  emulator = await startEmulator({ tls: true });
  await seedDemoProject(emulator);
  dir = mkdtempSync(join(tmpdir(), 'cci-deploy-'));
  kubeconfig = join(dir, 'config');
  writeKubeconfig(kubeconfig, {
    server: emulator.url,
    region: emulator.region,
    identityName: 'cci-demo',
    token: emulator.issueToken(),
    caCertificate: emulator.caCertificate,
    namespace: 'demo',
  });
});
afterAll(async () => {
  await emulator?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('deployment recipe', () => {
  it('deploy/kubernetes.yaml passes kubectl apply --dry-run=server against CCI', async () => {
    const { stdout } = await run('kubectl', [
      ...['--kubeconfig', kubeconfig, 'apply', '--dry-run=server', '-f', MANIFEST],
    ]);
    expect(stdout).toContain('secret/cci-console created (server dry run)');
    expect(stdout).toContain('deployment.apps/cci-console created (server dry run)');
    expect(stdout).toContain('service/cci-console created (server dry run)');
  });

  it('runs 2+ replicas, ready on /healthz, with REDIS_URL and the keys from the Secret', () => {
    const docs = parseAllDocuments(readFileSync(MANIFEST, 'utf8')).map((d) => d.toJSON());
    const deployment = docs.find((d) => d.kind === 'Deployment');
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    const container = deployment.spec.template.spec.containers[0];
    expect(container.readinessProbe.httpGet.path).toBe('/healthz');
    const fromSecret = (name: string) =>
      container.env.find((e: { name: string }) => e.name === name)?.valueFrom?.secretKeyRef;
    expect(fromSecret('REDIS_URL')?.name).toBe('cci-console');
    expect(fromSecret('SESSION_ENCRYPTION_KEYS')?.name).toBe('cci-console');
  });

  it('the Dockerfile installs every workspace of package.json', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const { workspaces } = parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { link?: boolean }>;
    };
    const local = Object.keys(lock.packages).filter(
      (p) => p !== '' && !p.includes('node_modules') && workspaces.length > 0,
    );
    for (const path of local) expect(dockerfile).toContain(`COPY ${path}/package.json ${path}/`);
  });
});
