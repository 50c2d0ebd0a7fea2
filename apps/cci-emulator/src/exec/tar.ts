// `tar` for `kubectl cp`: `tar cf - PATH...` writes a ustar archive of the virtual filesystem to
// stdout; `tar xf - [-C DIR]` (with kubectl's -m, --no-same-owner, --no-same-permissions)
// unpacks stdin into it. Archives only to and from `-` (the exec streams).
import { extract, pack } from 'tar-stream';
import type { CommandIo, ShellCommand, ShellContext } from './commands.ts';
import { FsError, resolvePath } from './virtualFs.ts';

interface TarOptions {
  mode: 'c' | 'x' | 't' | undefined;
  file: string | undefined;
  directory: string | undefined;
  verbose: boolean;
  operands: string[];
}

/** Parses `cf - a`, `-xmf -`, `--no-same-owner -xmf - -C /dir` and the like. */
export function parseTarArgs(args: string[]): TarOptions | string {
  const o: TarOptions = {
    mode: undefined,
    file: undefined,
    directory: undefined,
    verbose: false,
    operands: [],
  };
  const rest = [...args];
  // The first word may bundle the flags without a dash (`cf`), as GNU and busybox tar allow.
  if (rest[0] !== undefined && !rest[0].startsWith('-')) rest[0] = `-${rest[0]}`;
  while (rest.length > 0) {
    const a = rest.shift() as string;
    if (a.startsWith('--')) {
      if (a.startsWith('--directory=')) o.directory = a.slice('--directory='.length);
      continue; // --no-same-owner, --no-same-permissions: nothing to do here
    }
    if (!a.startsWith('-') || a === '-') {
      o.operands.push(a);
      continue;
    }
    for (const f of a.slice(1)) {
      if (f === 'c' || f === 'x' || f === 't') o.mode = f;
      else if (f === 'v') o.verbose = true;
      else if (f === 'f') o.file = rest.shift();
      else if (f === 'C') o.directory = rest.shift();
      else if (!'mpo'.includes(f)) return `invalid option -- '${f}'`;
    }
  }
  if (!o.mode)
    return "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options";
  if (o.file !== undefined && o.file !== '-')
    return `${o.file}: Cannot open: archives go through stdin and stdout only`;
  return o;
}

async function streamToBuffer(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function create(o: TarOptions, io: CommandIo, sh: ShellContext): Promise<number> {
  if (o.operands.length === 0) {
    io.stderr(Buffer.from('tar: Cowardly refusing to create an empty archive\n'));
    return 2;
  }
  const archive = pack();
  const done = streamToBuffer(archive);
  let status = 0;
  let warned = false;
  const base = o.directory ? resolvePath(sh.cwd, o.directory) : sh.cwd;
  for (const operand of o.operands) {
    const root = resolvePath(base, operand);
    if (!sh.container.fs.lookup(root)) {
      io.stderr(Buffer.from(`tar: ${operand}: Cannot stat: No such file or directory\n`));
      status = 2;
      continue;
    }
    if (operand.startsWith('/') && !warned) {
      io.stderr(Buffer.from("tar: Removing leading `/' from member names\n"));
      warned = true;
    }
    const shown = operand.replace(/^\/+/, '').replace(/\/+$/, '');
    for (const { path, node } of sh.container.fs.walk(root)) {
      const name = shown + path.slice(root.length) || '.';
      const header = { name, mode: node.mode & 0o7777, mtime: new Date(node.mtimeMs) };
      if (o.verbose) io.stderr(Buffer.from(`${name}\n`));
      if (node.type === 'dir') archive.entry({ ...header, name: `${name}/`, type: 'directory' });
      else archive.entry({ ...header, type: 'file', size: node.data.length }, node.data);
    }
  }
  archive.finalize();
  io.stdout(await done);
  if (status !== 0)
    io.stderr(Buffer.from('tar: Exiting with failure status due to previous errors\n'));
  return status;
}

async function unpack(o: TarOptions, io: CommandIo, sh: ShellContext): Promise<number> {
  const target = resolvePath(sh.cwd, o.directory ?? '.');
  const fs = sh.container.fs;
  if (fs.lookup(target)?.type !== 'dir') {
    io.stderr(Buffer.from(`tar: ${o.directory ?? '.'}: Cannot open: No such file or directory\n`));
    return 2;
  }
  const input = await io.stdin();
  const reader = extract();
  let status = 0;
  const entries = (async () => {
    for await (const entry of reader) {
      const data = await streamToBuffer(entry);
      const path = resolvePath(target, entry.header.name);
      if (o.mode === 't') {
        io.stdout(Buffer.from(`${entry.header.name}\n`));
        continue;
      }
      try {
        const parent = path.slice(0, path.lastIndexOf('/')) || '/';
        fs.mkdir(parent, { parents: true });
        if (entry.header.type === 'directory') fs.mkdir(path, { parents: true });
        else if (entry.header.type === 'file' || entry.header.type === 'contiguous-file')
          fs.writeFile(path, data, { mode: entry.header.mode ?? 0o644 });
        if (o.verbose) io.stdout(Buffer.from(`${entry.header.name}\n`));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        io.stderr(Buffer.from(`tar: ${entry.header.name}: Cannot open: ${e.message}\n`));
        status = 2;
      }
    }
  })();
  reader.end(input);
  try {
    await entries;
  } catch (e) {
    io.stderr(
      Buffer.from(`tar: This does not look like a tar archive (${(e as Error).message})\n`),
    );
    return 2;
  }
  return status;
}

export const tarCommand: ShellCommand = (args, io, sh) => {
  const o = parseTarArgs(args);
  if (typeof o === 'string') {
    io.stderr(Buffer.from(`tar: ${o}\nTry 'tar --help' for more information.\n`));
    return 2;
  }
  return o.mode === 'c' ? create(o, io, sh) : unpack(o, io, sh);
};
