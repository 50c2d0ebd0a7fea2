import { describe, expect, it } from 'vitest';
import { cciNamespaceStatus, columnsByResource, type ColumnContext } from './columns.ts';
import { formatAge, type KubeObject } from './objects.ts';
import { parseLabelFilter } from './labelFilter.ts';
import { visibleRows } from './listView.ts';

const now = Date.parse('2026-01-02T00:00:00Z');
const context: ColumnContext = { now, namespacesWithNetwork: new Set(['demo']) };
const obj = (name: string, extra: Partial<KubeObject> = {}, labels: Record<string, string> = {}) =>
  ({
    metadata: { name, labels, creationTimestamp: '2026-01-01T00:00:00Z' },
    ...extra,
  }) as KubeObject;
const cells = (plural: keyof typeof columnsByResource, o: KubeObject) =>
  Object.fromEntries(columnsByResource[plural].map((c) => [c.id, c.value(o, context)]));

describe('column descriptions', () => {
  it('N8: namespaces show NAME STATUS AGE (plus flavor and CCI status)', () => {
    expect(columnsByResource.namespaces.map((c) => c.id)).toEqual(
      expect.arrayContaining(['name', 'status', 'age']),
    );
  });

  it('N4: a namespace without a Network is abnormal, with one normal, unknown when not listed', () => {
    expect(cciNamespaceStatus(obj('demo'), context)).toBe('normal');
    expect(cciNamespaceStatus(obj('other'), context)).toBe('abnormal');
    expect(cciNamespaceStatus(obj('demo'), { now, namespacesWithNetwork: undefined })).toBe(
      'unknown',
    );
  });

  it('P12: pods show READY, STATUS, RESTARTS, AGE and IP', () => {
    const pod = obj('web', {
      spec: { containers: [{}, {}] },
      status: {
        phase: 'Running',
        podIP: '192.168.0.5',
        containerStatuses: [
          { ready: true, restartCount: 2, state: { running: {} } },
          { ready: false, restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      },
    });
    expect(cells('pods', pod)).toEqual({
      name: 'web',
      ready: '1/2',
      status: 'CrashLoopBackOff',
      restarts: 3,
      age: '24h',
      ip: '192.168.0.5',
      eip: '',
    });
  });

  it('E4: pods show the EIP CCI allocated to them', () => {
    const pod = obj('web-eip', {});
    pod.metadata.annotations = { 'yangtse.io/allocated-ipv4-eip': '100.64.0.9' };
    expect(cells('pods', pod)).toMatchObject({ eip: '100.64.0.9' });
  });

  it('D6: deployments show READY, UP-TO-DATE, AVAILABLE', () => {
    const d = obj('api', {
      spec: { replicas: 3 },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    });
    expect(cells('deployments', d)).toMatchObject({ ready: '2/3', upToDate: 3, available: 2 });
  });

  it('E4: EIP pools show EIPS and USAGE', () => {
    const pool = obj('pool', { status: { eips: [{}, {}, {}], usage: '1/3' } });
    expect(cells('eippools', pool)).toMatchObject({ eips: 3, usage: '1/3' });
  });
});

describe('formatAge', () => {
  it('prints kubectl-style ages', () => {
    const at = (seconds: number) => formatAge(new Date(now - seconds * 1000).toISOString(), now);
    expect(at(45)).toBe('45s');
    expect(at(192)).toBe('3m12s');
    expect(at(5 * 3600 + 4 * 60)).toBe('5h4m');
    expect(at(12 * 86400)).toBe('12d');
    expect(formatAge(undefined, now)).toBe('<unknown>');
  });
});

describe('visibleRows', () => {
  const items = [obj('b-web', {}, { app: 'web' }), obj('a-db', {}, { app: 'db' }), obj('c-web2')];
  const base = { columns: columnsByResource.configmaps, context };

  it('L1: filters by label selector and name, sorts by a column', () => {
    const filter = parseLabelFilter('app in (web,db)');
    expect(filter.ok).toBe(true);
    const labels = filter.ok ? filter.matches : undefined;
    const rows = visibleRows(items, {
      ...base,
      search: '',
      labels,
      sort: { column: 'name', descending: false },
    });
    expect(rows.map((r) => r.metadata.name)).toEqual(['a-db', 'b-web']);
    const searched = visibleRows(items, {
      ...base,
      search: 'WEB',
      labels: undefined,
      sort: { column: 'name', descending: true },
    });
    expect(searched.map((r) => r.metadata.name)).toEqual(['c-web2', 'b-web']);
  });

  it('L1: reports the parser error of an invalid selector, accepts empty text', () => {
    const bad = parseLabelFilter('app in (web');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.length).toBeGreaterThan(0);
    expect(parseLabelFilter('  ')).toEqual({ ok: true, selector: undefined, matches: undefined });
  });
});
