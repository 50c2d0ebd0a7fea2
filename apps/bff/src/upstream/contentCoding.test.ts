import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encoder, type Coding } from './contentCoding.ts';

async function encode(coding: Coding, chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(encoder(coding, false))) out.push(chunk);
  return Buffer.concat(out);
}

const decode = (coding: Coding, data: Buffer) =>
  coding === 'br' ? brotliDecompressSync(data) : gunzipSync(data);

describe('content encoders', () => {
  it.each(['gzip', 'br'] as const)(
    '%s: a document, small or past the 256 KiB buffer, decodes to what went in',
    async (coding) => {
      // Hex text: compressible, but not so much that the answer stays tiny.
      const chunks = Array.from({ length: 40 }, () =>
        Buffer.from(randomBytes(8192).toString('hex')),
      );
      const whole = Buffer.concat(chunks);
      expect(whole.length).toBeGreaterThan(256 * 1024);
      expect(decode(coding, await encode(coding, chunks)).equals(whole)).toBe(true);
      const small = [Buffer.from('{"kind":"PodList",'), Buffer.from('"items":[]}')];
      expect(decode(coding, await encode(coding, small)).toString()).toBe(
        '{"kind":"PodList","items":[]}',
      );
    },
  );

  it.each(['gzip', 'br'] as const)(
    '%s: a streaming encoder lets each chunk out before the next one comes',
    async (coding) => {
      const stream = encoder(coding, true);
      const first = new Promise<Buffer>((resolve) => stream.once('data', resolve));
      stream.write('{"type":"ADDED"}\n'); // and nothing more yet
      const out = await first;
      // Decoded without the end of the stream: only what the flush let out.
      const decoded =
        coding === 'br'
          ? brotliDecompressSync(out, { finishFlush: constants.BROTLI_OPERATION_FLUSH })
          : gunzipSync(out, { finishFlush: constants.Z_SYNC_FLUSH });
      expect(decoded.toString()).toBe('{"type":"ADDED"}\n');
      stream.destroy();
    },
  );
});
