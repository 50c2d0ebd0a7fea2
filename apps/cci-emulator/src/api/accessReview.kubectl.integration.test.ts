import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlAs, kubectlFor, type kubectlRunner } from '../../test/support/kubectl.ts';
import { namespaceManifest } from '../../test/support/testEmulator.ts';
import { startEmulator, type Emulator } from '../emulator.ts';

// `kubectl auth can-i` (SelfSubjectAccessReview and SelfSubjectRulesReview, sent as protobuf)
// answered by the roles and project isolation that authorise every request.

type Kubectl = ReturnType<typeof kubectlRunner>;
let emulator: Emulator;
let full: Kubectl;
let viewer: Kubectl;
let other: Kubectl;

beforeAll(async () => {
  emulator = await startEmulator();
  full = kubectlFor(emulator);
  viewer = kubectlAs(emulator, { user: 'cci-viewer', domain: 'cci-demo', project: 'cn-north-4' });
  other = kubectlAs(emulator, { user: 'cci-other', domain: 'cci-other', project: 'cn-north-4' });
  const ns = await full.run(['create', '-f', '-'], JSON.stringify(namespaceManifest('demo')));
  expect(ns.code, ns.stderr).toBe(0);
});
afterAll(() => emulator.close());

const canI = async (k: Kubectl, ...args: string[]) => {
  const r = await k.run(['auth', 'can-i', ...args]);
  expect(r.stderr).toBe('');
  return r.stdout.trim();
};

describe('kubectl auth can-i', () => {
  it('discovers authorization.k8s.io/v1 with both self reviews', async () => {
    const r = await full.run([
      'api-resources',
      '--api-group',
      'authorization.k8s.io',
      '-o',
      'name',
    ]);
    expect(r.stdout.trim().split('\n').sort()).toEqual([
      'selfsubjectaccessreviews.authorization.k8s.io',
      'selfsubjectrulesreviews.authorization.k8s.io',
    ]);
  });

  it('answers yes to the full-access user for reads and writes in its namespace', async () => {
    expect(await canI(full, 'create', 'configmaps', '-n', 'demo')).toBe('yes');
    expect(await canI(full, 'delete', 'deployments.apps', '-n', 'demo')).toBe('yes');
    expect(await canI(full, '*', 'pods', '-n', 'demo')).toBe('yes');
    expect(await canI(full, 'create', 'pods', '--subresource', 'exec', '-n', 'demo')).toBe('yes');
  });

  it('answers no to the read-only user for writes, yes for get, list and watch', async () => {
    const no = await viewer.run(['auth', 'can-i', 'create', 'configmaps', '-n', 'demo']);
    expect(no.code).toBe(1);
    expect(no.stdout.trim()).toBe('no - the role CCI ReadOnlyAccess allows only get, list, watch');
    expect(await canI(viewer, 'list', 'configmaps', '-n', 'demo')).toBe('yes');
    expect(await canI(viewer, 'watch', 'pods', '-n', 'demo')).toBe('yes');
    expect((await viewer.run(['auth', 'can-i', '*', 'pods', '-n', 'demo'])).stdout).toMatch(/^no/);
  });

  it('answers no for a namespace of another project, whatever the role', async () => {
    const r = await other.run(['auth', 'can-i', 'get', 'configmaps', '-n', 'demo']);
    expect(r.stdout.trim()).toBe('no - the namespace belongs to another project');
    // kubectl warns that namespaces are cluster-scoped: stdout alone is the answer.
    expect((await other.run(['auth', 'can-i', 'create', 'namespaces'])).stdout.trim()).toBe('yes');
  });

  it('lists the rules a user holds in a namespace (--list)', async () => {
    const rows = async (k: Kubectl) =>
      (await k.run(['auth', 'can-i', '--list', '-n', 'demo'])).stdout
        .split('\n')
        .filter((l) => l.startsWith('*.*'));
    expect(await rows(viewer)).toEqual([expect.stringMatching(/\[get list watch\]$/)]);
    expect(await rows(full)).toEqual([
      expect.stringMatching(/\[get list watch create update patch delete deletecollection\]$/),
    ]);
    expect(await rows(other)).toEqual([]);
  });

  it('answers discovery paths as allowed and other non-resource URLs as not', async () => {
    expect(await canI(viewer, 'get', '/apis')).toBe('yes');
    expect((await viewer.run(['auth', 'can-i', 'get', '/metrics'])).stdout).toMatch(/^no/);
  });
});
