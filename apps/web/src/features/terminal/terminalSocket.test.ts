import { ExecChannel, encodeExecFrame } from '@cci/model';
import { describe, expect, it } from 'vitest';
import { openTerminalSocket, type TerminalEnd } from './terminalSocket.ts';

/** A WebSocket stand-in recording what the terminal sends and letting the test answer. */
class FakeSocket {
  readyState = 0;
  binaryType = '';
  sent: Uint8Array[] = [];
  protocols: string[];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(protocols: string[]) {
    this.protocols = protocols;
  }
  send(frame: Uint8Array) {
    this.sent.push(frame);
  }
  close(code: number) {
    this.onclose?.({ code });
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(channel: number, payload: string) {
    const frame = encodeExecFrame(channel, payload);
    this.onmessage?.({
      data: frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.length),
    });
  }
}

function setUp() {
  let fake: FakeSocket | undefined;
  const output: string[] = [];
  const ends: TerminalEnd[] = [];
  const socket = openTerminalSocket(
    'ws://x/api/exec',
    {
      opened: () => {},
      output: (b) => output.push(new TextDecoder().decode(b)),
      ended: (e) => ends.push(e),
    },
    (_url, protocols) => (fake = new FakeSocket(protocols)) as unknown as WebSocket,
  );
  return { socket, fake: fake as FakeSocket, output, ends };
}

describe('the terminal socket', () => {
  it('speaks v5.channel.k8s.io: stdin and resize frames out, stdout/stderr in', () => {
    const { socket, fake, output } = setUp();
    expect(fake.protocols).toEqual(['v5.channel.k8s.io']);
    socket.input('ignored before open');
    fake.open();
    socket.input('ls\r');
    socket.resize(80, 24);
    expect(fake.sent.map((f) => [f[0], new TextDecoder().decode(f.subarray(1))])).toEqual([
      [ExecChannel.stdin, 'ls\r'],
      [ExecChannel.resize, '{"Width":80,"Height":24}'],
    ]);
    fake.receive(ExecChannel.stdout, 'out');
    fake.receive(ExecChannel.stderr, 'err');
    expect(output).toEqual(['out', 'err']);
  });

  it('ends once with the close code, the error channel Status and whether there was output', () => {
    const { fake, ends } = setUp();
    fake.open();
    fake.receive(ExecChannel.error, '{"status":"Success"}');
    fake.close(1000);
    fake.close(1000);
    expect(ends).toEqual([{ closeCode: 1000, status: { status: 'Success' }, hadOutput: false }]);
  });
});
