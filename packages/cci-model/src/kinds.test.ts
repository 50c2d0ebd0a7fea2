import { describe, expect, it } from 'vitest';
import { apiVersionOf, findKind, findKinds, isCustomKind, kinds } from './kinds.ts';

describe('findKind', () => {
  it('finds a kind by any combination of its facts, the preferred version first', () => {
    expect(findKind({ plural: 'pods' })?.kind).toBe('Pod');
    expect(findKind({ apiVersion: 'apps/v1', kind: 'Deployment' })?.plural).toBe('deployments');
    expect(findKind({ group: 'batch', plural: 'cronjobs' })?.version).toBe('v1');
    expect(findKind({ storageKey: 'ingresses' })?.group).toBe('extensions');
    expect(findKind({ group: 'apps', plural: 'pods' })).toBeUndefined();
  });

  it('lists every version of a resource', () => {
    expect(findKinds({ kind: 'Ingress' }).map(apiVersionOf)).toEqual([
      'extensions/v1beta1',
      'networking.k8s.io/v1beta1',
    ]);
    expect(findKinds({})).toHaveLength(kinds.length);
  });
});

describe('isCustomKind', () => {
  it('is true exactly for the CCI kinds served from CRDs', () => {
    const custom = kinds.filter(isCustomKind).map((k) => k.kind);
    expect(custom.sort()).toEqual(['EIPPool', 'ImageSnapshot', 'Network']);
  });
});
