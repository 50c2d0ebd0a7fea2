import { EXEC_PROTOCOL, ExecChannel, encodeExecFrame, type ExecStatus } from '@cci/model';
import WebSocket from 'ws';
import type { Harness } from '../session/testkit.ts';

/** Test support: a terminal opened through the real BFF with a `ws` client, as a browser would. */
export interface Terminal {
  /** The HTTP status when the upgrade was refused, 101 once open. */
  status: number;
  /** The refusal's body (a Status), when refused. */
  body: string;
  /** Everything received on stdout so far. */
  stdout(): string;
  /** The Status received on the error channel, if any. */
  errorStatus(): ExecStatus | undefined;
  closed(): { code: number; reason: string } | undefined;
  type(text: string): void;
  sendFrame(frame: Uint8Array | string): void;
  close(): void;
}

export interface OpenOptions {
  cookie?: string;
  /** Default: the BFF's own origin; null sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
  protocols?: string[];
  query?: string;
}

export const podPath = (namespace: string, pod: string) =>
  `/api/exec/namespaces/${namespace}/pods/${pod}`;

/** Resolves once the upgrade is answered: refused (status, body) or open (101). */
export function openTerminal(h: Pick<Harness, 'origin'>, path: string, o: OpenOptions = {}) {
  const query = o.query ?? 'container=app&command=sh';
  const url = `${h.origin.replace('http', 'ws')}${path}?${query}`;
  const headers: Record<string, string> = {
    ...(o.cookie ? { Cookie: o.cookie } : {}),
    ...o.headers,
  };
  const origin = o.origin === undefined ? h.origin : o.origin;
  const ws = new WebSocket(url, o.protocols ?? [EXEC_PROTOCOL], {
    headers,
    ...(origin === null ? {} : { origin }),
  });
  let stdout = '';
  let status: ExecStatus | undefined;
  let closed: { code: number; reason: string } | undefined;
  const terminal = (code: number, body = ''): Terminal => ({
    status: code,
    body,
    stdout: () => stdout,
    errorStatus: () => status,
    closed: () => closed,
    type: (text) => ws.send(encodeExecFrame(ExecChannel.stdin, text)),
    sendFrame: (frame) => ws.send(frame),
    close: () => ws.close(),
  });
  ws.on('message', (data: Buffer) => {
    if (data[0] === ExecChannel.stdout) stdout += data.subarray(1).toString('utf8');
    if (data[0] === ExecChannel.error) status = JSON.parse(data.subarray(1).toString('utf8'));
  });
  ws.on('close', (code, reason) => (closed = { code, reason: reason.toString() }));
  return new Promise<Terminal>((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(terminal(res.statusCode ?? 0, body)));
    });
    ws.on('open', () => resolve(terminal(101)));
    ws.on('error', reject);
  });
}

/** A pod the emulator considers running, with one container `app`, put straight in its store. */
export function putRunningPod(h: Pick<Harness, 'emulator'>, namespace: string, name: string) {
  const started = new Date().toISOString();
  h.emulator.store.put('/pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, creationTimestamp: started },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
    status: {
      phase: 'Running',
      startTime: started,
      containerStatuses: [
        { name: 'app', ready: true, restartCount: 0, state: { running: { startedAt: started } } },
      ],
    },
  } as never);
}
