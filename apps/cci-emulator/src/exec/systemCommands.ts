// Commands about the process and its surroundings: ps (the container's process table),
// hostname, pwd, true/false, test/[ and sleep.
import type { CommandIo, ShellCommand } from './commands.ts';
import { resolvePath } from './virtualFs.ts';

const out = (io: CommandIo, text: string) => io.stdout(Buffer.from(text));

const ps: ShellCommand = (_args, io, sh) => {
  const lines = ['PID   USER     TIME  COMMAND'];
  const now = sh.container.now();
  for (const p of sh.container.processes.list()) {
    const minutes = Math.floor((now - p.startedAtMs) / 60_000);
    const time = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
    lines.push(`${String(p.pid).padStart(5)} root     ${time.padStart(5)} ${p.command}`);
  }
  out(io, `${lines.join('\n')}\n`);
  return 0;
};

/** test EXPRESSION / [ EXPRESSION ]: files, strings and integers; 0 true, 1 false, 2 error. */
const test: ShellCommand = (args, io, sh) => {
  let words = args;
  if (words.length > 0 && words[words.length - 1] === ']') words = words.slice(0, -1);
  let negate = false;
  if (words[0] === '!') {
    negate = true;
    words = words.slice(1);
  }
  const result = evaluate(words, sh.container.fs.lookup.bind(sh.container.fs), sh.cwd);
  if (result === undefined) {
    io.stderr(Buffer.from(`sh: test: unknown expression: ${args.join(' ')}\n`));
    return 2;
  }
  return result !== negate ? 0 : 1;
};

function evaluate(
  words: string[],
  lookup: (path: string) => { type: 'file' | 'dir'; data?: Buffer } | undefined,
  cwd: string,
): boolean | undefined {
  const [a, b, c] = words;
  if (words.length === 0) return false;
  if (words.length === 1) return (a as string) !== '';
  if (words.length === 2) {
    const node = lookup(resolvePath(cwd, b as string));
    switch (a) {
      case '-e':
        return node !== undefined;
      case '-f':
        return node?.type === 'file';
      case '-d':
        return node?.type === 'dir';
      case '-s':
        return node !== undefined && (node.type === 'dir' || (node.data?.length ?? 0) > 0);
      case '-r':
      case '-w':
      case '-x':
        return node !== undefined;
      case '-z':
        return b === '';
      case '-n':
        return b !== '';
      default:
        return undefined;
    }
  }
  if (words.length === 3) {
    const x = Number(a);
    const y = Number(c);
    switch (b) {
      case '=':
      case '==':
        return a === c;
      case '!=':
        return a !== c;
      case '-eq':
        return x === y;
      case '-ne':
        return x !== y;
      case '-lt':
        return x < y;
      case '-le':
        return x <= y;
      case '-gt':
        return x > y;
      case '-ge':
        return x >= y;
      default:
        return undefined;
    }
  }
  return undefined;
}

/** Waits in real time (a user typing `sleep 1` expects a pause), at most a minute. */
const sleep: ShellCommand = async (args, io) => {
  const seconds = Number(args[0]);
  if (!Number.isFinite(seconds) || seconds < 0) {
    io.stderr(Buffer.from(`sleep: invalid number '${args[0] ?? ''}'\n`));
    return 1;
  }
  await new Promise((resolve) => setTimeout(resolve, Math.min(seconds, 60) * 1000));
  return 0;
};

export const systemCommands: [string, ShellCommand][] = [
  ['ps', ps],
  ['hostname', (_a, io, sh) => (out(io, `${sh.container.hostname}\n`), 0)],
  ['pwd', (_a, io, sh) => (out(io, `${sh.cwd}\n`), 0)],
  ['true', () => 0],
  [':', () => 0],
  ['false', () => 1],
  ['test', test],
  ['[', test],
  ['sleep', sleep],
];
