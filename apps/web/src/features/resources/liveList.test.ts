import { describe, expect, it } from 'vitest';
import { applyStreamMessage } from './liveList.ts';
import type { KubeList, KubeObject } from './objects.ts';

const pod = (name: string, phase = 'Pending'): KubeObject => ({
  metadata: { name, namespace: 'demo' },
  status: { phase },
});
const names = (list: KubeList | undefined) => list?.items.map((o) => o.metadata.name);

describe('applyStreamMessage', () => {
  it('replaces the list on snapshot and reset', () => {
    const old: KubeList = { items: [pod('old')] };
    const next = applyStreamMessage(old, {
      type: 'snapshot',
      resourceVersion: '7',
      items: [pod('a'), pod('b')],
    });
    expect(names(next)).toEqual(['a', 'b']);
    expect(next?.metadata?.resourceVersion).toBe('7');
  });

  it('adds, modifies and deletes by namespace and name', () => {
    let list: KubeList | undefined = { items: [pod('a'), pod('b')] };
    list = applyStreamMessage(list, { type: 'event', eventType: 'ADDED', object: pod('c') });
    list = applyStreamMessage(list, {
      type: 'event',
      eventType: 'MODIFIED',
      object: pod('a', 'Running'),
    });
    list = applyStreamMessage(list, { type: 'event', eventType: 'DELETED', object: pod('b') });
    expect(names(list)?.sort()).toEqual(['a', 'c']);
    expect(list?.items.find((o) => o.metadata.name === 'a')?.status).toEqual({ phase: 'Running' });
  });

  it('leaves the cache alone on events before a snapshot and on errors', () => {
    expect(
      applyStreamMessage(undefined, { type: 'event', eventType: 'ADDED', object: pod('a') }),
    ).toBeUndefined();
    const list: KubeList = { items: [pod('a')] };
    expect(applyStreamMessage(list, { type: 'offline' })).toBe(list);
  });
});
