import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlAs, kubectlFor, type kubectlRunner } from '../../test/support/kubectl.ts';
import { namespaceManifest } from '../../test/support/testEmulator.ts';
import { startEmulator, type Emulator } from '../emulator.ts';
import { PROJECT_ANNOTATION } from './tenancy.ts';

// Two accounts, two regions of one account and a read-only user, all driving real kubectl:
// what one project creates is invisible or forbidden to every other.

type Kubectl = ReturnType<typeof kubectlRunner>;
let emulator: Emulator;
let demo: Kubectl;
let viewer: Kubectl;
let other: Kubectl;
let demoEast: Kubectl;

const configMap = (ns: string, name: string) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns } });

beforeAll(async () => {
  emulator = await startEmulator();
  demo = kubectlFor(emulator);
  viewer = kubectlAs(emulator, { user: 'cci-viewer', domain: 'cci-demo', project: 'cn-north-4' });
  other = kubectlAs(emulator, { user: 'cci-other', domain: 'cci-other', project: 'cn-north-4' });
  demoEast = kubectlAs(emulator, { user: 'cci-demo', domain: 'cci-demo', project: 'cn-east-3' });
  const created = await demo.run(['create', '-f', '-'], JSON.stringify(namespaceManifest('iso-a')));
  expect(created.stderr).toBe('');
  const cm = await demo.run(['create', '-f', '-'], configMap('iso-a', 'settings'));
  expect(cm.stdout.trim()).toBe('configmap/settings created');
});
afterAll(() => emulator.close());

describe('per-project isolation (issue 17)', () => {
  it('lists only the caller project namespaces: another account and another region see none', async () => {
    expect((await demo.run(['get', 'ns', '-o', 'name'])).stdout).toContain('namespace/iso-a');
    expect((await other.run(['get', 'ns', '-o', 'name'])).stdout).not.toContain('iso-a');
    expect((await demoEast.run(['get', 'ns', '-o', 'name'])).stdout).not.toContain('iso-a');
    const all = await other.run(['get', 'configmaps', '-A', '-o', 'name']);
    expect(all.code).toBe(0);
    expect(all.stdout).not.toContain('settings');
  });

  it('answers 403 Forbidden for a namespace of another project, naming verb and resource', async () => {
    const read = await other.run(['get', 'configmap', 'settings', '-n', 'iso-a']);
    expect(read.code).not.toBe(0);
    expect(read.stderr).toContain(
      'Error from server (Forbidden): configmaps "settings" is forbidden: User "cci-other" cannot get resource "configmaps" in API group "" in the namespace "iso-a": the namespace belongs to another project',
    );
    const ns = await demoEast.run(['get', 'ns', 'iso-a']);
    expect(ns.stderr).toMatch(/Forbidden.*cannot get resource "namespaces"/);
    const write = await other.run(['create', '-f', '-'], configMap('iso-a', 'intruder'));
    expect(write.stderr).toMatch(/Forbidden.*cannot create resource "configmaps"/);
    const del = await other.run(['delete', 'ns', 'iso-a']);
    expect(del.stderr).toMatch(/Forbidden.*cannot delete resource "namespaces"/);
    expect((await demo.run(['get', 'cm', '-n', 'iso-a', '-o', 'name'])).stdout.trim()).toBe(
      'configmap/settings',
    );
  });

  it('stamps the creator project on a namespace and keeps it whatever a client sends', async () => {
    const projectOf = async (k: Kubectl, ns: string) => {
      const r = await k.run(['get', 'ns', ns, '-o', 'json']);
      return (JSON.parse(r.stdout) as { metadata: { annotations: Record<string, string> } })
        .metadata.annotations[PROJECT_ANNOTATION];
    };
    const before = await projectOf(demo, 'iso-a');
    expect(before).toMatch(/^[0-9a-f]{32}$/);
    const annotate = await demo.run([
      'annotate',
      'ns',
      'iso-a',
      `${PROJECT_ANNOTATION}=00000000000000000000000000000000`,
      '--overwrite',
    ]);
    expect(annotate.code).toBe(0);
    expect(await projectOf(demo, 'iso-a')).toBe(before);
    // A create claiming the demo project from another account lands in the caller's own.
    const claimed = namespaceManifest('iso-claim') as { metadata: Record<string, unknown> };
    claimed.metadata['annotations'] = {
      'namespace.kubernetes.io/flavor': 'general-computing',
      [PROJECT_ANNOTATION]: before,
    };
    expect((await other.run(['create', '-f', '-'], JSON.stringify(claimed))).code).toBe(0);
    expect(await projectOf(other, 'iso-claim')).not.toBe(before);
    expect((await demo.run(['get', 'ns', '-o', 'name'])).stdout).not.toContain('iso-claim');
  });

  it('lets a read-only user get and list but answers writes with 403 naming verb and resource', async () => {
    expect((await viewer.run(['get', 'cm', '-n', 'iso-a', '-o', 'name'])).stdout.trim()).toBe(
      'configmap/settings',
    );
    const del = await viewer.run(['delete', 'configmap', 'settings', '-n', 'iso-a']);
    expect(del.stderr).toContain(
      'Error from server (Forbidden): configmaps "settings" is forbidden: User "cci-viewer" cannot delete resource "configmaps" in API group "" in the namespace "iso-a": the role CCI ReadOnlyAccess allows only get, list, watch',
    );
    const create = await viewer.run(['create', '-f', '-'], configMap('iso-a', 'more'));
    expect(create.stderr).toMatch(/User "cci-viewer" cannot create resource "configmaps"/);
    const ns = await viewer.run(['create', '-f', '-'], JSON.stringify(namespaceManifest('iso-v')));
    expect(ns.stderr).toMatch(/cannot create resource "namespaces" .* at the cluster scope/);
    const label = await viewer.run(['label', 'cm', 'settings', '-n', 'iso-a', 'x=y']);
    expect(label.stderr).toMatch(/cannot patch resource "configmaps"/);
  });

  it('S1: an image snapshot and its events belong to the project that created it', async () => {
    const snapshot = {
      apiVersion: 'imagecache.cci.io/v1',
      kind: 'ImageSnapshot',
      metadata: { name: 'iso-snap' },
      spec: { images: [{ image: 'nginx:latest' }], buildingConfig: { namespace: 'iso-a' } },
    };
    expect((await demo.run(['create', '-f', '-'], JSON.stringify(snapshot))).code).toBe(0);
    await emulator.settle();
    expect((await demo.run(['get', 'imagesnapshots', '-o', 'name'])).stdout).toContain('iso-snap');
    expect((await other.run(['get', 'imagesnapshots', '-o', 'name'])).stdout).not.toContain(
      'iso-snap',
    );
    const got = await other.run(['get', 'imagesnapshot', 'iso-snap']);
    expect(got.stderr).toMatch(
      /Forbidden.*cannot get resource "imagesnapshots" in API group "imagecache.cci.io" at the cluster scope/,
    );
    // A snapshot of another account may not be built in the demo's namespace: not found there.
    const theirs = { ...snapshot, metadata: { name: 'iso-snap-other' } };
    expect((await other.run(['create', '-f', '-'], JSON.stringify(theirs))).code).toBe(0);
    await emulator.settle();
    const failed = await other.run(['get', 'events', '-n', 'default', '-o', 'json']);
    const reasons = (JSON.parse(failed.stdout) as { items: { reason: string }[] }).items;
    expect(reasons.map((e) => e.reason)).toEqual(['NamespaceNotFound']);
    const demoEvents = await demo.run(['get', 'events', '-n', 'default', '-o', 'name']);
    expect(demoEvents.stdout).not.toContain('iso-snap-other');
  });

  it('keeps another project out of a watch over every namespace', async () => {
    const watch = other.spawnLong(['get', 'configmaps', '-A', '-w', '--output-watch-events']);
    const mine = await other.run(['create', '-f', '-'], configMap('iso-claim', 'mine'));
    expect(mine.code).toBe(0);
    await watch.waitFor(/mine/, 10_000);
    await demo.run(['create', '-f', '-'], configMap('iso-a', 'hidden'));
    await other.run(['create', '-f', '-'], configMap('iso-claim', 'after'));
    const seen = await watch.waitFor(/after/, 10_000);
    watch.stop();
    expect(seen).not.toContain('hidden');
    expect(seen).not.toContain('settings');
  });
});
