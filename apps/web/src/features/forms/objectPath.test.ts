import { describe, expect, it } from 'vitest';
import { getIn, pathText, setIn, setMapEntry, uncoveredPaths } from './objectPath.ts';

describe('object paths', () => {
  const object = { spec: { list: [{ a: 1 }, { a: 2 }], keep: { deep: true } } };

  it('setIn copies only the path and keeps everything else', () => {
    const next = setIn(object, ['spec', 'list', 1, 'a'], 3);
    expect(next.spec.list).toEqual([{ a: 1 }, { a: 3 }]);
    expect(next.spec.keep).toBe(object.spec.keep);
    expect(object.spec.list[1]).toEqual({ a: 2 });
  });

  it('setIn with undefined removes a key or a list item; missing steps are created', () => {
    expect(setIn(object, ['spec', 'list', 0], undefined).spec.list).toEqual([{ a: 2 }]);
    expect(setIn(object, ['spec', 'keep'], undefined).spec).toEqual({ list: object.spec.list });
    expect(setIn({}, ['x', 0, 'y'], 'z')).toEqual({ x: [{ y: 'z' }] });
    expect(getIn(object, ['spec', 'list', 1, 'a'])).toBe(2);
    expect(getIn(object, ['spec', 'nothing', 0])).toBeUndefined();
  });

  it('setMapEntry drops a map that ends up empty', () => {
    const withOne = setMapEntry({ m: {} }, ['m', 'annotations'], 'a/b', 'x');
    expect(withOne).toEqual({ m: { annotations: { 'a/b': 'x' } } });
    expect(setMapEntry(withOne, ['m', 'annotations'], 'a/b', undefined)).toEqual({ m: {} });
  });

  it('pathText writes paths as the rules do', () => {
    expect(pathText(['spec', 'containers', 0, 'image'])).toBe('spec.containers[0].image');
    expect(pathText(['metadata', 'annotations', 'yangtse.io/eip-pool'])).toBe(
      'metadata.annotations["yangtse.io/eip-pool"]',
    );
  });

  it('uncoveredPaths names what no pattern covers, as high up as possible', () => {
    const doc = {
      metadata: { name: 'x', ownerReferences: [{ uid: 'u' }] },
      spec: { containers: [{ name: 'c', image: 'i', tty: true }], affinity: { a: 1 } },
    };
    const patterns = [
      ['metadata', 'name'],
      ['spec', 'containers', '*', 'name'],
      ['spec', 'containers', '*', 'image'],
    ] as const;
    expect(uncoveredPaths(doc, patterns)).toEqual([
      'metadata.ownerReferences',
      'spec.containers[0].tty',
      'spec.affinity',
    ]);
  });
});
