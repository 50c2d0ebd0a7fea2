import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ObjectStore } from './objectStore.ts';
import { openSqlitePersistence } from './sqlitePersistence.ts';
import type { KubeObject, WatchEventType } from './types.ts';

function pod(namespace: string, name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name, labels } };
}

function recorder() {
  const seen: { type: WatchEventType; name: string; rv: string | undefined }[] = [];
  return {
    seen,
    send: (type: WatchEventType, _json: string, object: KubeObject) =>
      seen.push({ type, name: object.metadata.name, rv: object.metadata.resourceVersion }),
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ObjectStore', () => {
  it('gives every write the next resourceVersion of one counter', () => {
    const store = new ObjectStore();
    const a = store.put('/pods', pod('n1', 'a'));
    const b = store.put('/configmaps', { metadata: { namespace: 'n1', name: 'b' } });
    const a2 = store.put('/pods', { ...a, spec: { x: 1 } });
    expect([a, b, a2].map((o) => o.metadata.resourceVersion)).toEqual(['1', '2', '3']);
    expect(store.resourceVersion).toBe(3);
    store.remove('/pods', 'n1', 'a');
    expect(store.resourceVersion).toBe(4);
    expect(store.get('/pods', 'n1', 'a')).toBeUndefined();
  });

  it('lists by namespace then name, and resumes after a key', () => {
    const store = new ObjectStore();
    for (const [ns, name] of [
      ['b', 'z'],
      ['a', 'y'],
      ['b', 'a'],
      ['ab', 'q'],
      ['a', 'b'],
    ] as const) {
      store.put('/pods', pod(ns, name));
    }
    const all = [...store.entries('/pods')].map(
      (e) => `${e.object.metadata.namespace}/${e.object.metadata.name}`,
    );
    expect(all).toEqual(['a/b', 'a/y', 'ab/q', 'b/a', 'b/z']);
    expect(store.list('/pods', 'a').map((o) => o.metadata.name)).toEqual(['b', 'y']);
    const first = [...store.entries('/pods', 'b')][0];
    expect([...store.entries('/pods', 'b', first?.key)].map((e) => e.object.metadata.name)).toEqual(
      ['z'],
    );
  });

  it('replays events after a resourceVersion, then streams live ones', () => {
    const store = new ObjectStore();
    store.put('/pods', pod('n', 'a'));
    store.put('/pods', pod('n', 'b'));
    const r = recorder();
    const w = store.watch(
      { storageKey: '/pods', namespace: 'n', matches: () => true, send: r.send },
      1,
    );
    expect(w).not.toBe('gone');
    store.remove('/pods', 'n', 'a');
    store.put('/pods', pod('other', 'c'));
    expect(r.seen).toEqual([
      { type: 'ADDED', name: 'b', rv: '2' },
      { type: 'DELETED', name: 'a', rv: '3' },
    ]);
  });

  it('answers gone for history that was evicted', () => {
    const store = new ObjectStore({ eventLogCapacity: 2 });
    for (const name of ['a', 'b', 'c']) store.put('/pods', pod('n', name));
    const r = recorder();
    expect(
      store.watch(
        { storageKey: '/pods', namespace: undefined, matches: () => true, send: r.send },
        0,
      ),
    ).toBe('gone');
    expect(
      store.watch(
        { storageKey: '/pods', namespace: undefined, matches: () => true, send: r.send },
        1,
      ),
    ).not.toBe('gone');
    expect(r.seen.map((e) => e.name)).toEqual(['b', 'c']);
  });

  it('turns label changes into ADDED/DELETED for a selector-filtered watch', () => {
    const store = new ObjectStore();
    const r = recorder();
    store.watch(
      {
        storageKey: '/pods',
        namespace: undefined,
        matches: (o) => o.metadata.labels?.['app'] === 'web',
        send: r.send,
      },
      undefined,
    );
    const p = store.put('/pods', pod('n', 'a', { app: 'db' }));
    const p2 = store.put('/pods', { ...p, metadata: { ...p.metadata, labels: { app: 'web' } } });
    const p3 = store.put('/pods', {
      ...p2,
      metadata: { ...p2.metadata, labels: { app: 'web', v: '2' } },
    });
    store.put('/pods', { ...p3, metadata: { ...p3.metadata, labels: { app: 'db' } } });
    expect(r.seen.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('keeps objects and the version counter in SQLite across a reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cci-store-'));
    dirs.push(dir);
    const first = new ObjectStore({ persistence: openSqlitePersistence(dir) });
    first.put('/pods', pod('n', 'a'));
    first.put('/pods', pod('n', 'b'));
    first.remove('/pods', 'n', 'a');
    first.close();
    const second = new ObjectStore({ persistence: openSqlitePersistence(dir) });
    expect(second.resourceVersion).toBe(3);
    expect(second.list('/pods').map((o) => o.metadata.name)).toEqual(['b']);
    // A watch from before the restart cannot be resumed: the history is gone with the process.
    expect(
      second.watch(
        { storageKey: '/pods', namespace: undefined, matches: () => true, send: () => {} },
        1,
      ),
    ).toBe('gone');
    expect(second.put('/pods', pod('n', 'c')).metadata.resourceVersion).toBe('4');
    second.close();
  });
});

describe('ObjectStore owner index', () => {
  it('finds dependents by owner uid as owner references come and go', () => {
    const store = new ObjectStore();
    const ref = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'rs',
      uid: 'u1',
      controller: true,
    };
    const a = store.put('/pods', {
      ...pod('n', 'a'),
      metadata: { namespace: 'n', name: 'a', ownerReferences: [ref] },
    });
    store.put('/pods', {
      ...pod('n', 'b'),
      metadata: { namespace: 'n', name: 'b', ownerReferences: [ref] },
    });
    store.put('/pods', pod('n', 'c'));
    expect(
      store
        .dependentsOf('u1')
        .map((d) => d.object.metadata.name)
        .sort(),
    ).toEqual(['a', 'b']);
    store.put('/pods', { ...a, metadata: { ...a.metadata, ownerReferences: [] } });
    store.remove('/pods', 'n', 'b');
    expect(store.dependentsOf('u1')).toEqual([]);
  });
});
