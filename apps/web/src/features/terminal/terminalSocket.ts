import {
  EXEC_PROTOCOL,
  ExecChannel,
  encodeExecFrame,
  resizeFrame,
  type ExecStatus,
} from '@cci/model';

/** How a terminal's socket ended: the close code and the last Status on the error channel. */
export interface TerminalEnd {
  closeCode: number;
  status: ExecStatus | undefined;
  /** Whether anything was printed before it ended (a missing shell prints nothing). */
  hadOutput: boolean;
}

export interface TerminalHandlers {
  opened(): void;
  output(bytes: Uint8Array): void;
  ended(end: TerminalEnd): void;
}

export interface TerminalSocket {
  input(text: string): void;
  resize(cols: number, rows: number): void;
  close(): void;
}

type SocketFactory = (url: string, protocols: string[]) => WebSocket;

/**
 * The browser's end of a terminal: v5.channel.k8s.io frames over one WebSocket to the BFF
 * (@cci/model execWire.ts). Keystrokes go out on stdin, the size on resize; stdout/stderr
 * come in as bytes for xterm; the error channel's Status says how it ended.
 */
export function openTerminalSocket(
  url: string,
  handlers: TerminalHandlers,
  create: SocketFactory = (u, p) => new WebSocket(u, p),
): TerminalSocket {
  const ws = create(url, [EXEC_PROTOCOL]);
  ws.binaryType = 'arraybuffer';
  let status: ExecStatus | undefined;
  let hadOutput = false;
  let ended = false;
  const send = (frame: Uint8Array) => {
    if (ws.readyState === 1) ws.send(frame); // OPEN
  };
  ws.onopen = () => handlers.opened();
  ws.onmessage = (event: MessageEvent) => {
    if (!(event.data instanceof ArrayBuffer)) return;
    const bytes = new Uint8Array(event.data);
    const payload = bytes.subarray(1);
    if (bytes[0] === ExecChannel.stdout || bytes[0] === ExecChannel.stderr) {
      if (payload.length > 0) hadOutput = true;
      handlers.output(payload);
    } else if (bytes[0] === ExecChannel.error) {
      try {
        status = JSON.parse(new TextDecoder().decode(payload)) as ExecStatus;
      } catch {
        status = { status: 'Failure', message: new TextDecoder().decode(payload) };
      }
    }
  };
  ws.onclose = (event: CloseEvent) => {
    if (ended) return;
    ended = true;
    handlers.ended({ closeCode: event.code, status, hadOutput });
  };
  return {
    input: (text) => send(encodeExecFrame(ExecChannel.stdin, text)),
    resize: (cols, rows) => send(resizeFrame(cols, rows)),
    close: () => ws.close(1000),
  };
}
