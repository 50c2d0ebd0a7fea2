import { Readable } from 'node:stream';
import { canDecode, decoder } from './contentCoding.ts';
import { MaskSecrets, maskedWebBody, type RelayGuard } from './secretGuard.ts';

/**
 * Upstream bodies stay Node streams until someone reads them as web streams. The proxy's success
 * answers are never read in the BFF: the Node adapter (`../node/fetchHandler.ts`) pipes the
 * upstream stream (undici's body) straight into the ServerResponse, which saves the web-stream round trip
 * (Readable → ReadableStream → reader → Writable) that made up most of the proxy's CPU time,
 * and relays a compressed answer as it came when the browser takes that coding.
 * Anything that does read the body (error redaction, feeds, metrics, tests using app.request)
 * gets a normal ReadableStream of the decoded content, built on first read.
 */
export interface UpstreamBody {
  stream: Readable;
  /**
   * The upstream's content coding (`contentCodingOf`); undefined for identity. Web reads decode
   * it when `canDecode`; one the BFF cannot decode reaches readers and browsers as it came.
   */
  coding: string | undefined;
  /** Content-Length of the bytes as they come (encoded), when the upstream sent it. */
  length: number | undefined;
  /** A watch or followed log (set by relayResponse): every chunk must leave at once. */
  streaming: boolean;
  /** The session's secrets to keep out of the relayed body (set by relayResponse). */
  guard?: RelayGuard | undefined;
}

const pending = new WeakMap<ReadableStream<Uint8Array>, UpstreamBody>();

/** The body's content as a reader sees it: decoded, and checked for secrets when guarded. */
function contentOf(meta: UpstreamBody): Readable {
  const { stream, coding, guard } = meta;
  const decoded = coding && canDecode(coding) ? stream.pipe(decoder(coding)) : stream;
  if (decoded !== stream) stream.once('error', (error) => decoded.destroy(error));
  // A relayed answer read as a web stream is checked as the Node relay checks it.
  const checked = guard ? decoded.pipe(new MaskSecrets(guard)) : decoded;
  if (checked !== decoded) decoded.once('error', (error) => checked.destroy(error));
  return checked;
}

export function lazyWebBody(
  res: Readable,
  coding?: string | undefined,
  length?: number | undefined,
): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const meta: UpstreamBody = { stream: res, coding, length, streaming: false };
  const open = () => {
    pending.delete(body);
    reader ??= (Readable.toWeb(contentOf(meta)) as ReadableStream<Uint8Array>).getReader();
    return reader;
  };
  const body: ReadableStream<Uint8Array> = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await open().read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel(reason) {
        pending.delete(body);
        if (reader) await reader.cancel(reason);
        res.destroy();
      },
    },
    // No read-ahead: nothing is pulled until a reader asks, so an untouched body can be piped.
    { highWaterMark: 0 },
  );
  pending.set(body, meta);
  return body;
}

/** Upstream answers made by upstreamResponse, with their (lazy) bodies. */
const bodies = new WeakMap<Response, ReadableStream<Uint8Array>>();

/** An upstream answer as a web Response whose body is a lazyWebBody. */
export function upstreamResponse(
  res: Readable,
  coding: string | undefined,
  length: number | undefined,
  init: { status: number; headers: Headers },
): Response {
  const body = lazyWebBody(res, coding, length);
  const response = new Response(body, init);
  bodies.set(response, body);
  return response;
}

/**
 * A response's body without touching `response.body` when upstreamResponse made it: under
 * node-server, that getter turns its light Response into a full undici one, a cost per proxied
 * request that shows in the profile.
 */
export function bodyOf(response: Response): ReadableStream<Uint8Array> | null {
  return bodies.get(response) ?? response.body;
}

/** Answers made by relayResponse or relayAnswer whose body may be an untouched upstream stream. */
const relayed = new WeakMap<Response, ReadableStream<Uint8Array> | RelayBody>();

/**
 * A Response relaying an upstream body, marked so the Node adapter can pipe it. Middleware may
 * change its headers in place; one that replaces the Response just loses the shortcut. With a
 * `guard`, the body is checked for the session's secrets however it is read (`secretGuard.ts`).
 */
export function relayResponse(
  body: ReadableStream<Uint8Array>,
  init: { status: number; headers: Headers },
  streaming = false,
  guard?: RelayGuard,
): Response {
  const upstream = pending.get(body);
  if (!upstream && guard && guard.secrets.length > 0) {
    return new Response(maskedWebBody(body, guard), init);
  }
  const response = new Response(body, init);
  if (upstream) {
    upstream.streaming = streaming;
    upstream.guard = guard;
    relayed.set(response, body);
  }
  return response;
}

/**
 * The body of a relayed answer that no web object was made for (`relayAnswer`). Under
 * @hono/node-server a Response keeps such a body as it was given (it has `getReader`), so a
 * relay that nobody reads costs no ReadableStream; anyone who does read it (`app.request`,
 * middleware) gets the decoded, checked content: a web Response takes it as an async iterable,
 * and `getReader` opens a web stream of it.
 */
export class RelayBody {
  #opened = false;

  constructor(readonly upstream: UpstreamBody) {}

  get locked(): boolean {
    return this.#opened;
  }

  getReader(): ReadableStreamDefaultReader<Uint8Array> {
    return (Readable.toWeb(this.open()) as ReadableStream<Uint8Array>).getReader();
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return this.open()[Symbol.asyncIterator]();
  }

  async cancel(): Promise<void> {
    this.#opened = true;
    this.upstream.stream.destroy();
  }

  private open(): Readable {
    if (this.#opened) throw new TypeError('the body was already read');
    this.#opened = true;
    return contentOf(this.upstream);
  }
}

/**
 * The proxy's relay of an upstream answer (`UpstreamAnswer`, no web objects made for it): a
 * Response with the browser's header record and a RelayBody, which the Node adapter pipes.
 * Middleware may change its headers; one that replaces the Response just loses the shortcut.
 */
export function relayAnswer(
  upstream: { body: Readable; coding: string | undefined; length: number | undefined },
  init: { status: number; headers: Record<string, string> },
  streaming: boolean,
  guard?: RelayGuard,
): Response {
  const body = new RelayBody({
    stream: upstream.body,
    coding: upstream.coding,
    length: upstream.length,
    streaming,
    guard: guard && guard.secrets.length > 0 ? guard : undefined,
  });
  const response = new Response(body as unknown as ReadableStream<Uint8Array>, init);
  relayed.set(response, body);
  return response;
}

/**
 * The Node stream behind the body of a response made by relayResponse that nobody has read
 * yet, handed over once: afterwards the web body must not be used. Never touches
 * `response.body`, which would make node-server build a full web Response.
 */
export function takeNodeBody(response: Response): UpstreamBody | undefined {
  const body = relayed.get(response);
  relayed.delete(response);
  if (!body || body.locked) return undefined;
  if (body instanceof RelayBody) return body.upstream;
  const upstream = pending.get(body);
  pending.delete(body);
  return upstream;
}
