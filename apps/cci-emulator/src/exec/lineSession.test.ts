import { describe, expect, it } from 'vitest';
import { seedPodContainers } from './containerFs.ts';
import { LineSession, MAX_LINE_CHARS } from './lineSession.ts';
import { Shell } from './shell.ts';

function session(tty: boolean) {
  const pod = { metadata: { name: 'web' }, spec: { containers: [{ name: 'c' }] } };
  const none = { configMap: () => undefined, secret: () => undefined };
  const shell = new Shell(seedPodContainers(pod, none, () => 0).get('c')!);
  let out = '';
  let exit: number | undefined;
  const s = new LineSession(shell, {
    tty,
    write: (c) => (out += c.toString()),
    writeErr: (c) => (out += `[err]${c.toString()}`),
    onExit: (code) => (exit = code),
  });
  s.start();
  return { s, out: () => out, exit: () => exit };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('line session (exec -i / exec -it)', () => {
  it('runs piped lines as they arrive, stderr apart, and ends at end of input with the last status', async () => {
    const t = session(false);
    t.s.feed(Buffer.from('echo a\nls /no'));
    await settle();
    expect(t.out()).toBe('a\n');
    t.s.feed(Buffer.from('where\n'));
    t.s.endInput();
    await settle();
    expect(t.out()).toContain("[err]ls: cannot access '/nowhere'");
    expect(t.exit()).toBe(2);
  });

  it('on a terminal: prompt, echo, backspace, ^C, CR-LF output and exit', async () => {
    const t = session(true);
    t.s.feed(Buffer.from('cd /etcx\x7f\r'));
    await settle();
    t.s.feed(Buffer.from('junk\x03echo hi\x1b[A\r'));
    await settle();
    t.s.feed(Buffer.from('exit 3\r'));
    await settle();
    expect(t.out()).toBe(
      '/ # cd /etcx\b \b\r\n/etc # junk^C\r\n/etc # echo hi\r\nhi\r\n/etc # exit 3\r\nexit\r\n',
    );
    expect(t.exit()).toBe(3);
  });

  it('ends the shell (status 2) on an input line longer than the limit', () => {
    const t = session(false);
    t.s.feed(Buffer.alloc(MAX_LINE_CHARS + 1, 'a'));
    expect(t.exit()).toBe(2);
    expect(t.out()).toContain('[err]sh: input line longer than');
  });

  it('^D on an empty terminal line ends the shell', () => {
    const t = session(true);
    t.s.feed(Buffer.from('\x04'));
    expect(t.exit()).toBe(0);
  });
});
