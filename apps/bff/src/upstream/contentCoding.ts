import { Transform, type TransformCallback } from 'node:stream';
import {
  brotliCompressSync,
  constants,
  createBrotliCompress,
  createBrotliDecompress,
  createGunzip,
  createGzip,
  createInflate,
  gzipSync,
} from 'node:zlib';

/**
 * HTTP content codings (RFC 9110 §8.4) as transforms: decoding upstream answers (zlib streams
 * flushed after each chunk, so a decoded watch event is never held back) and encoding answers
 * to the browser (`encoder`).
 */
export type Coding = 'gzip' | 'br';

/** What the BFF can decode: what it asks CCI for (gzip) and what a server may answer anyway. */
const decoders: Record<string, (chunkSize?: number) => Transform> = {
  gzip: (chunkSize) => createGunzip({ flush: constants.Z_SYNC_FLUSH, chunkSize }),
  'x-gzip': (chunkSize) => createGunzip({ flush: constants.Z_SYNC_FLUSH, chunkSize }),
  deflate: (chunkSize) => createInflate({ flush: constants.Z_SYNC_FLUSH, chunkSize }),
  br: (chunkSize) => createBrotliDecompress({ flush: constants.BROTLI_OPERATION_FLUSH, chunkSize }),
};

/** The content coding of an upstream answer, lower-cased; undefined for identity. */
export function contentCodingOf(header: string | undefined): string | undefined {
  const coding = header?.trim().toLowerCase();
  return coding && coding !== 'identity' ? coding : undefined;
}

export function canDecode(coding: string): boolean {
  return coding in decoders;
}

/**
 * `chunkSize`: bytes of output per piece (zlib's default 16 KiB). Inflating a 38 KiB gzip list
 * into 1.4 MiB in 16 KiB pieces cost ~2x the CPU of 128 KiB pieces (a thread-pool round trip
 * and a Buffer per piece); a reader that only looks at the text (the secret check) takes big ones.
 */
export function decoder(coding: string, chunkSize?: number): Transform {
  const make = decoders[coding];
  if (!make) throw new Error(`no decoder for content coding ${coding}`);
  return make(chunkSize);
}

const GZIP = { level: 1 };
const BROTLI = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_LGWIN]: 18 },
};

/**
 * Encoders for the browser, tuned for CPU per byte saved, since the BFF pays it on every answer:
 * gzip level 1 (as the Kubernetes API server) makes a 100-pod list (87 KiB) 16x smaller for
 * ~0.16 ms of CPU; brotli quality 4 (window 256 KiB, not the default 4 MiB whose set-up doubled
 * its cost) makes it ~35 % smaller again for ~3x the CPU, so it is used only for browsers that
 * take no gzip (compression.ts prefers gzip).
 *
 * `streaming` (watches, followed logs): a zlib stream flushed after each chunk, so an event is
 * never held back. Otherwise the answer is a document: compressed in one synchronous call when
 * it ends (a zlib stream costs ~1 ms more per answer in thread-pool round trips, measured on a
 * 100-pod list), or as a stream once it passes 256 KiB, so a big one never blocks the loop long.
 */
export function encoder(coding: Coding, streaming: boolean): Transform {
  return streaming ? streamEncoder(coding, true) : new DocumentEncoder(coding);
}

function streamEncoder(coding: Coding, flushEachChunk: boolean): Transform {
  if (coding === 'br') {
    const flush = flushEachChunk
      ? constants.BROTLI_OPERATION_FLUSH
      : constants.BROTLI_OPERATION_PROCESS;
    return createBrotliCompress({ ...BROTLI, flush });
  }
  return createGzip({
    ...GZIP,
    flush: flushEachChunk ? constants.Z_SYNC_FLUSH : constants.Z_NO_FLUSH,
  });
}

const DOCUMENT_BUFFER_BYTES = 256 * 1024;

class DocumentEncoder extends Transform {
  private chunks: Buffer[] = [];
  private size = 0;
  private stream: Transform | undefined;

  constructor(private readonly coding: Coding) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.stream) {
      if (this.stream.write(chunk)) done();
      else this.stream.once('drain', done);
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size <= DOCUMENT_BUFFER_BYTES) return done();
    this.stream = streamEncoder(this.coding, false);
    this.stream.on('data', (out: Buffer) => this.push(out));
    this.stream.on('error', (error) => this.destroy(error));
    for (const buffered of this.chunks) this.stream.write(buffered);
    this.chunks = [];
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.stream) {
      this.stream.once('end', () => done());
      this.stream.end();
      return;
    }
    const whole = Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    try {
      done(null, this.coding === 'br' ? brotliCompressSync(whole, BROTLI) : gzipSync(whole, GZIP));
    } catch (error) {
      done(error as Error);
    }
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.stream?.destroy();
    done(error);
  }
}
