import { describe, expect, it } from 'vitest';
import { toTable } from './toTable.ts';

const now = new Date('2024-05-01T12:00:00Z');
const configMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name: 'cfg',
    namespace: 'ns1',
    uid: 'u-1',
    resourceVersion: '42',
    labels: { app: 'x' },
    creationTimestamp: '2024-05-01T11:00:00Z',
  },
  data: { a: '1' },
};

describe('toTable', () => {
  it('builds a meta.k8s.io/v1 Table with list metadata and full column definitions', () => {
    const t = toTable({
      kind: 'ConfigMap',
      objects: [configMap],
      now,
      includeObject: 'None',
      listMeta: { resourceVersion: '57', continue: 'token' },
    });
    expect(t).toEqual({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '57', continue: 'token' },
      columnDefinitions: [
        {
          name: 'Name',
          type: 'string',
          format: 'name',
          description: expect.any(String),
          priority: 0,
        },
        { name: 'Data', type: 'integer', format: '', description: expect.any(String), priority: 0 },
        { name: 'Age', type: 'string', format: '', description: expect.any(String), priority: 0 },
      ],
      rows: [{ cells: ['cfg', 1, '60m'] }],
    });
    expect(Object.hasOwn(t.rows[0] ?? {}, 'object')).toBe(false);
  });

  it('omits absent list metadata', () => {
    expect(
      toTable({ kind: 'ConfigMap', objects: [], now, includeObject: 'None' }).metadata,
    ).toEqual({});
  });

  it('includes PartialObjectMetadata for includeObject=Metadata and the object for Object', () => {
    const meta = toTable({
      kind: 'ConfigMap',
      objects: [configMap],
      now,
      includeObject: 'Metadata',
    });
    expect(meta.rows[0]?.object).toEqual({
      apiVersion: 'meta.k8s.io/v1',
      kind: 'PartialObjectMetadata',
      metadata: configMap.metadata,
    });
    const full = toTable({ kind: 'ConfigMap', objects: [configMap], now, includeObject: 'Object' });
    expect(full.rows[0]?.object).toEqual(configMap);
  });

  it('prints NAME AGE for kinds without a printer', () => {
    const t = toTable({ kind: 'ServiceAccount', objects: [configMap], now, includeObject: 'None' });
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Age']);
    expect(t.rows[0]?.cells).toEqual(['cfg', '60m']);
  });

  it('gives every row as many cells as there are columns', () => {
    for (const kind of [
      'Pod',
      'Deployment',
      'Service',
      'Event',
      'CronJob',
      'EIPPool',
      'ImageSnapshot',
      'Network',
    ]) {
      const t = toTable({
        kind,
        objects: [{ metadata: { name: 'x' } }],
        now,
        includeObject: 'None',
      });
      expect(t.rows[0]?.cells, kind).toHaveLength(t.columnDefinitions.length);
    }
  });

  it('does not alter the objects it prints', () => {
    const pod = {
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: { containerStatuses: [{ name: 'a' }, { name: 'b' }] },
    };
    const before = JSON.stringify(pod);
    toTable({ kind: 'Pod', objects: [pod], now, includeObject: 'None' });
    expect(JSON.stringify(pod)).toBe(before);
  });
});
