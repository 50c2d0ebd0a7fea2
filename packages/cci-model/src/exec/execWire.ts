/**
 * The console's terminal over WebSocket: browser ⇄ BFF speak the Kubernetes remote-command
 * framing itself (`v5.channel.k8s.io`: each binary message starts with its channel byte), so
 * the BFF relays frames unchanged and the browser reads one kind of Status on the error channel,
 * whether CCI or the BFF wrote it. From the browser the BFF passes only stdin, resize and the
 * CLOSE signal; the command, container and credentials are fixed when the socket opens.
 */
export const EXEC_PROTOCOL = 'v5.channel.k8s.io';

export const ExecChannel = {
  stdin: 0,
  stdout: 1,
  stderr: 2,
  /** A Status (JSON): Success or the exit code when the command ends, else why it ended. */
  error: 3,
  /** `{"Width": cols, "Height": rows}` (JSON). */
  resize: 4,
  /** v5's CLOSE signal: the next byte names the channel that ended. */
  close: 255,
} as const;

/** The channels a browser may send on; the BFF drops any other frame. */
export const BROWSER_EXEC_CHANNELS: readonly number[] = [
  ExecChannel.stdin,
  ExecChannel.resize,
  ExecChannel.close,
];

/** The shells a terminal may start (the command is never free text from the browser). */
export const TERMINAL_SHELLS = ['/bin/sh', '/bin/bash', '/bin/ash', 'sh', 'bash'] as const;
export type TerminalShell = (typeof TERMINAL_SHELLS)[number];

export const isTerminalShell = (value: string): value is TerminalShell =>
  (TERMINAL_SHELLS as readonly string[]).includes(value);

/**
 * WebSocket close codes the BFF ends a terminal with (4000-4999 are the application's), each
 * after a Status on the error channel saying why in both UI languages.
 */
export const ExecCloseCode = {
  /** The command ended (its Status said how). */
  normal: 1000,
  sessionEnded: 4401,
  tooMany: 4429,
  idle: 4408,
  /** CCI refused or failed (pod not running, no such container, unreachable). */
  upstream: 4502,
} as const;

/** One frame: the channel byte, then the payload. */
export function encodeExecFrame(channel: number, payload: Uint8Array | string): Uint8Array {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  const frame = new Uint8Array(bytes.length + 1);
  frame[0] = channel;
  frame.set(bytes, 1);
  return frame;
}

export const resizeFrame = (cols: number, rows: number): Uint8Array =>
  encodeExecFrame(ExecChannel.resize, JSON.stringify({ Width: cols, Height: rows }));

/** The error channel's Status, as CCI (or the BFF) writes it. */
export interface ExecStatus {
  status?: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  code?: number;
  messageKey?: string;
  messages?: Record<string, string>;
  details?: { causes?: { reason?: string; message?: string }[] };
}

/** The command's exit code from a NonZeroExitCode Status (0 for Success), else undefined. */
export function execExitCode(status: ExecStatus): number | undefined {
  if (status.status === 'Success') return 0;
  if (status.reason !== 'NonZeroExitCode') return undefined;
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
  const code = Number(cause?.message);
  return Number.isInteger(code) ? code : undefined;
}
