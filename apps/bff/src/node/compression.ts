import Negotiator from 'negotiator';
import type { Transform } from 'node:stream';
import { canDecode, decoder, encoder, type Coding } from '../upstream/contentCoding.ts';
import type { UpstreamBody } from '../upstream/nodeBody.ts';

/**
 * Content negotiation for API answers to the browser (issue #12): compressed when the browser
 * takes gzip or br, the content is text and big enough.
 *
 * The threshold is 1 KiB: below it an answer fits one TCP segment (MSS ~1,460 bytes) compressed
 * or not, so compressing saves no packet, only costs CPU and a zlib state; Status objects, a
 * session, one small object stay plain. (The Kubernetes API server waits until 128 KiB because
 * it pays the CPU for every client of a cluster; the BFF's answers go to browsers on slower
 * links, where a 50 KiB pod list is 5 KiB compressed.)
 */
export const COMPRESS_MIN_BYTES = 1024;

/** JSON, YAML, text: what API answers are. Not event streams (their route owns them). */
const compressibleType =
  /^\s*(application\/([\w.-]+\+)?(json|yaml|x-yaml|xml|javascript)|text\/(?!event-stream))/i;

export function isCompressible(contentType: string | null | undefined): boolean {
  return contentType != null && compressibleType.test(contentType);
}

const servers: Coding[] = ['gzip', 'br'];

/** The coding to compress with for this Accept-Encoding (gzip preferred on a tie), if any. */
export function browserCoding(acceptEncoding: string | undefined): Coding | undefined {
  if (!acceptEncoding) return undefined;
  // negotiator 1.x takes the server's preference for ties; its typings predate the option.
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }) as {
    encodings(available: string[], options: { preferred: string[] }): string[];
  };
  return negotiator.encodings(servers, { preferred: servers })[0] as Coding | undefined;
}

export function accepts(acceptEncoding: string | undefined, coding: string): boolean {
  if (!acceptEncoding) return false;
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } });
  return negotiator.encodings([coding]).length > 0;
}

export interface RelayPlan {
  /** Decoder or encoder between upstream and browser; none: the bytes go as they came. */
  transform?: Transform;
  contentEncoding?: string;
  /** Content-Length when the bytes go unchanged and the upstream said how many. */
  contentLength?: number;
}

/**
 * How an upstream answer reaches the browser: a compressed one as it came when the browser takes
 * its coding (never decoded and compressed again), decoded when it does not; a plain one
 * compressed here when worth it. Unknown length (watches, followed logs) counts as big; for a
 * streaming answer the encoder flushes per chunk, so events are not held back.
 */
export function planRelay(
  body: UpstreamBody,
  contentType: string | null,
  acceptEncoding: string | undefined,
): RelayPlan {
  const unchanged: RelayPlan = body.length === undefined ? {} : { contentLength: body.length };
  if (body.coding !== undefined) {
    if (accepts(acceptEncoding, body.coding) || !canDecode(body.coding)) {
      return { ...unchanged, contentEncoding: body.coding };
    }
    return { transform: decoder(body.coding) };
  }
  const coding = browserCoding(acceptEncoding);
  const big = body.length === undefined || body.length >= COMPRESS_MIN_BYTES;
  if (coding && big && isCompressible(contentType)) {
    return { transform: encoder(coding, body.streaming), contentEncoding: coding };
  }
  return unchanged;
}
