import fc from 'fast-check';
import { Readable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CheckCompressed, SecretInBodyError } from './secretGuard.ts';
import { SyncInflater } from './syncInflater.ts';

/** ~400 KiB of JSON: inflates to many of the shared output buffers. */
const text = JSON.stringify({
  items: Array.from({ length: 4_000 }, (_, i) => ({ name: `pod-${i}`, uid: (i * 7919) % 10_007 })),
});

function inflateAll(coding: string, pieces: Buffer[]): string {
  const inflater = new SyncInflater(coding);
  // Each piece is a view of a reused buffer: copied here, as a reader that keeps text must.
  const out: Buffer[] = [];
  const keep = (piece: Buffer) => void out.push(Buffer.from(piece));
  for (const piece of pieces) inflater.write(piece, keep);
  inflater.end(keep);
  inflater.close();
  return Buffer.concat(out).toString();
}

const cut = (bytes: Buffer, at: number[]) => {
  const sorted = [...new Set(at.map((a) => a % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...sorted].map((from, i) => bytes.subarray(from, sorted[i] ?? bytes.length));
};

describe('synchronous inflater', () => {
  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('inflates %s cut anywhere to the same text', (coding, compress) => {
    const packed = compress(Buffer.from(text));
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), (at) => {
        expect(inflateAll(coding, cut(packed, at))).toBe(text);
      }),
      { numRuns: 10 },
    );
  });

  it('throws on a corrupt body and on one cut short', () => {
    const packed = gzipSync(text);
    const corrupt = Buffer.from(packed);
    corrupt.fill(0xff, 20, 60);
    expect(() => inflateAll('gzip', [corrupt])).toThrow();
    expect(() => inflateAll('gzip', [packed.subarray(0, packed.length - 8)])).toThrow(
      /unexpected end/,
    );
  });

  it('lets the check find a secret that straddles two output buffers', async () => {
    const token = 'MIItokenStraddlingTheSharedBuffer0123456789';
    // The shared buffer is 64 KiB: the token starts a few bytes before its end.
    const body = `${'x'.repeat(64 * 1024 - 10)}${token}${text}`;
    const outcomes: string[] = [];
    const check = new CheckCompressed('gzip', {
      secrets: [token],
      onFound: (o) => void outcomes.push(o),
    });
    const relayed = Readable.from([gzipSync(body)]).pipe(check);
    await expect(async () => {
      for await (const chunk of relayed) void chunk;
    }).rejects.toBeInstanceOf(SecretInBodyError);
    expect(outcomes).toEqual(['aborted']);
  });
});
