// Runs parsed scripts (shellParser.ts) against a container's virtual filesystem: pipelines pass
// output as the next command's input, redirections write files, && / || / ; follow exit codes.
import { after, fileCommands, type CommandIo, type Maybe, type ShellCommand } from './commands.ts';
import type { ContainerState } from './containerState.ts';
import {
  expandWord,
  parseScript,
  ShellSyntaxError,
  type Pipeline,
  type Script,
  type SimpleCommand,
} from './shellParser.ts';
import { systemCommands } from './systemCommands.ts';
import { tarCommand } from './tar.ts';
import { FsError, resolvePath } from './virtualFs.ts';

export const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

/** Output goes to callbacks so that a session can stream it as it is produced. */
export interface ShellIo {
  stdin: () => Maybe<Buffer>;
  stdout: (chunk: Buffer) => void;
  stderr: (chunk: Buffer) => void;
}

/** One shell process: its own variables and working directory over the container's state. */
export class Shell {
  readonly env: Map<string, string>;
  cwd = '/';
  lastStatus = 0;
  /** Set by `exit`: the script stops and the shell ends with this code. */
  exitCode: number | undefined;
  private readonly commands: Map<string, ShellCommand>;

  constructor(readonly container: ContainerState) {
    this.env = new Map(container.env);
    this.cwd = container.workingDir;
    this.commands = new Map([...fileCommands, ...systemCommands, ['tar', tarCommand]]);
    this.commands.set('cd', (args, io) => this.cd(args, io));
    this.commands.set('exit', (args) => {
      this.exitCode = args[0] === undefined ? this.lastStatus : Number(args[0]) & 0xff;
      return this.exitCode;
    });
    this.commands.set('export', (args) => {
      for (const a of args) {
        const eq = a.indexOf('=');
        if (eq > 0) this.env.set(a.slice(0, eq), a.slice(eq + 1));
      }
      return 0;
    });
    for (const name of SHELLS) this.commands.set(name, (args, io) => this.subshell(args, io));
  }

  /**
   * Runs a script's text; returns its exit status. Synchronous when every command it runs is
   * (what exec probes rely on); a Promise once a command waits (stdin, tar, sleep).
   */
  run(source: string, io: ShellIo): Maybe<number> {
    let script: Script;
    try {
      script = parseScript(source);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      io.stderr(Buffer.from(`sh: ${e.message}\n`));
      return (this.lastStatus = 2);
    }
    const entry = (i: number): Maybe<number> => {
      const current = script[i];
      if (current === undefined || this.exitCode !== undefined)
        return this.exitCode ?? this.lastStatus;
      const rest = (j: number): Maybe<number> => {
        const next = current.rest[j];
        if (next === undefined || this.exitCode !== undefined) return entry(i + 1);
        if ((next.op === '&&') !== (this.lastStatus === 0)) return rest(j + 1);
        return after(this.pipeline(next.pipeline, io), (status) => {
          this.lastStatus = status;
          return rest(j + 1);
        });
      };
      return after(this.pipeline(current.first, io), (status) => {
        this.lastStatus = status;
        return rest(0);
      });
    };
    return entry(0);
  }

  /** Runs argv as `kubectl exec` does: no shell parsing unless argv[0] is a shell. */
  exec(argv: string[], io: ShellIo): Maybe<number> {
    const [name = '', ...args] = argv;
    const command = this.commands.get(name.slice(name.lastIndexOf('/') + 1));
    if (!command) {
      io.stderr(
        Buffer.from(
          `exec: "${name}": executable file not found in $PATH: ${name}: command not found\n`,
        ),
      );
      return 127;
    }
    return this.invoke(command, args, io);
  }

  private invoke(command: ShellCommand, args: string[], io: CommandIo): Maybe<number> {
    const fsFailure = (e: unknown) => {
      if (!(e instanceof FsError)) throw e;
      io.stderr(Buffer.from(`${e.path}: ${e.message}\n`));
      return 1;
    };
    try {
      const status = command(args, io, this);
      return status instanceof Promise ? status.catch(fsFailure) : status;
    } catch (e) {
      return fsFailure(e);
    }
  }

  private pipeline(commands: Pipeline, io: ShellIo): Maybe<number> {
    const stage = (i: number, input: ShellIo['stdin']): Maybe<number> => {
      const cmd = commands[i] as SimpleCommand;
      const last = i === commands.length - 1;
      const chunks: Buffer[] = [];
      const stdout = last ? io.stdout : (c: Buffer) => void chunks.push(c);
      return after(this.simple(cmd, { stdin: input, stdout, stderr: io.stderr }), (status) => {
        if (last || this.exitCode !== undefined) return status;
        const piped = Buffer.concat(chunks);
        return stage(i + 1, () => piped);
      });
    };
    return stage(0, io.stdin);
  }

  private simple(cmd: SimpleCommand, io: ShellIo): Maybe<number> {
    const vars = (name: string) => (name === '?' ? String(this.lastStatus) : this.env.get(name));
    const words = cmd.words.map((w) => expandWord(w, vars));
    // Leading NAME=value words assign variables (for the rest of the shell, simplified).
    while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] as string)) {
      const w = words.shift() as string;
      this.env.set(w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1));
    }
    const redirected = this.redirect(cmd, io, vars);
    if (typeof redirected === 'number') return redirected;
    if (words.length === 0) return 0;
    const [name, ...args] = words as [string, ...string[]];
    const command = this.commands.get(name.slice(name.lastIndexOf('/') + 1));
    if (!command) {
      redirected.stderr(Buffer.from(`sh: ${name}: command not found\n`));
      return 127;
    }
    return after(this.invoke(command, args, redirected), (status) => {
      try {
        redirected.flush();
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        io.stderr(Buffer.from(`sh: write error: ${e.message}\n`));
        return 1;
      }
      return status;
    });
  }

  private redirect(
    cmd: SimpleCommand,
    io: ShellIo,
    vars: (name: string) => string | undefined,
  ): (ShellIo & { flush: () => void }) | number {
    const files: { path: string; append: boolean; chunks: Buffer[] }[] = [];
    let { stdin, stdout, stderr } = io;
    for (const r of cmd.redirects) {
      if (r.op === '2>&1') stderr = stdout;
      else if (r.op === '>&2') stdout = stderr;
      else {
        const target = resolvePath(this.cwd, expandWord(r.target ?? [], vars));
        if (r.op === '<') {
          const fs = this.container.fs;
          stdin = () => fs.readFile(target);
          continue;
        }
        if (target === '/dev/null') {
          if (r.op.startsWith('2')) stderr = () => {};
          else stdout = () => {};
          continue;
        }
        const file = { path: target, append: r.op.endsWith('>>'), chunks: [] as Buffer[] };
        files.push(file);
        const sink = (c: Buffer) => void file.chunks.push(c);
        if (r.op.startsWith('2')) stderr = sink;
        else stdout = sink;
      }
    }
    try {
      // The shell creates (truncates) the files before the command runs, as sh does.
      for (const f of files)
        this.container.fs.writeFile(f.path, Buffer.alloc(0), { append: f.append });
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      io.stderr(Buffer.from(`sh: can't create ${e.path}: ${e.message}\n`));
      return 1;
    }
    const fs = this.container.fs;
    const flush = () => {
      for (const f of files) fs.writeFile(f.path, Buffer.concat(f.chunks), { append: true });
    };
    return { stdin, stdout, stderr, flush };
  }

  private cd(args: string[], io: CommandIo): number {
    const target = resolvePath(this.cwd, args[0] ?? this.env.get('HOME') ?? '/');
    const node = this.container.fs.lookup(target);
    if (node?.type !== 'dir') {
      io.stderr(
        Buffer.from(
          `sh: cd: can't cd to ${args[0] ?? target}: ${node ? 'Not a directory' : 'No such file or directory'}\n`,
        ),
      );
      return 2;
    }
    this.cwd = target;
    return 0;
  }

  /** `sh -c SCRIPT` runs SCRIPT; `sh` alone reads its script from stdin. */
  private subshell(args: string[], io: CommandIo): Maybe<number> {
    const child = new Shell(this.container);
    child.env.clear();
    for (const [k, v] of this.env) child.env.set(k, v);
    child.cwd = this.cwd;
    const c = args.indexOf('-c');
    if (c >= 0) {
      const script = args[c + 1];
      if (script === undefined) {
        io.stderr(Buffer.from('sh: -c requires an argument\n'));
        return 2;
      }
      return child.run(script, io);
    }
    return after(io.stdin(), (input) => child.run(input.toString('utf8'), io));
  }
}
