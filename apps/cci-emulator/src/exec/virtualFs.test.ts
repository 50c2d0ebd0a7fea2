import { describe, expect, it } from 'vitest';
import type { FsError } from './virtualFs.ts';
import { newDir, resolvePath, VirtualFs } from './virtualFs.ts';

const fs = () => new VirtualFs(newDir(0), () => 1000);

describe('virtual filesystem', () => {
  it('resolves paths against a working directory', () => {
    expect(resolvePath('/etc', 'nginx/../hosts')).toBe('/etc/hosts');
    expect(resolvePath('/a/b', '/x/./y/')).toBe('/x/y');
    expect(resolvePath('/', '../..')).toBe('/');
  });

  it('writes, appends, reads and removes files; mkdir -p creates parents', () => {
    const v = fs();
    v.mkdir('/a/b', { parents: true });
    v.writeFile('/a/b/f', Buffer.from('x'));
    v.writeFile('/a/b/f', Buffer.from('y'), { append: true });
    expect(v.readFile('/a/b/f').toString()).toBe('xy');
    expect([...v.walk('/a')].map((e) => e.path)).toEqual(['/a', '/a/b', '/a/b/f']);
    v.remove('/a', { recursive: true });
    expect(v.lookup('/a')).toBeUndefined();
  });

  it('fails like a filesystem: missing parents, directories, non-empty rmdir, read-only mounts', () => {
    const v = fs();
    const code = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return (e as FsError).code;
      }
      return 'ok';
    };
    expect(code(() => v.writeFile('/no/f', Buffer.alloc(0)))).toBe('ENOENT');
    v.mkdir('/d');
    expect(code(() => v.readFile('/d'))).toBe('EISDIR');
    expect(code(() => v.remove('/d'))).toBe('EISDIR');
    expect(code(() => v.mkdir('/d'))).toBe('EEXIST');
    v.touch('/d/f');
    expect(code(() => v.removeDir('/d'))).toBe('ENOTEMPTY');
    const config = newDir(0);
    config.readOnly = true;
    v.mount('/etc/config', config);
    expect(code(() => v.touch('/etc/config/new'))).toBe('EROFS');
  });

  it('counts the bytes held and refuses writes beyond the limit with ENOSPC', () => {
    const v = new VirtualFs(newDir(0), () => 0, 10);
    v.writeFile('/a', Buffer.alloc(6));
    v.writeFile('/a', Buffer.alloc(2), { append: true });
    expect(v.usedBytes).toBe(8);
    expect(() => v.writeFile('/b', Buffer.alloc(3))).toThrow('No space left on device');
    v.writeFile('/a', Buffer.alloc(1));
    v.writeFile('/b', Buffer.alloc(3));
    v.remove('/a');
    expect(v.usedBytes).toBe(3);
  });

  it('shares a mounted directory between filesystems (an emptyDir in two containers)', () => {
    const shared = newDir(0);
    const a = fs();
    const b = fs();
    a.mount('/cache', shared);
    b.mount('/data/cache', shared);
    a.writeFile('/cache/x', Buffer.from('1'));
    expect(b.readFile('/data/cache/x').toString()).toBe('1');
  });
});
