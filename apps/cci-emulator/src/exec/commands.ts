// The commands an emulated container has (besides the shell's own cd/exit/export and tar), with
// the exit codes and messages of busybox/coreutils for the cases that matter.
import type { ContainerState } from './containerState.ts';
import { FsError, resolvePath, type VNode } from './virtualFs.ts';

// Maybe: values that are there now or later: the shell runs synchronously until a command really
// waits (for stdin, a tar stream, a timer), so exec probes can be evaluated inside a controller
// step while `kubectl exec` sessions await the same code.

export type Maybe<T> = T | Promise<T>;

/** `f(value)` now when value is plain, after it resolves when it is a Promise. */
export function after<T, U>(value: Maybe<T>, f: (v: T) => Maybe<U>): Maybe<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}

export interface CommandIo {
  stdin: () => Maybe<Buffer>;
  stdout: (chunk: Buffer) => void;
  stderr: (chunk: Buffer) => void;
}

/** What a command sees of the shell running it. */
export interface ShellContext {
  readonly container: ContainerState;
  readonly env: Map<string, string>;
  cwd: string;
}

export type ShellCommand = (args: string[], io: CommandIo, sh: ShellContext) => Maybe<number>;

const out = (io: CommandIo, text: string) => io.stdout(Buffer.from(text));
const err = (io: CommandIo, text: string) => io.stderr(Buffer.from(text));

/** Splits `-la` style flags from operands (`--` ends the flags; long options are kept whole). */
export function splitFlags(args: string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let ended = false;
  for (const a of args) {
    if (ended || !a.startsWith('-') || a === '-') operands.push(a);
    else if (a === '--') ended = true;
    else if (a.startsWith('--')) flags.add(a);
    else for (const f of a.slice(1)) flags.add(f);
  }
  return { flags, operands };
}

function modeString(node: VNode): string {
  const bits = 'rwxrwxrwx'
    .split('')
    .map((c, i) => ((node.mode >> (8 - i)) & 1 ? c : '-'))
    .join('');
  return (node.type === 'dir' ? 'd' : '-') + bits;
}

function longLine(node: VNode, name: string, fullTime: boolean, quote: boolean): string {
  const size = node.type === 'file' ? node.data.length : 4096;
  const date = new Date(node.mtimeMs).toISOString();
  const time = fullTime
    ? `${date.slice(0, 10)} ${date.slice(11, 23)}000000 +0000`
    : date.slice(0, 16).replace('T', ' ');
  const links = node.type === 'dir' ? 2 : 1;
  return `${modeString(node)} ${links} root root ${String(size).padStart(8)} ${time} ${quote ? `"${name}"` : name}\n`;
}

const ls: ShellCommand = (args, io, sh) => {
  const { flags, operands } = splitFlags(args);
  const long = flags.has('l');
  const all = flags.has('a');
  const fullTime = flags.has('--full-time');
  const quote = flags.has('Q');
  let status = 0;
  const targets = operands.length > 0 ? operands : ['.'];
  let listed = 0;
  for (const operand of targets) {
    const path = resolvePath(sh.cwd, operand);
    const node = sh.container.fs.lookup(path);
    if (!node) {
      err(io, `ls: cannot access '${operand}': No such file or directory\n`);
      status = 2;
      continue;
    }
    const show = (n: VNode, name: string) =>
      out(io, long ? longLine(n, name, fullTime, quote) : `${quote ? `"${name}"` : name}\n`);
    if (node.type === 'file' || flags.has('d')) {
      show(node, operand);
      continue;
    }
    if (targets.length > 1) out(io, `${listed++ > 0 ? '\n' : ''}${operand}:\n`);
    if (long) out(io, `total ${node.entries.size * 4}\n`);
    for (const name of [...node.entries.keys()].sort()) {
      if (!all && name.startsWith('.')) continue;
      show(node.entries.get(name) as VNode, name);
    }
  }
  return status;
};

const cat: ShellCommand = (args, io, sh) => {
  const { operands } = splitFlags(args);
  let status = 0;
  const next = (i: number): Maybe<number> => {
    const operand = operands[i];
    if (operand === undefined) return status;
    if (operand === '-')
      return after(io.stdin(), (input) => {
        io.stdout(input);
        return next(i + 1);
      });
    try {
      io.stdout(sh.container.fs.readFile(resolvePath(sh.cwd, operand)));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      err(io, `cat: ${operand}: ${e.message}\n`);
      status = 1;
    }
    return next(i + 1);
  };
  if (operands.length === 0) operands.push('-');
  return next(0);
};

const echo: ShellCommand = (args, io) => {
  const noNewline = args[0] === '-n';
  out(io, `${(noNewline ? args.slice(1) : args).join(' ')}${noNewline ? '' : '\n'}`);
  return 0;
};

const env: ShellCommand = (_args, io, sh) => {
  out(io, [...sh.env].map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
};

const touch: ShellCommand = (args, io, sh) => {
  const { operands } = splitFlags(args);
  if (operands.length === 0) return usage(io, 'touch', 'missing file operand');
  let status = 0;
  for (const operand of operands) {
    try {
      sh.container.fs.touch(resolvePath(sh.cwd, operand));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      err(io, `touch: cannot touch '${operand}': ${e.message}\n`);
      status = 1;
    }
  }
  return status;
};

const rm: ShellCommand = (args, io, sh) => {
  const { flags, operands } = splitFlags(args);
  if (operands.length === 0 && !flags.has('f')) return usage(io, 'rm', 'missing operand');
  const recursive = flags.has('r') || flags.has('R') || flags.has('--recursive');
  let status = 0;
  for (const operand of operands) {
    const path = resolvePath(sh.cwd, operand);
    const node = sh.container.fs.lookup(path);
    if (!node) {
      if (flags.has('f')) continue;
      err(io, `rm: cannot remove '${operand}': No such file or directory\n`);
      status = 1;
    } else if (node.type === 'dir' && !recursive) {
      err(io, `rm: cannot remove '${operand}': Is a directory\n`);
      status = 1;
    } else {
      try {
        sh.container.fs.remove(path, { recursive });
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        err(io, `rm: cannot remove '${operand}': ${e.message}\n`);
        status = 1;
      }
    }
  }
  return status;
};

const mkdir: ShellCommand = (args, io, sh) => {
  const { flags, operands } = splitFlags(args);
  if (operands.length === 0) return usage(io, 'mkdir', 'missing operand');
  let status = 0;
  for (const operand of operands) {
    try {
      sh.container.fs.mkdir(resolvePath(sh.cwd, operand), { parents: flags.has('p') });
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      err(io, `mkdir: cannot create directory '${operand}': ${e.message}\n`);
      status = 1;
    }
  }
  return status;
};

function usage(io: CommandIo, name: string, problem: string): number {
  err(io, `${name}: ${problem}\nTry '${name} --help' for more information.\n`);
  return 1;
}

export const fileCommands: [string, ShellCommand][] = [
  ['ls', ls],
  ['cat', cat],
  ['echo', echo],
  ['env', env],
  ['printenv', env],
  ['touch', touch],
  ['rm', rm],
  ['mkdir', mkdir],
];
