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
 * Encoders for the browser, tuned for CPU per byte saved, since the BFF pays it on every answer:
 * brotli quality 4 compresses a pod list ~30 % smaller than gzip at about the CPU of gzip level 6;
 * gzip level 1 (what the Kubernetes API server uses) when the browser takes no brotli.
 */
export function encoder(coding: Coding): Transform {
  if (coding === 'br') {
    return createBrotliCompress({
      flush: constants.BROTLI_OPERATION_FLUSH,
      params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
    });
  }
  return createGzip({ level: 1, flush: constants.Z_SYNC_FLUSH });
}
