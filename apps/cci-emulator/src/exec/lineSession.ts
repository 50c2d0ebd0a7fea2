// A shell reading its commands from a stream, line by line, as they arrive: `kubectl exec -i
// POD -- sh` with piped input, and `kubectl exec -it POD -- sh` where the emulator plays the
// terminal's line discipline too (echo, backspace, ^C, ^D, CR-LF output, a prompt).
import type { Shell } from './shell.ts';

/** A line longer than this ends the shell (input without new lines would grow without bound). */
export const MAX_LINE_CHARS = 1024 * 1024;

export interface LineSessionOptions {
  tty: boolean;
  write: (chunk: Buffer) => void;
  writeErr: (chunk: Buffer) => void;
  /** The shell ended (`exit`, ^D, end of input) with this status. */
  onExit: (code: number) => void;
}

export class LineSession {
  private line = '';
  private readonly pending: string[] = [];
  private running = false;
  private ended = false;
  private inputClosed = false;
  /** Inside an escape sequence (arrow keys...), which the line editor ignores. */
  private escape = false;

  constructor(
    private readonly shell: Shell,
    private readonly o: LineSessionOptions,
  ) {}

  start(): void {
    this.prompt();
  }

  private out(text: string | Buffer): void {
    const buf = typeof text === 'string' ? Buffer.from(text) : text;
    // A terminal turns LF into CR-LF (onlcr); a pipe passes bytes as they are.
    this.o.write(this.o.tty ? Buffer.from(buf.toString('utf8').replace(/\r?\n/g, '\r\n')) : buf);
  }

  private prompt(): void {
    if (this.o.tty && !this.ended) this.out(`${this.shell.cwd} # `);
  }

  feed(data: Buffer): void {
    if (this.ended) return;
    if (!this.o.tty) {
      const text = this.line + data.toString('utf8');
      const lines = text.split('\n');
      this.line = lines.pop() ?? '';
      this.enqueue(lines);
      return this.checkLength();
    }
    for (const ch of data.toString('utf8')) {
      if (this.escape) {
        if (/[A-Za-z~]/.test(ch)) this.escape = false;
        continue;
      }
      if (ch === '\x1b') this.escape = true;
      else if (ch === '\r' || ch === '\n') {
        this.out('\n');
        this.enqueue([this.line]);
        this.line = '';
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line.length > 0) {
          this.line = this.line.slice(0, -1);
          this.out('\b \b');
        }
      } else if (ch === '\x03') {
        this.line = '';
        this.out('^C\n');
        this.prompt();
      } else if (ch === '\x04') {
        if (this.line === '') return this.finish(this.shell.lastStatus);
      } else if (ch >= ' ') {
        this.line += ch;
        this.out(ch);
      }
    }
    this.checkLength();
  }

  private checkLength(): void {
    if (this.line.length <= MAX_LINE_CHARS) return;
    this.o.writeErr(Buffer.from(`sh: input line longer than ${MAX_LINE_CHARS} characters\n`));
    this.finish(2);
  }

  /** stdin ended: run what is left, then end as sh does at end of input. */
  endInput(): void {
    this.inputClosed = true;
    if (!this.o.tty && this.line !== '') this.enqueue([this.line]);
    this.line = '';
    if (!this.running) this.finish(this.shell.lastStatus);
  }

  private enqueue(lines: string[]): void {
    this.pending.push(...lines);
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.pending.length > 0 && !this.ended) {
      const line = this.pending.shift() as string;
      await this.shell.run(line, {
        stdin: () => Promise.resolve(Buffer.alloc(0)),
        stdout: (c) => this.out(c),
        stderr: (c) => (this.o.tty ? this.out(c) : this.o.writeErr(c)),
      });
      if (this.shell.exitCode !== undefined) return this.finish(this.shell.exitCode);
      if (this.pending.length === 0) this.prompt();
    }
    this.running = false;
    if (this.inputClosed) this.finish(this.shell.lastStatus);
  }

  private finish(code: number): void {
    if (this.ended) return;
    this.ended = true;
    if (this.o.tty) this.out('exit\n');
    this.o.onExit(code);
  }
}
