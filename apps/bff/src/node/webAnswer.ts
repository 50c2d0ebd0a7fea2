import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { browserCoding, COMPRESS_MIN_BYTES, isCompressible } from './compression.ts';
import { nodeHeaders } from './nodeHeaders.ts';
import { encoder } from '../upstream/contentCoding.ts';

/**
 * The BFF's own API answers (metrics, session, kubeconfig, errors), compressed as the proxy's
 * are (`compression.ts`). They are web Responses of unknown length, so the first KiB is read to
 * decide: a smaller answer goes plain with its Content-Length. Event streams are left alone,
 * and so is a live answer marked `X-Accel-Buffering: no` (a followed log): its first KiB may
 * take minutes, and no proxy in between may hold it back either.
 */
export function wantsCompression(
  incoming: IncomingMessage | { url?: string; method?: string },
  response: Response,
  acceptEncoding: string | string[] | undefined,
): acceptEncoding is string {
  return (
    typeof acceptEncoding === 'string' &&
    incoming.method !== 'HEAD' &&
    (incoming.url ?? '').startsWith('/api/') &&
    response.status !== 204 &&
    response.status !== 304 &&
    !response.headers.has('content-encoding') &&
    response.headers.get('x-accel-buffering') !== 'no' &&
    isCompressible(response.headers.get('content-type')) &&
    browserCoding(acceptEncoding) !== undefined &&
    // Last: under node-server, reading `body` turns a light Response into a full one.
    response.body !== null
  );
}

export async function compressWebAnswer(
  response: Response,
  outgoing: ServerResponse,
  acceptEncoding: string,
): Promise<Response> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < COMPRESS_MIN_BYTES) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    head.push(value);
    size += value.byteLength;
  }
  const headers = nodeHeaders(response.headers);
  headers['vary'] = 'Accept-Encoding';
  if (ended) {
    headers['content-length'] = size;
    outgoing.writeHead(response.status, headers);
    outgoing.end(Buffer.concat(head));
    return RESPONSE_ALREADY_SENT;
  }
  const coding = browserCoding(acceptEncoding) ?? 'gzip';
  delete headers['content-length'];
  headers['content-encoding'] = coding;
  outgoing.writeHead(response.status, headers);
  async function* chunks() {
    yield* head;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  }
  pipeline(Readable.from(chunks()), encoder(coding, false), outgoing).catch(() => {
    outgoing.destroy();
    void reader.cancel().catch(() => {});
  });
  return RESPONSE_ALREADY_SENT;
}
