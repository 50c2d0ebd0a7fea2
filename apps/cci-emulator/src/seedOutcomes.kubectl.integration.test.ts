import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlFor, type kubectlRunner } from '../test/support/kubectl.ts';
import { SEED_FIXTURE_DIR, seedFixturePath, seedManifests } from '../test/seedManifests.ts';
import { namespaceManifest, networkManifest } from '../test/support/testEmulator.ts';
import { startEmulator, type Emulator } from './emulator.ts';

/**
 * The seed's own flawed examples, sent with real kubectl to an emulator running every CCI rule:
 * each is refused, and a refusal by the server names the rule the fixture documents.
 */
let emulator: Emulator;
let kubectl: ReturnType<typeof kubectlRunner>;

beforeAll(async () => {
  emulator = await startEmulator();
  kubectl = kubectlFor(emulator);
  for (const [name, flavor] of [
    ['flawed', 'general-computing'],
    ['flawed-gpu', 'gpu-accelerated'],
  ] as const) {
    expect(
      (await kubectl.run(['create', '-f', '-'], JSON.stringify(namespaceManifest(name, flavor))))
        .code,
    ).toBe(0);
    await kubectl.run(
      ['create', '-n', name, '-f', '-'],
      JSON.stringify(networkManifest(`${name}-net`)),
    );
  }
  // LG2's referenced ConfigMap exists, so the logging examples fail on their own flaws only.
  await kubectl.run(['create', '-n', 'flawed', '-f', seedFixturePath('14-01-configmap.yaml')]);
});
afterAll(() => emulator.close());

const flawed = seedManifests().filter((m) => m.flawed);

/** The rule IDs a fixture's `# flawed:` header names, e.g. (P1) or (EIP1, E2). */
function documentedRules(file: string): string[] {
  const header = readFileSync(join(SEED_FIXTURE_DIR, file), 'utf8').split('\n')[0] ?? '';
  return [...header.matchAll(/\b([A-Z]{1,3}\d{1,2})\b/g)].map((m) => m[1] as string);
}

describe('the seed examples with mistakes, through real kubectl', () => {
  it('has flawed examples to check', () => {
    expect(flawed.length).toBeGreaterThanOrEqual(10);
  });

  it.each(flawed.map((m) => [m.file, m] as const))(
    '%s is refused with a clear message',
    async (file) => {
      const r = await kubectl.run(['create', '-n', 'flawed', '-f', join(SEED_FIXTURE_DIR, file)]);
      expect(r.code, `kubectl accepted ${file}: ${r.stdout}`).not.toBe(0);
      expect(r.stderr.trim()).not.toBe('');
      expect(r.stderr).not.toMatch(/panic|goroutine|stack/i);
      const rules = documentedRules(file).filter((id) => id !== 'Y1');
      if (
        /Error from server/.test(r.stderr) &&
        rules.length > 0 &&
        !/metadata\.name|RFC 1123/.test(r.stderr)
      ) {
        // A refusal by the emulator's admission names the CCI rule the fixture documents.
        expect(
          rules.some((id) => r.stderr.includes(id)),
          `${file}: ${r.stderr}`,
        ).toBe(true);
      }
    },
  );
});

describe('the seed examples that work, through real kubectl', () => {
  async function waitFor(args: string[], pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = (await kubectl.run(args)).stdout;
      if (pattern.test(last)) return last;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(
      `timed out waiting for ${pattern} in kubectl ${args.join(' ')}; last output:\n${last}`,
    );
  }

  it('E4: kubectl get eippool shows NAME EIPS USAGE AGE and usage rises when a pod binds an EIP', async () => {
    const created = await kubectl.run([
      'create',
      '-n',
      'flawed',
      '-f',
      seedFixturePath('07-01-eippool-dynamic-per.yaml'),
    ]);
    expect(created.stdout).toMatch(/eippool.crd.yangtse.cni\/\S+ created/);
    const pool = /eippool.crd.yangtse.cni\/(\S+) created/.exec(created.stdout)?.[1] ?? '';
    const empty = await waitFor(
      ['get', 'eippool', '-n', 'flawed'],
      new RegExp(`${pool}\\s+0/3\\s+0/3`),
    );
    expect(empty.split('\n')[0]?.trim().split(/\s+/)).toEqual(['NAME', 'EIPS', 'USAGE', 'AGE']);
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'with-eip', annotations: { 'yangtse.io/eip-pool': pool } },
      spec: {
        containers: [
          {
            name: 'container-0',
            image: 'nginx:alpine',
            resources: {
              limits: { cpu: '500m', memory: '1024Mi' },
              requests: { cpu: '500m', memory: '1024Mi' },
            },
          },
        ],
        imagePullSecrets: [{ name: 'imagepull-secret' }],
      },
    };
    expect(
      (await kubectl.run(['create', '-n', 'flawed', '-f', '-'], JSON.stringify(pod))).code,
    ).toBe(0);
    await waitFor(['get', 'eippool', '-n', 'flawed'], new RegExp(`${pool}\\s+1/3\\s+1/3`));
    const address = await waitFor(
      [
        'get',
        'pod',
        'with-eip',
        '-n',
        'flawed',
        '-o',
        'jsonpath={.metadata.annotations.yangtse\\.io/allocated-ipv4-eip}',
      ],
      /^\d+\.\d+\.\d+\.\d+$/,
    );
    // Emulated public addresses come from the documentation ranges only.
    expect(address).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\./);
  });

  it('N6: a Network on 10.247.0.0/16 is accepted with a Warning that kubectl prints', async () => {
    await kubectl.run(['create', '-f', '-'], JSON.stringify(namespaceManifest('svc-range')));
    const r = await kubectl.run(
      ['create', '-n', 'svc-range', '-f', '-'],
      JSON.stringify(networkManifest('overlap', '10.247.0.0/16')),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/network.networking.cci.io\/overlap created/);
    expect(r.stderr).toMatch(
      /^Warning: spec.cidr 10.247.0.0\/16 overlaps 10.247.0.0\/16, the range CCI reserves/m,
    );
  });
});
