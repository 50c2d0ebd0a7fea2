import type { Transform } from 'node:stream';
import {
  constants,
  createBrotliCompress,
  createBrotliDecompress,
  createGunzip,
  createGzip,
  createInflate,
} from 'node:zlib';

/**
 * HTTP content codings (RFC 9110 §8.4) as streaming zlib transforms: decoding upstream answers
 * and encoding answers to the browser. Every transform flushes after each chunk written to it,
 * so a watch event or a log line is never held back waiting for more; on a whole document the
 * flush per upstream chunk (16 KiB TLS records) costs well under 1 % of the compression ratio.
 */
export type Coding = 'gzip' | 'br';

/** What the BFF can decode: what it asks CCI for (gzip) and what a server may answer anyway. */
const decoders: Record<string, () => Transform> = {
  gzip: () => createGunzip({ flush: constants.Z_SYNC_FLUSH }),
  'x-gzip': () => createGunzip({ flush: constants.Z_SYNC_FLUSH }),
  deflate: () => createInflate({ flush: constants.Z_SYNC_FLUSH }),
  br: () => createBrotliDecompress({ flush: constants.BROTLI_OPERATION_FLUSH }),
};

/** The content coding of an upstream answer, lower-cased; undefined for identity. */
export function contentCodingOf(header: string | undefined): string | undefined {
  const coding = header?.trim().toLowerCase();
  return coding && coding !== 'identity' ? coding : undefined;
}

export function canDecode(coding: string): boolean {
  return coding in decoders;
}

export function decoder(coding: string): Transform {
  const make = decoders[coding];
  if (!make) throw new Error(`no decoder for content coding ${coding}`);
  return make();
}

/**
 * Encoders for the browser, tuned for CPU per byte saved, since the BFF pays it on every answer.
 * Brotli quality 4 makes a 100-pod list (87 KiB) ~35 % smaller than gzip for about the same CPU
 * (~0.6 ms), once its window is 256 KiB (LGWIN 18) instead of 4 MiB: setting up the default
 * window doubled the cost. Plain answers are at most 128 KiB anyway (CCI gzips larger ones, which
 * are relayed as they came). Gzip level 1, as the Kubernetes API server, for browsers without br.
 */
export function encoder(coding: Coding): Transform {
  if (coding === 'br') {
    return createBrotliCompress({
      flush: constants.BROTLI_OPERATION_FLUSH,
      params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_LGWIN]: 18 },
    });
  }
  return createGzip({ level: 1, flush: constants.Z_SYNC_FLUSH });
}
