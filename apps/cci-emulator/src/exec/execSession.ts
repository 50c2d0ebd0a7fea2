// One `kubectl exec` or `kubectl attach` over a WebSocket: stdin in, stdout/stderr out, then the
// exit Status on the error channel and a normal close. The session also ends, with a Failure
// Status, when the pod is deleted under it.
import type { KindDescriptor } from '@cci/model';
import type { WebSocket } from 'ws';
import type { ApiContext } from '../api/context.ts';
import { podLog } from '../api/podLog.ts';
import type { ContainerState } from './containerState.ts';
import { LineSession } from './lineSession.ts';
import { Shell, SHELLS } from './shell.ts';
import {
  Channel,
  decodeClientMessage,
  encodeFrame,
  exitStatus,
  failureStatus,
  type StreamProtocol,
} from './websocketChannels.ts';

/** Input kept for a command that reads all of stdin (tar x, cat): bounded. */
export const MAX_STDIN_BYTES = 64 * 1024 * 1024;

export interface StreamOptions {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
  command: string[];
}

export function parseStreamOptions(query: URLSearchParams): StreamOptions {
  const flag = (name: string) => query.get(name) === 'true' || query.get(name) === '1';
  return {
    stdin: flag('stdin'),
    stdout: flag('stdout'),
    stderr: flag('stderr'),
    tty: flag('tty'),
    command: query.getAll('command'),
  };
}

/** Ends the session when the pod goes; returns the function that stops listening. */
export type PodLifetime = (onGone: (message: string) => void) => () => void;

export interface Streams {
  send(channel: number, data: Buffer | string): void;
  /** Sends the Status on the error channel and closes the WebSocket normally, once. */
  finish(status: object): void;
  readonly finished: boolean;
}

export function openStreams(ws: WebSocket, lifetime: PodLifetime, onEnd: () => void): Streams {
  let finished = false;
  const stop = lifetime((message) => streams.finish(failureStatus(message)));
  const end = () => {
    if (finished) return;
    finished = true;
    stop();
    onEnd();
  };
  ws.on('close', end);
  const streams: Streams = {
    send(channel, data) {
      if (!finished && ws.readyState === ws.OPEN) ws.send(encodeFrame(channel, data));
    },
    finish(status) {
      if (finished) return;
      streams.send(Channel.error, JSON.stringify(status));
      end();
      ws.close(1000);
    },
    get finished() {
      return finished;
    },
  };
  return streams;
}

export function runExec(
  ws: WebSocket,
  protocol: StreamProtocol,
  container: ContainerState,
  options: StreamOptions,
  lifetime: PodLifetime,
): void {
  const process = container.processes.start(options.command.join(' '));
  const streams = openStreams(ws, lifetime, process.end);
  const crlf = (c: Buffer) =>
    options.tty ? Buffer.from(c.toString('utf8').replace(/\r?\n/g, '\r\n')) : c;
  const stdout = (c: Buffer) => options.stdout && streams.send(Channel.stdout, crlf(c));
  const stderr = (c: Buffer) =>
    options.tty ? stdout(c) : options.stderr && streams.send(Channel.stderr, c);
  const done = (code: number) => streams.finish(exitStatus(options.command, code));
  const shell = new Shell(container);
  const [name = '', ...args] = options.command;
  const interactive =
    options.stdin && SHELLS.has(name.slice(name.lastIndexOf('/') + 1)) && !args.includes('-c');

  let received = 0;
  const chunks: Buffer[] = [];
  let endInput: () => void = () => {};
  const input = new Promise<Buffer>((resolve) => {
    endInput = () => resolve(Buffer.concat(chunks));
  });
  if (!options.stdin) endInput();
  const session = interactive
    ? new LineSession(shell, { tty: options.tty, write: stdout, writeErr: stderr, onExit: done })
    : undefined;

  ws.on('message', (raw: Buffer) => {
    const message = decodeClientMessage(raw);
    if (message.type === 'stdin') {
      if (session) return session.feed(message.data);
      received += message.data.length;
      if (received > MAX_STDIN_BYTES) {
        streams.finish(
          failureStatus(
            `stdin is larger than ${MAX_STDIN_BYTES} bytes, the limit of the emulated containers`,
          ),
        );
        return;
      }
      chunks.push(message.data);
    } else if (message.type === 'close' && message.channel === Channel.stdin) {
      if (session) session.endInput();
      else endInput();
    }
  });
  // Without the v5 CLOSE signal the end of stdin is only known when the connection ends.
  if (protocol === 'v4.channel.k8s.io') ws.on('close', () => endInput());

  if (session) return session.start();
  Promise.resolve(shell.exec(options.command, { stdin: () => input, stdout, stderr })).then(
    done,
    (e: unknown) => streams.finish(failureStatus(`the command failed: ${(e as Error).message}`)),
  );
}

/**
 * `kubectl attach`: the entrypoint's output from now on, which for an emulated container is its
 * log stream (api/podLog.ts, followed). Input to the entrypoint is accepted and dropped: no
 * emulated entrypoint reads stdin.
 */
export function runAttach(
  ws: WebSocket,
  ctx: ApiContext,
  pod: { kind: KindDescriptor; namespace: string; name: string; container: string },
  options: StreamOptions,
  lifetime: PodLifetime,
): void {
  const closeListeners: (() => void)[] = [];
  const streams = openStreams(ws, lifetime, () => closeListeners.forEach((l) => l()));
  const query = new URLSearchParams({ follow: 'true', tailLines: '0', container: pod.container });
  podLog(ctx, pod.kind, pod.namespace, pod.name, query, () => ({
    open: () => {},
    write: (chunk) => {
      const text = options.tty ? chunk.replace(/\r?\n/g, '\r\n') : chunk;
      if (options.stdout) streams.send(Channel.stdout, text);
    },
    // The log ends when the container ends: attach then reports success, as for a finished one.
    end: () => streams.finish({ metadata: {}, status: 'Success' }),
    onClose: (listener) => closeListeners.push(listener),
  }));
}
