import fc from 'fast-check';
import { Readable, type Transform } from 'node:stream';
import { constants, createGzip, gzipSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decoder, encoder } from './contentCoding.ts';
import { lazyWebBody, relayResponse } from './nodeBody.ts';
import {
  CheckCompressed,
  guardedChain,
  MaskSecrets,
  SecretInBodyError,
  type RelayGuard,
} from './secretGuard.ts';

const TOKEN = 'MIIsecretTokenValue0123456789abcdefXYZ';

function recordingGuard(secrets = [TOKEN]) {
  const outcomes: string[] = [];
  const guard: RelayGuard = { secrets, onFound: (o) => void outcomes.push(o) };
  return { guard, outcomes };
}

/** Pushes `pieces` through `transform`; what came out before it ended, and how it ended. */
async function run(transform: Transform, pieces: Buffer[]) {
  const out: Buffer[] = [];
  try {
    for await (const chunk of Readable.from(pieces).pipe(transform)) out.push(chunk as Buffer);
    return { out: Buffer.concat(out), error: undefined };
  } catch (error) {
    return { out: Buffer.concat(out), error };
  }
}

/** A gzip stream flushed at every piece of `text`, as a server streaming a document sends it. */
async function gzipPieces(text: string, cuts: number): Promise<Buffer> {
  const gzip = createGzip({ flush: constants.Z_SYNC_FLUSH });
  const size = Math.ceil(text.length / cuts);
  const pieces = Array.from({ length: cuts }, (_, i) => text.slice(i * size, (i + 1) * size));
  return (
    await run(
      gzip,
      pieces.map((p) => Buffer.from(p)),
    )
  ).out;
}

const cutAt = (bytes: Buffer, at: number[]) => {
  const sorted = [...new Set(at.map((a) => a % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...sorted].map((from, i) => bytes.subarray(from, sorted[i] ?? bytes.length));
};

describe('secret guard of relayed bodies', () => {
  it('masks a plain body and reports it once', async () => {
    const { guard, outcomes } = recordingGuard();
    const body = `{"a":"${TOKEN}","b":"${TOKEN}"}`;
    const pieces = [body.slice(0, 10), body.slice(10, 40), body.slice(40)].map((p) =>
      Buffer.from(p),
    );
    const { out } = await run(new MaskSecrets(guard), pieces);
    expect(out.toString()).toBe(body.split(TOKEN).join('*'.repeat(TOKEN.length)));
    expect(outcomes).toEqual(['masked']);
  });

  it('passes a compressed body without secrets through byte for byte, however it is cut', async () => {
    const text = JSON.stringify({
      items: Array.from({ length: 300 }, (_, i) => ({ i, MII: 'M' })),
    });
    const gz = gzipSync(text);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 8 }), async (at) => {
        const { guard, outcomes } = recordingGuard();
        const { out, error } = await run(new CheckCompressed('gzip', guard), cutAt(gz, at));
        expect(error).toBeUndefined();
        expect(out.equals(gz)).toBe(true);
        expect(outcomes).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('cuts a compressed body holding a secret short, having let through none of it', async () => {
    const head = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ i })) });
    const text = `${head}{"token":"${TOKEN}"}${head}`;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (flushes, at) => {
          const gz = await gzipPieces(text, flushes);
          const { guard, outcomes } = recordingGuard();
          const { out, error } = await run(new CheckCompressed('gzip', guard), cutAt(gz, at));
          expect(error).toBeInstanceOf(SecretInBodyError);
          expect(outcomes).toEqual(['aborted']);
          // What went out inflates to text that stops before the secret begins.
          const sent =
            out.length > 10
              ? inflateRawSync(out.subarray(10), { finishFlush: constants.Z_SYNC_FLUSH })
              : Buffer.alloc(0);
          expect(sent.length).toBeLessThanOrEqual(text.indexOf(TOKEN));
          expect(text.startsWith(sent.toString())).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('fails a compressed body cut short upstream rather than waiting for its end', async () => {
    const { guard } = recordingGuard();
    const gz = gzipSync('x'.repeat(10_000));
    const { error } = await run(new CheckCompressed('gzip', guard), [
      gz.subarray(0, gz.length - 6),
    ]);
    expect(error).toBeInstanceOf(Error);
  });

  it('refuses a coding it cannot check', async () => {
    const { guard } = recordingGuard();
    const { out, error } = await run(new CheckCompressed('zstd', guard), [Buffer.from('abc')]);
    expect(error).toBeInstanceOf(SecretInBodyError);
    expect(out).toHaveLength(0);
  });

  it('checks plain text: before an encoder, after a decoder, alone otherwise', () => {
    const { guard } = recordingGuard();
    const enc = encoder('gzip', false);
    const dec = decoder('gzip');
    const kinds = (chain: Transform[]) => chain.map((t) => t.constructor.name);
    expect(kinds(guardedChain({ coding: undefined, guard }, { transform: enc }))).toEqual([
      'MaskSecrets',
      enc.constructor.name,
    ]);
    expect(guardedChain({ coding: 'gzip', guard }, { transform: dec })[0]).toBe(dec);
    expect(kinds(guardedChain({ coding: 'gzip', guard }, { transform: dec }))[1]).toBe(
      'MaskSecrets',
    );
    expect(kinds(guardedChain({ coding: 'gzip', guard }, { contentEncoding: 'gzip' }))).toEqual([
      'CheckCompressed',
    ]);
    expect(kinds(guardedChain({ coding: undefined, guard }, {}))).toEqual(['MaskSecrets']);
    expect(guardedChain({ coding: undefined }, { transform: enc })).toEqual([enc]);
  });

  it('masks a relayed body read as a web stream (app.request, middleware), lazy or not', async () => {
    const { guard } = recordingGuard();
    const body = `{"t":"${TOKEN}"}`;
    const init = { status: 200, headers: new Headers() };
    const lazy = relayResponse(lazyWebBody(Readable.from([Buffer.from(body)])), init, false, guard);
    const plain = relayResponse(
      new Response(body).body as ReadableStream<Uint8Array>,
      init,
      false,
      guard,
    );
    const masked = body.replace(TOKEN, '*'.repeat(TOKEN.length));
    expect(await lazy.text()).toBe(masked);
    expect(await plain.text()).toBe(masked);
  });
});
