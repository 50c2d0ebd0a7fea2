import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  controlFrame,
  dataFrame,
  decodeHeaderBlock,
  encodeHeaderBlock,
  FLAG_FIN,
  FrameReader,
  FrameType,
  headerCodec,
  parseSynStream,
  synReply,
} from './spdyFrames.ts';
import { SPDY3_HEADER_DICTIONARY } from './spdyDictionary.ts';

function synStream(streamId: number, block: Buffer): Buffer {
  const head = Buffer.alloc(10);
  head.writeUInt32BE(streamId, 0);
  return controlFrame(FrameType.synStream, 0, Buffer.concat([head, block]));
}

describe('SPDY/3.1 frames for port-forward', () => {
  it('has the 1423-byte SPDY/3 header dictionary', () => {
    expect(SPDY3_HEADER_DICTIONARY.length).toBe(1423);
    expect(SPDY3_HEADER_DICTIONARY.subarray(4, 11).toString()).toBe('options');
  });

  it('cuts frames out of a byte stream split anywhere', () => {
    const bytes = Buffer.concat([
      dataFrame(3, Buffer.from('GET /'), false),
      dataFrame(3, Buffer.alloc(0), true),
      synReply(5, Buffer.from([1, 2])),
    ]);
    const reader = new FrameReader();
    const frames = [...bytes].flatMap((b) => reader.push(Buffer.from([b])));
    expect(frames).toEqual([
      { kind: 'data', streamId: 3, flags: 0, data: Buffer.from('GET /') },
      { kind: 'data', streamId: 3, flags: FLAG_FIN, data: Buffer.alloc(0) },
      {
        kind: 'control',
        type: FrameType.synReply,
        flags: 0,
        payload: Buffer.from([0, 0, 0, 5, 1, 2]),
      },
    ]);
  });

  it('refuses another SPDY version', () => {
    const frame = controlFrame(FrameType.ping, 0, Buffer.alloc(4));
    frame.writeUInt16BE(0x8002, 0);
    expect(() => new FrameReader().push(frame)).toThrow('unsupported SPDY version 2');
  });

  it('round-trips header blocks and inflates what a peer compressed with the dictionary', async () => {
    const raw = encodeHeaderBlock({ streamType: 'data', port: '19100', requestID: '0' });
    expect([...decodeHeaderBlock(raw)]).toEqual([
      ['streamtype', 'data'],
      ['port', '19100'],
      ['requestid', '0'],
    ]);
    const peer = deflateSync(raw, { dictionary: SPDY3_HEADER_DICTIONARY });
    const frame = new FrameReader().push(synStream(1, peer))[0];
    if (frame?.kind !== 'control') throw new Error('expected a control frame');
    const { streamId, block } = parseSynStream(frame.payload);
    const codec = headerCodec();
    expect(streamId).toBe(1);
    expect(decodeHeaderBlock(await codec.inflate(block)).get('port')).toBe('19100');
    // Our own blocks share one compression context: a second block still inflates.
    const other = headerCodec();
    for (const port of ['1', '2']) {
      const compressed = await codec.deflate(encodeHeaderBlock({ port }));
      expect(decodeHeaderBlock(await other.inflate(compressed)).get('port')).toBe(port);
    }
    codec.close();
    other.close();
  });
});
