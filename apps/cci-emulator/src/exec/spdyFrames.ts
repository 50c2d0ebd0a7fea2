// A minimal SPDY/3.1 frame codec: the frames `kubectl port-forward` exchanges inside its
// WebSocket tunnel (SYN_STREAM, SYN_REPLY, DATA, RST_STREAM, PING, GOAWAY; SETTINGS and
// WINDOW_UPDATE are read and ignored). Header blocks are zlib streams with the SPDY dictionary,
// one compression context per direction for the whole connection.
import { constants, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';
import { SPDY3_HEADER_DICTIONARY } from './spdyDictionary.ts';

export const SPDY_VERSION = 3;
export const FrameType = {
  synStream: 1,
  synReply: 2,
  rstStream: 3,
  settings: 4,
  ping: 6,
  goAway: 7,
  headers: 8,
  windowUpdate: 9,
} as const;
export const FLAG_FIN = 0x01;
/** RST_STREAM status codes used here. */
export const RstStatus = { protocolError: 1, refusedStream: 3, cancel: 5 } as const;
/** The largest frame accepted: SPDY lengths are 24 bits; kubectl writes 32 KiB data frames. */
export const MAX_FRAME_BYTES = 1 << 24;

export type Frame =
  | { kind: 'data'; streamId: number; flags: number; data: Buffer }
  | { kind: 'control'; type: number; flags: number; payload: Buffer };

/** Cuts a byte stream (WebSocket messages need not align with frames) into frames. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: Frame[] = [];
    while (this.buffer.length >= 8) {
      const length = this.buffer.readUInt32BE(4) & 0xffffff;
      if (this.buffer.length < 8 + length) break;
      const flags = this.buffer[4] as number;
      const body = this.buffer.subarray(8, 8 + length);
      const first = this.buffer.readUInt32BE(0);
      if (first & 0x80000000) {
        const version = (first >>> 16) & 0x7fff;
        if (version !== SPDY_VERSION) throw new Error(`unsupported SPDY version ${version}`);
        frames.push({ kind: 'control', type: first & 0xffff, flags, payload: body });
      } else {
        frames.push({ kind: 'data', streamId: first & 0x7fffffff, flags, data: body });
      }
      this.buffer = this.buffer.subarray(8 + length);
    }
    return frames;
  }
}

function header(first: number, flags: number, length: number): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt32BE(first >>> 0, 0);
  h.writeUInt32BE(((flags & 0xff) << 24) | length, 4);
  return h;
}

export function dataFrame(streamId: number, data: Buffer, fin = false): Buffer {
  return Buffer.concat([header(streamId & 0x7fffffff, fin ? FLAG_FIN : 0, data.length), data]);
}

export function controlFrame(type: number, flags: number, payload: Buffer): Buffer {
  return Buffer.concat([
    header(0x80000000 | (SPDY_VERSION << 16) | type, flags, payload.length),
    payload,
  ]);
}

function uint32s(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, i * 4));
  return b;
}

export const synReply = (streamId: number, block: Buffer, fin = false) =>
  controlFrame(FrameType.synReply, fin ? FLAG_FIN : 0, Buffer.concat([uint32s(streamId), block]));
export const rstStream = (streamId: number, status: number) =>
  controlFrame(FrameType.rstStream, 0, uint32s(streamId, status));
export const goAway = (lastStreamId: number) =>
  controlFrame(FrameType.goAway, 0, uint32s(lastStreamId, 0));
export const ping = (id: number) => controlFrame(FrameType.ping, 0, uint32s(id));

/** The stream id and compressed header block of a SYN_STREAM payload. */
export function parseSynStream(payload: Buffer): { streamId: number; block: Buffer } {
  return { streamId: payload.readUInt32BE(0) & 0x7fffffff, block: payload.subarray(10) };
}

/** An uncompressed header block: count, then length-prefixed names and values. */
export function encodeHeaderBlock(headers: Record<string, string>): Buffer {
  const parts: Buffer[] = [uint32s(Object.keys(headers).length)];
  for (const [name, value] of Object.entries(headers)) {
    for (const text of [name.toLowerCase(), value]) {
      const bytes = Buffer.from(text);
      parts.push(uint32s(bytes.length), bytes);
    }
  }
  return Buffer.concat(parts);
}

export function decodeHeaderBlock(block: Buffer): Map<string, string> {
  const headers = new Map<string, string>();
  let pos = 0;
  const read = () => {
    const length = block.readUInt32BE(pos);
    const text = block.subarray(pos + 4, pos + 4 + length).toString('utf8');
    pos += 4 + length;
    return text;
  };
  const count = block.readUInt32BE(0);
  pos = 4;
  for (let i = 0; i < count; i++) {
    const name = read();
    headers.set(name.toLowerCase(), read());
  }
  return headers;
}

/** Runs zlib work one block at a time, each ending in a sync flush. */
function flushing(stream: Inflate | Deflate): (input: Buffer) => Promise<Buffer> {
  let chain: Promise<unknown> = Promise.resolve();
  const output: Buffer[] = [];
  stream.on('data', (c: Buffer) => output.push(c));
  return (input) => {
    const next = chain.then(
      () =>
        new Promise<Buffer>((resolve, reject) => {
          stream.once('error', reject);
          stream.write(input);
          stream.flush(constants.Z_SYNC_FLUSH, () => {
            stream.off('error', reject);
            resolve(Buffer.concat(output.splice(0)));
          });
        }),
    );
    chain = next.catch(() => {});
    return next;
  };
}

/** One direction's header compression state for a connection. */
export function headerCodec(): {
  inflate: (block: Buffer) => Promise<Buffer>;
  deflate: (raw: Buffer) => Promise<Buffer>;
  close: () => void;
} {
  const inflater = createInflate({ dictionary: SPDY3_HEADER_DICTIONARY });
  const deflater = createDeflate({ dictionary: SPDY3_HEADER_DICTIONARY });
  return {
    inflate: flushing(inflater),
    deflate: flushing(deflater),
    close: () => {
      inflater.close();
      deflater.close();
    },
  };
}
