import { messages } from '../messages.ts';
import { statusError } from '../status.ts';

/**
 * Reads a request body up to `limit` bytes; a larger one is refused with 413 without reading the
 * rest. Returns undefined for an empty body.
 */
export async function readLimitedBody(
  request: Request,
  limit: number,
): Promise<Uint8Array | undefined> {
  const tooLarge = () => statusError(413, messages.bodyTooLarge, { bytes: limit });
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge();
  if (!request.body) return undefined;
  const body = await readAtMost(request.body, limit, tooLarge);
  return body.byteLength === 0 ? undefined : body;
}

/**
 * Reads a stream whole, but never more than `limit` bytes: past it the stream is cancelled and
 * `tooLarge()` thrown. The request bodies of the BFF and the answers of exporters both use it.
 */
export async function readAtMost(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
