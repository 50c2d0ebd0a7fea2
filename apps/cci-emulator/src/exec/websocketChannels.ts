// The Kubernetes remote-command WebSocket framing (what kubectl >= 1.30 speaks for exec and
// attach): every binary message starts with its channel byte. v5.channel.k8s.io adds the
// CLOSE signal (channel 255, then the channel being closed), which is how kubectl says that
// stdin ended.

import { EXEC_PROTOCOL, ExecChannel } from '@cci/model';

export const STREAM_PROTOCOLS = [EXEC_PROTOCOL, 'v4.channel.k8s.io'] as const;
export type StreamProtocol = (typeof STREAM_PROTOCOLS)[number];

/** The channel numbers, written once in the model (the BFF's relay reads the same table). */
export const Channel = ExecChannel;

/** The first protocol kubectl offered that the emulator speaks, or undefined. */
export function negotiateStreamProtocol(offered: Iterable<string>): StreamProtocol | undefined {
  const set = new Set(offered);
  return STREAM_PROTOCOLS.find((p) => set.has(p));
}

export function encodeFrame(channel: number, data: Buffer | string): Buffer {
  const payload = typeof data === 'string' ? Buffer.from(data) : data;
  return Buffer.concat([Buffer.from([channel]), payload]);
}

export type ClientMessage =
  | { type: 'stdin'; data: Buffer }
  | { type: 'resize'; width: number; height: number }
  | { type: 'close'; channel: number }
  | { type: 'ignored' };

/** Decodes one message kubectl sent. */
export function decodeClientMessage(message: Buffer): ClientMessage {
  const channel = message[0];
  const data = message.subarray(1);
  if (channel === Channel.stdin) return { type: 'stdin', data };
  if (channel === Channel.close && data.length > 0)
    return { type: 'close', channel: data[0] as number };
  if (channel === Channel.resize) {
    try {
      const size = JSON.parse(data.toString('utf8')) as { Width?: number; Height?: number };
      return { type: 'resize', width: size.Width ?? 0, height: size.Height ?? 0 };
    } catch {
      return { type: 'ignored' };
    }
  }
  return { type: 'ignored' };
}

/**
 * The error channel's Status when a command ends: Success for 0, else the NonZeroExitCode
 * failure whose ExitCode cause kubectl turns into its own exit code.
 */
export function exitStatus(command: readonly string[], code: number): object {
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

/** The error channel's Status when the session ends for another reason (the pod went away). */
export function failureStatus(message: string): object {
  return { metadata: {}, status: 'Failure', message, reason: 'InternalError', code: 500 };
}
