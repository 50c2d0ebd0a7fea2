import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { comparable, editableYaml, threeWayMerge } from './editableObject.ts';

const live = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name: 'a',
    namespace: 'dev',
    uid: 'u-1',
    resourceVersion: '5',
    generation: 2,
    creationTimestamp: '2026-01-01T00:00:00Z',
    selfLink: '/api/v1/namespaces/dev/configmaps/a',
    managedFields: [{ manager: 'kubectl' }],
    labels: { app: 'a' },
  },
  data: { x: '1', y: '2' },
  status: { phase: 'Active' },
};

describe('editableYaml', () => {
  it('drops what the server owns and keeps resourceVersion for conflict detection', () => {
    expect(parse(editableYaml(live))).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'a', namespace: 'dev', resourceVersion: '5', labels: { app: 'a' } },
      data: { x: '1', y: '2' },
    });
  });

  it('compares objects without server fields or resourceVersion, key order ignored', () => {
    const other = {
      data: { y: '2', x: '1' },
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { ...live.metadata, resourceVersion: '6' },
    };
    expect(JSON.stringify(comparable(live))).toBe(JSON.stringify(comparable(other)));
  });
});

describe('threeWayMerge', () => {
  const base = {
    metadata: { name: 'a', resourceVersion: '5', labels: { app: 'a' } },
    data: { x: '1', y: '2' },
  };

  it("re-applies the user's change on the newer object and keeps the server's other changes", () => {
    const mine = {
      metadata: { name: 'a', resourceVersion: '5', labels: { app: 'a' } },
      data: { x: 'mine', y: '2' },
    };
    const theirs = {
      metadata: { name: 'a', resourceVersion: '9', labels: { app: 'a', team: 't' } },
      data: { x: '1', y: '2', z: '3' },
    };
    expect(threeWayMerge(base, mine, theirs)).toEqual({
      merged: {
        metadata: { name: 'a', resourceVersion: '9', labels: { app: 'a', team: 't' } },
        data: { x: 'mine', y: '2', z: '3' },
      },
      conflicts: [],
    });
  });

  it('removes what the user removed and reports fields both sides changed (user wins)', () => {
    const mine = {
      metadata: { name: 'a', resourceVersion: '5', labels: { app: 'a' } },
      data: { x: 'mine' },
    };
    const theirs = {
      metadata: { name: 'a', resourceVersion: '9', labels: { app: 'a' } },
      data: { x: 'theirs', y: '2' },
    };
    expect(threeWayMerge(base, mine, theirs)).toEqual({
      merged: {
        metadata: { name: 'a', resourceVersion: '9', labels: { app: 'a' } },
        data: { x: 'mine' },
      },
      conflicts: ['data.x'],
    });
  });
});
