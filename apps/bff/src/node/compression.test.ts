import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { Readable, type Transform } from 'node:stream';
import { brotliDecompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { UpstreamBody } from '../upstream/nodeBody.ts';
import { browserCoding, COMPRESS_MIN_BYTES, isCompressible, planRelay } from './compression.ts';

const upstream = (
  coding: string | undefined,
  length: number | undefined,
  streaming = false,
): UpstreamBody => ({ stream: new IncomingMessage(new Socket()), coding, length, streaming });

async function through(transform: Transform | undefined, input: Buffer): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.from([input]).pipe(transform as Transform)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('compression of API answers', () => {
  it('prefers gzip, honours q-values and refusals, and compresses nothing for identity', () => {
    expect(browserCoding('gzip, deflate, br, zstd')).toBe('gzip');
    expect(browserCoding('br;q=1, gzip;q=0.8')).toBe('br');
    expect(browserCoding('br;q=0.5, gzip')).toBe('gzip');
    expect(browserCoding('gzip;q=0, br')).toBe('br');
    expect(browserCoding('gzip')).toBe('gzip');
    expect(browserCoding('identity')).toBeUndefined();
    expect(browserCoding(undefined)).toBeUndefined();
  });

  it('compresses JSON, YAML and text but not event streams or binary', () => {
    expect(isCompressible('application/json')).toBe(true);
    expect(isCompressible('application/json;stream=watch')).toBe(true);
    expect(isCompressible('application/merge-patch+json')).toBe(true);
    expect(isCompressible('application/yaml')).toBe(true);
    expect(isCompressible('text/plain; charset=utf-8')).toBe(true);
    expect(isCompressible('text/event-stream')).toBe(false);
    expect(isCompressible('application/octet-stream')).toBe(false);
    expect(isCompressible(null)).toBe(false);
  });

  it('relays a gzip answer as it came to a browser that takes gzip, with its length', () => {
    const plan = planRelay(upstream('gzip', 4_000), 'application/json', 'gzip, deflate, br');
    expect(plan).toEqual({ contentEncoding: 'gzip', contentLength: 4_000 });
  });

  it('decodes a gzip answer for a browser that does not take gzip', async () => {
    const plan = planRelay(upstream('gzip', undefined), 'application/json', 'br;q=1, gzip;q=0');
    expect(plan.contentEncoding).toBeUndefined();
    const payload = JSON.stringify({ items: ['a', 'b'] });
    expect((await through(plan.transform, gzipSync(payload))).toString()).toBe(payload);
  });

  it('compresses a plain answer at or above the threshold with the negotiated coding', async () => {
    const payload = JSON.stringify({ items: 'x'.repeat(COMPRESS_MIN_BYTES) });
    const plan = planRelay(
      upstream(undefined, payload.length),
      'application/json',
      'br, gzip;q=0.5',
    );
    expect(plan.contentEncoding).toBe('br');
    expect(plan.contentLength).toBeUndefined();
    const compressed = await through(plan.transform, Buffer.from(payload));
    expect(compressed.length).toBeLessThan(payload.length / 10);
    expect(brotliDecompressSync(compressed).toString()).toBe(payload);
  });

  it('sends a plain answer below the threshold as it came, with its length', () => {
    const plan = planRelay(upstream(undefined, COMPRESS_MIN_BYTES - 1), 'application/json', 'gzip');
    expect(plan).toEqual({ contentLength: COMPRESS_MIN_BYTES - 1 });
  });

  it('compresses an answer of unknown length (a watch) and sends nothing compressed to a browser that takes none', () => {
    const watch = upstream(undefined, undefined, true);
    expect(planRelay(watch, 'application/json', 'gzip').contentEncoding).toBe('gzip');
    expect(planRelay(watch, 'application/json', undefined)).toEqual({});
    expect(planRelay(watch, 'text/event-stream', 'gzip')).toEqual({});
  });
});
