import { describe, expect, it } from 'vitest';
import { applyStreamMessages } from './liveList.ts';
import type { KubeList, KubeObject } from './objects.ts';

const pod = (name: string, phase = 'Pending'): KubeObject => ({
  metadata: { name, namespace: 'demo' },
  status: { phase },
});
const names = (list: KubeList | undefined) => list?.items.map((o) => o.metadata.name);

describe('applyStreamMessages', () => {
  it('replaces the list on snapshot and reset', () => {
    const old: KubeList = { items: [pod('old')] };
    const next = applyStreamMessages(old, [
      {
        type: 'snapshot',
        resourceVersion: '7',
        items: [pod('a'), pod('b')],
      },
    ]);
    expect(names(next)).toEqual(['a', 'b']);
    expect(next?.metadata?.resourceVersion).toBe('7');
  });

  it('adds, modifies and deletes by namespace and name', () => {
    let list: KubeList | undefined = { items: [pod('a'), pod('b')] };
    list = applyStreamMessages(list, [{ type: 'event', eventType: 'ADDED', object: pod('c') }]);
    list = applyStreamMessages(list, [
      {
        type: 'event',
        eventType: 'MODIFIED',
        object: pod('a', 'Running'),
      },
    ]);
    list = applyStreamMessages(list, [{ type: 'event', eventType: 'DELETED', object: pod('b') }]);
    expect(names(list)?.sort()).toEqual(['a', 'c']);
    expect(list?.items.find((o) => o.metadata.name === 'a')?.status).toEqual({ phase: 'Running' });
  });

  it('leaves the cache alone on events before a snapshot and on errors', () => {
    expect(
      applyStreamMessages(undefined, [{ type: 'event', eventType: 'ADDED', object: pod('a') }]),
    ).toBeUndefined();
    const list: KubeList = { items: [pod('a')] };
    expect(applyStreamMessages(list, [{ type: 'offline' }])).toBe(list);
  });

  it('folds a burst in one pass: the latest event per object wins, modified objects keep their place', () => {
    const list: KubeList = { items: [pod('a'), pod('b'), pod('c')] };
    const next = applyStreamMessages(list, [
      { type: 'event', eventType: 'MODIFIED', object: pod('a', 'Running') },
      { type: 'event', eventType: 'ADDED', object: pod('d') },
      { type: 'event', eventType: 'DELETED', object: pod('b') },
      { type: 'event', eventType: 'ADDED', object: pod('e') },
      { type: 'event', eventType: 'DELETED', object: pod('e') },
      { type: 'event', eventType: 'MODIFIED', object: pod('a', 'Succeeded') },
    ]);
    expect(names(next)).toEqual(['a', 'c', 'd']);
    expect(next?.items[0]?.status).toEqual({ phase: 'Succeeded' });
    expect(names(list)).toEqual(['a', 'b', 'c']);
  });

  it('a snapshot inside a burst replaces what came before it; later events apply on top', () => {
    const next = applyStreamMessages({ items: [pod('old')] }, [
      { type: 'event', eventType: 'ADDED', object: pod('lost') },
      { type: 'reset', resourceVersion: '9', items: [pod('x')] },
      { type: 'event', eventType: 'ADDED', object: pod('y') },
    ]);
    expect(names(next)).toEqual(['x', 'y']);
    expect(next?.metadata?.resourceVersion).toBe('9');
  });

  it('keeps objects of the same name in different namespaces apart', () => {
    const other: KubeObject = { metadata: { name: 'a', namespace: 'prod' } };
    const next = applyStreamMessages({ items: [pod('a'), other] }, [
      { type: 'event', eventType: 'DELETED', object: pod('a') },
    ]);
    expect(next?.items).toEqual([other]);
  });
});
