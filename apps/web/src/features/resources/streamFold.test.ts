import { describe, expect, it } from 'vitest';
import type { StreamMessage } from '../../lib/kube/liveStream.ts';
import { applyStreamMessages as fold, emptyLiveList } from './streamFold.ts';
import type { KubeList, KubeObject } from './objects.ts';

const pod = (name: string, phase = 'Pending'): KubeObject => ({
  metadata: { name, namespace: 'demo' },
  status: { phase },
});
const names = (list: KubeList | undefined) => list?.items.map((o) => o.metadata.name);

/** The fold over a list already shown (or none). */
const applyStreamMessages = (list: KubeList | undefined, messages: StreamMessage[]) =>
  fold({ ...emptyLiveList, list }, messages).list;

describe('applyStreamMessages', () => {
  it('replaces the list on snapshot and reset', () => {
    const old: KubeList = { items: [pod('old')] };
    const next = applyStreamMessages(old, [
      {
        type: 'snapshot',
        resourceVersion: '7',
        items: [pod('a'), pod('b')],
        part: 0,
        complete: true,
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
      { type: 'reset', resourceVersion: '9', items: [pod('x')], part: 0, complete: true },
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

  describe('a snapshot in parts', () => {
    const part = (partNo: number, complete: boolean, ...items: KubeObject[]): StreamMessage => ({
      type: 'snapshot',
      resourceVersion: '5',
      items,
      part: partNo,
      complete,
    });

    it('shows the first part at once on an empty list, and the whole list once complete', () => {
      let state = fold(emptyLiveList, [part(0, false, pod('a'), pod('b'))]);
      expect(names(state.list)).toEqual(['a', 'b']);
      expect(state.completed).toBe(0);
      state = fold(state, [part(1, false, pod('c'))]);
      expect(names(state.list)).toEqual(['a', 'b', 'c']);
      state = fold(state, [part(2, true, pod('d'))]);
      expect(names(state.list)).toEqual(['a', 'b', 'c', 'd']);
      expect(state.completed).toBe(1);
      expect(state.assembling).toBeUndefined();
    });

    it('over a list already shown (reset, reconnect) swaps in only the complete state', () => {
      const shown: KubeList = { items: [pod('old1'), pod('old2')] };
      let state = fold({ ...emptyLiveList, list: shown }, [
        { type: 'reset', resourceVersion: '8', items: [pod('x')], part: 0, complete: false },
      ]);
      expect(state.list).toBe(shown);
      state = fold(state, [
        { type: 'reset', resourceVersion: '8', items: [pod('y')], part: 1, complete: true },
      ]);
      expect(names(state.list)).toEqual(['x', 'y']);
      expect(state.list?.metadata?.resourceVersion).toBe('8');
    });

    it('applies events after the last part on top of it, events between parts after the whole', () => {
      let state = fold(emptyLiveList, [part(0, false, pod('a'), pod('b'))]);
      state = fold(state, [
        { type: 'event', eventType: 'MODIFIED', object: pod('a', 'Running') },
        part(1, true, pod('c')),
        { type: 'event', eventType: 'DELETED', object: pod('c') },
        { type: 'event', eventType: 'ADDED', object: pod('d') },
      ]);
      expect(names(state.list)).toEqual(['a', 'b', 'd']);
      expect(state.list?.items[0]?.status).toEqual({ phase: 'Running' });
    });

    it('starts over when a new part 0 comes (a list that failed half-way), ignores stray parts', () => {
      let state = fold(emptyLiveList, [part(3, false, pod('stray'))]);
      expect(state.list).toBeUndefined();
      state = fold(state, [part(0, false, pod('a')), part(0, false, pod('b'))]);
      expect(names(state.list)).toEqual(['b']);
      state = fold(state, [part(1, true, pod('c'))]);
      expect(names(state.list)).toEqual(['b', 'c']);
    });
  });
});
