// A small in-memory filesystem: what an emulated container's shell sees. Directories may be
// shared between filesystems (a pod's emptyDir mounted in two containers is one directory).

export interface VFile {
  type: 'file';
  data: Buffer;
  mode: number;
  mtimeMs: number;
}

export interface VDir {
  type: 'dir';
  entries: Map<string, VNode>;
  mode: number;
  mtimeMs: number;
  /** Mounted read-only (ConfigMap, Secret, downward API volumes). */
  readOnly?: boolean;
}

export type VNode = VFile | VDir;

export type FsErrorCode =
  'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EROFS' | 'ENOSPC';

const messages: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device',
};

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(messages[code]);
  }
}

export function newDir(now: number, mode = 0o755): VDir {
  return { type: 'dir', entries: new Map(), mode, mtimeMs: now };
}

/** Absolute, normalised form of `path` seen from `cwd` (no `.`/`..`, no trailing slash). */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = [];
  const joined = path.startsWith('/') ? path : `${cwd}/${path}`;
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function segments(absolute: string): string[] {
  return absolute.split('/').filter((p) => p !== '');
}

/** Bytes of the files under a node. */
function sizeOf(node: VNode): number {
  if (node.type === 'file') return node.data.length;
  let total = 0;
  for (const child of node.entries.values()) total += sizeOf(child);
  return total;
}

export class VirtualFs {
  /** File bytes held (mounted volumes included), bounded by maxBytes. */
  private used: number;

  constructor(
    readonly root: VDir,
    private readonly now: () => number,
    readonly maxBytes = Infinity,
  ) {
    this.used = sizeOf(root);
  }

  get usedBytes(): number {
    return this.used;
  }

  private account(delta: number, path: string): void {
    if (delta > 0 && this.used + delta > this.maxBytes) throw new FsError('ENOSPC', path);
    this.used += delta;
  }

  /** The node at an absolute path, or undefined. */
  lookup(path: string): VNode | undefined {
    let node: VNode = this.root;
    for (const name of segments(path)) {
      if (node.type !== 'dir') return undefined;
      const next = node.entries.get(name);
      if (!next) return undefined;
      node = next;
    }
    return node;
  }

  private parentOf(path: string): { dir: VDir; name: string } {
    const parts = segments(path);
    const name = parts.pop();
    if (name === undefined) throw new FsError('EEXIST', path);
    const dir = this.lookup(`/${parts.join('/')}`);
    if (!dir) throw new FsError('ENOENT', path);
    if (dir.type !== 'dir') throw new FsError('ENOTDIR', path);
    return { dir, name };
  }

  private writable(dir: VDir, path: string): void {
    if (dir.readOnly) throw new FsError('EROFS', path);
  }

  readFile(path: string): Buffer {
    const node = this.lookup(path);
    if (!node) throw new FsError('ENOENT', path);
    if (node.type === 'dir') throw new FsError('EISDIR', path);
    return node.data;
  }

  writeFile(path: string, data: Buffer, options: { append?: boolean; mode?: number } = {}): void {
    const existing = this.lookup(path);
    if (existing?.type === 'dir') throw new FsError('EISDIR', path);
    const { dir, name } = this.parentOf(path);
    this.writable(dir, path);
    const previous = existing?.data.length ?? 0;
    this.account((options.append ? previous : 0) + data.length - previous, path);
    if (existing) {
      existing.data = options.append ? Buffer.concat([existing.data, data]) : data;
      existing.mtimeMs = this.now();
      if (options.mode !== undefined) existing.mode = options.mode;
      return;
    }
    dir.entries.set(name, { type: 'file', data, mode: options.mode ?? 0o644, mtimeMs: this.now() });
    dir.mtimeMs = this.now();
  }

  /** `touch`: creates an empty file or updates the time of an existing node. */
  touch(path: string): void {
    const node = this.lookup(path);
    if (node) {
      node.mtimeMs = this.now();
      return;
    }
    this.writeFile(path, Buffer.alloc(0));
  }

  mkdir(path: string, options: { parents?: boolean; mode?: number } = {}): void {
    if (options.parents) {
      let current = '';
      for (const part of segments(path)) {
        current += `/${part}`;
        const node = this.lookup(current);
        if (node?.type === 'file') throw new FsError('ENOTDIR', current);
        if (!node) this.mkdir(current, { mode: options.mode });
      }
      return;
    }
    if (this.lookup(path)) throw new FsError('EEXIST', path);
    const { dir, name } = this.parentOf(path);
    this.writable(dir, path);
    dir.entries.set(name, newDir(this.now(), options.mode));
    dir.mtimeMs = this.now();
  }

  /** Mounts `dir` at `path` (creating the parents), replacing what was there. */
  mount(path: string, dir: VDir): void {
    const parts = segments(path);
    const name = parts.pop();
    if (name === undefined) return;
    if (parts.length > 0) this.mkdir(`/${parts.join('/')}`, { parents: true });
    const { dir: parent } = this.parentOf(path);
    const replaced = parent.entries.get(name);
    this.used += sizeOf(dir) - (replaced ? sizeOf(replaced) : 0);
    parent.entries.set(name, dir);
  }

  remove(path: string, options: { recursive?: boolean } = {}): void {
    const node = this.lookup(path);
    if (!node) throw new FsError('ENOENT', path);
    if (node.type === 'dir' && !options.recursive) throw new FsError('EISDIR', path);
    const { dir, name } = this.parentOf(path);
    this.writable(dir, path);
    this.used -= sizeOf(node);
    dir.entries.delete(name);
    dir.mtimeMs = this.now();
  }

  removeDir(path: string): void {
    const node = this.lookup(path);
    if (!node) throw new FsError('ENOENT', path);
    if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
    if (node.entries.size > 0) throw new FsError('ENOTEMPTY', path);
    this.remove(path, { recursive: true });
  }

  /** Every node under `path` (itself first), depth first, names sorted. */
  *walk(path: string): Generator<{ path: string; node: VNode }> {
    const node = this.lookup(path);
    if (!node) return;
    yield { path, node };
    if (node.type !== 'dir') return;
    for (const name of [...node.entries.keys()].sort()) {
      yield* this.walk(path === '/' ? `/${name}` : `${path}/${name}`);
    }
  }
}
