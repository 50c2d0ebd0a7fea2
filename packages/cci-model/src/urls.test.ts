import { describe, expect, it } from 'vitest';
import { findKindByResource, kinds } from './kinds.ts';
import { resourcePath } from './urls.ts';

function kind(group: string, version: string, plural: string) {
  const k = findKindByResource(group, version, plural);
  if (!k) throw new Error(`no kind ${group}/${version}/${plural}`);
  return k;
}

describe('resourcePath', () => {
  it.each([
    [kind('', 'v1', 'namespaces'), {}, '/api/v1/namespaces'],
    [kind('', 'v1', 'namespaces'), { name: 'ns-a' }, '/api/v1/namespaces/ns-a'],
    [kind('', 'v1', 'namespaces'), { namespace: 'x', name: 'ns-a' }, '/api/v1/namespaces/ns-a'],
    [kind('', 'v1', 'pods'), {}, '/api/v1/pods'],
    [kind('', 'v1', 'pods'), { namespace: 'n1' }, '/api/v1/namespaces/n1/pods'],
    [kind('', 'v1', 'pods'), { namespace: 'n1', name: 'p' }, '/api/v1/namespaces/n1/pods/p'],
    [
      kind('', 'v1', 'pods'),
      { namespace: 'n1', name: 'p', subresource: 'log' as const },
      '/api/v1/namespaces/n1/pods/p/log',
    ],
    [
      kind('apps', 'v1', 'deployments'),
      { namespace: 'n1', name: 'd', subresource: 'scale' as const },
      '/apis/apps/v1/namespaces/n1/deployments/d/scale',
    ],
    [
      kind('crd.yangtse.cni', 'v1', 'eippools'),
      { namespace: 'n1' },
      '/apis/crd.yangtse.cni/v1/namespaces/n1/eippools',
    ],
    [
      kind('imagecache.cci.io', 'v1', 'imagesnapshots'),
      { namespace: 'ignored', name: 's1' },
      '/apis/imagecache.cci.io/v1/imagesnapshots/s1',
    ],
    [
      kind('', 'v1', 'pods'),
      { namespace: 'a/b', name: 'c d' },
      '/api/v1/namespaces/a%2Fb/pods/c%20d',
    ],
  ])('%#: %o %o -> %s', (k, location, expected) => {
    expect(resourcePath(k, location)).toBe(expected);
  });

  it('refuses a subresource without a name', () => {
    expect(() => resourcePath(kind('', 'v1', 'pods'), { subresource: 'log' })).toThrow(
      /needs an object name/,
    );
  });

  it('describes every kind the seed uses, with unique group/version/plural', () => {
    const ids = kinds.map((k) => `${k.group}/${k.version}/${k.plural}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining([
        'Namespace',
        'Pod',
        'Service',
        'Endpoints',
        'ConfigMap',
        'Secret',
        'PersistentVolumeClaim',
        'Event',
        'Deployment',
        'ReplicaSet',
        'Job',
        'CronJob',
        'Ingress',
        'Network',
        'EIPPool',
        'ImageSnapshot',
      ]),
    );
  });

  it('S4: image snapshots support neither watch nor selectors', () => {
    const s = kind('imagecache.cci.io', 'v1', 'imagesnapshots');
    expect(s.supportsWatch).toBe(false);
    expect(s.supportsSelectors).toBe(false);
    expect(s.verbs).not.toContain('watch');
  });
});
