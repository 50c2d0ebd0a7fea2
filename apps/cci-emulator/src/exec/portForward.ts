// `kubectl port-forward`: SPDY/3.1 tunnelled through a WebSocket. Each local connection is a
// pair of SPDY streams sharing a requestID: "error" (the server writes why forwarding failed)
// and "data" (the bytes). Nothing is dialled: the data stream is served by an in-process HTTP
// parser in front of the pod's port handler (api/podProxy.ts PodPortRegistry), so the exporter
// port answers its metrics and every other port the error kubectl prints.
import { createServer, type IncomingMessage } from 'node:http';
import { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { PodPortRegistry } from '../api/podProxy.ts';
import type { KubeObject } from '../store/types.ts';
import type { PodLifetime } from './execSession.ts';
import {
  dataFrame,
  decodeHeaderBlock,
  encodeHeaderBlock,
  FLAG_FIN,
  FrameReader,
  FrameType,
  goAway,
  headerCodec,
  parseSynStream,
  ping,
  rstStream,
  RstStatus,
  synReply,
  type Frame,
} from './spdyFrames.ts';

export const PORT_FORWARD_PROTOCOL = 'SPDY/3.1+portforward.k8s.io';

/** The server end of one forwarded connection, fed by DATA frames. */
class TunnelSocket extends Duplex {
  constructor(
    private readonly sendData: (chunk: Buffer) => void,
    private readonly onFinish: () => void,
  ) {
    super();
  }
  override _read(): void {}
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    this.sendData(chunk);
    done();
  }
  override _final(done: (e?: Error | null) => void): void {
    this.onFinish();
    done();
  }
  // What node:http calls on a net.Socket.
  setTimeout(): this {
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface Pair {
  error?: number;
  data?: number;
  socket?: TunnelSocket;
}

export function runPortForward(
  ws: WebSocket,
  registry: PodPortRegistry,
  pod: KubeObject,
  lifetime: PodLifetime,
): void {
  const { name, namespace = '', uid = '' } = pod.metadata;
  const codec = headerCodec();
  const reader = new FrameReader();
  const pairs = new Map<string, Pair>();
  const requestOf = new Map<number, string>();
  let queue: Promise<void> = Promise.resolve();
  let closed = false;

  const send = (frame: Buffer) => {
    if (!closed && ws.readyState === ws.OPEN) ws.send(frame);
  };
  const fail = (pair: Pair, message: string) => {
    if (pair.error !== undefined) send(dataFrame(pair.error, Buffer.from(message), true));
    if (pair.data !== undefined) send(dataFrame(pair.data, Buffer.alloc(0), true));
    pair.error = pair.data = undefined;
  };
  const stop = lifetime((message) => {
    for (const pair of pairs.values()) fail(pair, message);
    send(goAway(0));
    close();
  });
  function close(): void {
    if (closed) return;
    closed = true;
    stop();
    codec.close();
    for (const pair of pairs.values()) pair.socket?.destroy();
    ws.close(1000);
  }

  const http = createServer((req, res) => {
    const port = Number((req.socket as unknown as { port: number }).port);
    void readBody(req)
      .then(async (body) => {
        const handler = registry.lookup(namespace, name, port);
        const url = new URL(req.url ?? '/', 'http://pod.invalid');
        const answer = handler
          ? await handler({
              method: req.method ?? 'GET',
              path: url.pathname,
              query: url.searchParams,
              headers: req.headers,
              body,
            })
          : { status: 502, contentType: 'text/plain', body: `port ${port} stopped listening\n` };
        res.writeHead(answer.status, { 'Content-Type': answer.contentType });
        res.end(answer.body);
      })
      .catch(() => res.destroy());
  });

  const open = (pair: Pair, port: number) => {
    if (pair.error === undefined || pair.data === undefined) return;
    if (!registry.lookup(namespace, name, port)) {
      return fail(
        pair,
        `error forwarding port ${port} to pod ${name}, uid ${uid}: failed to connect to localhost:${port} inside the pod: dial tcp4 127.0.0.1:${port}: connect: connection refused (nothing listens on this port of the emulated pod; its metrics exporter does)`,
      );
    }
    const dataId = pair.data;
    const socket = new TunnelSocket(
      (chunk) => send(dataFrame(dataId, chunk)),
      () => fail(pair, ''),
    );
    Object.assign(socket, { port });
    pair.socket = socket;
    http.emit('connection', socket);
  };

  const handle = async (frame: Frame) => {
    if (frame.kind === 'data') {
      const pair = pairs.get(requestOf.get(frame.streamId) ?? '');
      if (pair?.socket && frame.streamId === pair.data) {
        if (frame.data.length > 0) pair.socket.push(frame.data);
        if (frame.flags & FLAG_FIN) pair.socket.push(null);
      }
      return;
    }
    if (frame.type === FrameType.synStream) {
      const { streamId, block } = parseSynStream(frame.payload);
      const headers = decodeHeaderBlock(await codec.inflate(block));
      send(synReply(streamId, await codec.deflate(encodeHeaderBlock({}))));
      const requestId = headers.get('requestid') ?? String(streamId);
      const port = Number(headers.get('port'));
      const type = headers.get('streamtype');
      if (
        !Number.isInteger(port) ||
        port < 1 ||
        port > 65535 ||
        (type !== 'error' && type !== 'data')
      ) {
        send(rstStream(streamId, RstStatus.protocolError));
        return;
      }
      const pair = pairs.get(requestId) ?? {};
      pairs.set(requestId, pair);
      requestOf.set(streamId, requestId);
      pair[type] = streamId;
      open(pair, port);
    } else if (frame.type === FrameType.rstStream) {
      const requestId = requestOf.get(frame.payload.readUInt32BE(0) & 0x7fffffff);
      const pair = requestId === undefined ? undefined : pairs.get(requestId);
      pair?.socket?.destroy();
      if (requestId !== undefined) pairs.delete(requestId);
    } else if (frame.type === FrameType.ping) {
      send(ping(frame.payload.readUInt32BE(0)));
    } else if (frame.type === FrameType.goAway) {
      close();
    }
  };

  ws.on('message', (raw: Buffer) => {
    let frames: Frame[];
    try {
      frames = reader.push(raw);
    } catch {
      send(goAway(0));
      return close();
    }
    for (const frame of frames) queue = queue.then(() => handle(frame)).catch(() => close());
  });
  ws.on('close', close);
}
