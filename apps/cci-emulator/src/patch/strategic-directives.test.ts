import { describe, expect, it } from 'vitest';
import {
  at,
  deployment,
  podSpecPatch,
  strategic,
  strategicOutcome,
  twoContainers,
} from './strategic-fixtures.ts';

const rolling = deployment(
  { containers: [] },
  {
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
  },
);

describe('strategic merge patch: maps and directives', () => {
  it('labels and annotations merge per key, null deletes one (kubectl rollout restart, label)', () => {
    const patch = {
      metadata: { labels: { tier: 'front', app: null } },
      spec: {
        template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': 't1' } } },
      },
    };
    const result = strategic(twoContainers, patch);
    expect(at(result, 'metadata.labels')).toEqual({ tier: 'front' });
    expect(at(result, 'spec.template.metadata')).toEqual({
      labels: { app: 'web' },
      annotations: { 'kubectl.kubernetes.io/restartedAt': 't1' },
    });
  });

  it('$retainKeys on the Deployment strategy: switching RollingUpdate to Recreate drops rollingUpdate', () => {
    const result = strategic(rolling, {
      spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } },
    });
    expect(at(result, 'spec.strategy')).toEqual({ type: 'Recreate' });
    expect(at(result, 'spec.replicas')).toBe(2);
  });

  it('$retainKeys must list every field the patch sets', () => {
    const patch = {
      spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: {} } },
    };
    expect(strategicOutcome(rolling, patch)).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining('rollingUpdate'),
    });
  });

  it('$patch: replace on a list replaces it and on a map replaces the map', () => {
    const list = podSpecPatch({
      containers: [{ $patch: 'replace' }, { name: 'only', image: 'a' }],
    });
    expect(at(strategic(twoContainers, list), 'spec.template.spec.containers')).toEqual([
      { name: 'only', image: 'a' },
    ]);
    const map = { metadata: { labels: { $patch: 'replace', tier: 'front' } } };
    expect(at(strategic(twoContainers, map), 'metadata.labels')).toEqual({ tier: 'front' });
  });

  it('$patch: delete on a map field removes the field', () => {
    const result = strategic(rolling, { spec: { strategy: { $patch: 'delete' } } });
    expect(at(result, 'spec')).not.toHaveProperty('strategy');
    expect(strategicOutcome(rolling, { $patch: 'delete' })).toMatchObject({
      ok: false,
      status: 422,
    });
  });

  it('directives in a value the live object lacks are applied, not stored', () => {
    const bare = deployment({ containers: [{ name: 'web' }] });
    const patch = {
      spec: {
        strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null },
        template: {
          spec: {
            containers: [
              {
                name: 'web',
                '$setElementOrder/env': [{ name: 'A' }],
                env: [{ name: 'A', value: '1' }],
              },
            ],
          },
        },
      },
    };
    const result = strategic(bare, patch);
    expect(at(result, 'spec.strategy')).toEqual({ type: 'Recreate' });
    expect(at(result, 'spec.template.spec.containers')).toEqual([
      { name: 'web', env: [{ name: 'A', value: '1' }] },
    ]);
  });

  describe('finalizers (a primitive list with the merge strategy)', () => {
    const withFinalizers = { metadata: { name: 'x', finalizers: ['a', 'b'] } };

    it('are unioned', () => {
      const result = strategic(withFinalizers, { metadata: { finalizers: ['b', 'c'] } });
      expect(at(result, 'metadata.finalizers')).toEqual(['a', 'b', 'c']);
    });

    it('are removed with $deleteFromPrimitiveList/finalizers', () => {
      const patch = { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } };
      expect(at(strategic(withFinalizers, patch), 'metadata.finalizers')).toEqual(['b']);
    });

    it('are reordered by $setElementOrder/finalizers alongside additions and deletions', () => {
      const patch = {
        metadata: {
          '$setElementOrder/finalizers': ['c', 'b'],
          '$deleteFromPrimitiveList/finalizers': ['a'],
          finalizers: ['c'],
        },
      };
      expect(at(strategic(withFinalizers, patch), 'metadata.finalizers')).toEqual(['c', 'b']);
    });
  });

  it.each([
    ['an unknown $patch directive', { metadata: { labels: { $patch: 'explode' } } }, '$patch'],
    ['an unknown directive key', { spec: { $frobnicate: [] } }, '$frobnicate'],
    [
      '$retainKeys that is not a list',
      { spec: { strategy: { $retainKeys: 'type' } } },
      '$retainKeys',
    ],
    [
      '$deleteFromPrimitiveList that is not a list',
      { metadata: { '$deleteFromPrimitiveList/finalizers': 'a' } },
      'must be a list',
    ],
    ['a list mixing objects and scalars', { metadata: { finalizers: ['a', { b: 1 }] } }, 'mixes'],
    ['a patch that is not an object', ['not', 'an', 'object'], 'JSON object'],
    ['malformed JSON text', '{"spec": [', 'not valid JSON'],
  ])('rejects %s with 400', (_name, patch, fragment) => {
    expect(strategicOutcome(twoContainers, patch)).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining(fragment),
    });
  });
});
