import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { Agent, type Dispatcher } from 'undici';
import { messages } from '../messages.ts';
import { statusError } from '../status.ts';
import { canDecode, contentCodingOf } from './contentCoding.ts';
import { upstreamResponse } from './nodeBody.ts';
import { trustedContext } from './trust.ts';
import type { UpstreamAnswer } from './types.ts';

/**
 * HTTP(S) to IAM and CCI over undici's Agent (one keep-alive pool per origin): Node's global
 * fetch cannot be given extra CAs (a private CA, the emulator's self-signed certificate), an
 * Agent can, and undici's client costs a fraction of node:http's per request (issue #12).
 * Answers are web Responses whose bodies stream (watches). Failures before the answer's headers
 * become Status errors naming the endpoint: 502 unreachable, 504 timed out.
 * Every request asks for gzip (CCI, like the Kubernetes API server, gzips large answers): a
 * reader of the web body gets it decoded, the proxy relays it as it came (`nodeBody.ts`).
 */
export type Service = 'iam' | 'cci';

export interface SendOptions {
  service: Service;
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array | undefined;
  timeoutMs: number;
  /** false for watches and log follows: the timeout then only covers waiting for headers. */
  timeoutCoversBody: boolean;
  signal?: AbortSignal | undefined;
}

export interface HttpSender {
  send(options: SendOptions): Promise<Response>;
  /** The answer as it came, no web objects (the proxy's relay); `send` is this + `toResponse`. */
  exchange(options: SendOptions): Promise<UpstreamAnswer>;
  close(): void;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** A connection that broke before any answer came: nothing of it was processed by CCI. */
function isStaleConnection(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE';
}

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * What undici takes as a request's signal (an emitter with `aborted` and `reason`): one per
 * request for the timeout and the caller's signal, cheaper than an AbortController.
 */
class Cancel extends EventEmitter {
  aborted = false;
  reason: unknown;
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }
}

const ignore = () => {};

export function createHttpSender(options: { caCertificates?: string | undefined }): HttpSender {
  const secureContext = trustedContext(options.caCertificates);
  // The timeouts are the sender's own (a watch may stay quiet for as long as it likes).
  const agent = new Agent({
    headersTimeout: 0,
    bodyTimeout: 0,
    ...(secureContext ? { connect: { secureContext } } : {}),
  });

  function exchange(o: SendOptions): Promise<UpstreamAnswer> {
    const headers = { ...o.headers };
    headers['accept-encoding'] ??= 'gzip';
    if (o.body !== undefined) headers['content-length'] = String(o.body.byteLength);
    return new Promise<UpstreamAnswer>((resolve, reject) =>
      attempt(o, headers, true, resolve, reject),
    );
  }

  function attempt(
    o: SendOptions,
    headers: Record<string, string>,
    mayRetry: boolean,
    resolve: (answer: UpstreamAnswer) => void,
    reject: (error: unknown) => void,
  ): void {
    const cancel = new Cancel();
    const timer = setTimeout(() => cancel.abort(new TimeoutError()), o.timeoutMs);
    const onAbort = () => cancel.abort(o.signal?.reason ?? new Error('aborted'));
    const signal = o.signal;
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    if (signal?.aborted) onAbort();

    const request: Dispatcher.RequestOptions = {
      origin: o.url.origin,
      path: o.url.pathname + o.url.search,
      method: o.method as Dispatcher.HttpMethod,
      headers,
      body:
        o.body === undefined
          ? null
          : Buffer.from(o.body.buffer, o.body.byteOffset, o.body.byteLength),
      signal: cancel,
    };
    agent.request(request, (error, data) => {
      if (error) {
        done();
        if (signal?.aborted) return reject(error);
        // A kept-alive connection CCI closed just as it was reused breaks before any answer:
        // nothing reached CCI, so an idempotent request is sent once more on a fresh one, as
        // Go's client (kubectl) does. (undici does not say whether the connection was reused.)
        if (mayRetry && !cancel.aborted && isStaleConnection(error) && IDEMPOTENT.has(o.method)) {
          return attempt(o, headers, false, resolve, reject);
        }
        return reject(failure(o, error));
      }
      const body = data.body as Readable;
      // Readers see errors; an unread body destroyed on the way out must not crash the process.
      body.on('error', ignore);
      if (o.timeoutCoversBody) body.once('close', done);
      else {
        clearTimeout(timer);
        body.once('close', done);
      }
      resolve(answerOf(o.method, data.statusCode, data.headers, body));
    });
  }

  return {
    send: (o) => exchange(o).then(toResponse),
    exchange,
    close() {
      agent.destroy().catch(ignore);
    },
  };
}

/** undici's answer as the sender hands it on: hop-by-hop headers gone, the body's coding read. */
function answerOf(
  method: string,
  status: number,
  headers: Record<string, string | string[] | undefined>,
  body: Readable,
): UpstreamAnswer {
  // undici makes this record for this answer alone: trimmed in place.
  for (const name of HOP_BY_HOP) if (name in headers) delete headers[name];
  const coding = contentCodingOf(joined(headers['content-encoding']));
  const noBody = method === 'HEAD' || status === 204 || status === 205 || status === 304;
  if (noBody) {
    body.resume();
    return { status, headers, body: null, coding, length: undefined };
  }
  const declared = joined(headers['content-length']);
  const length = Number(declared);
  const known = declared !== undefined && Number.isSafeInteger(length) && length >= 0;
  return { status, headers, body, coding, length: known ? length : undefined };
}

/**
 * An answer as a web Response for readers of its content (IAM, feeds, metrics): the body is
 * decoded when read, so the coded bytes' Content-Encoding and Content-Length are left out.
 */
export function toResponse(answer: UpstreamAnswer): Response {
  const { status, coding, body } = answer;
  const decoded = coding !== undefined && canDecode(coding);
  const headers = new Headers();
  for (const name in answer.headers) {
    if (decoded && (name === 'content-encoding' || name === 'content-length')) continue;
    const value = answer.headers[name];
    if (typeof value === 'string') headers.append(name, value);
    else if (value) for (const v of value) headers.append(name, v);
  }
  if (!body) return new Response(null, { status, headers });
  return upstreamResponse(body, coding, answer.length, { status, headers });
}

function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Network error codes as short, secret-free causes for the Status message. */
function describe(error: Error): string {
  const code = (error as { code?: unknown }).code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'DNS lookup failed',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ETIMEDOUT: 'connection timed out',
  };
  if (typeof code !== 'string') return 'network error';
  if (known[code]) return known[code];
  if (/CERT|SELF_SIGNED|ALTNAME|TLS|SSL/.test(code)) return `TLS certificate not trusted: ${code}`;
  return code;
}

function failure(o: SendOptions, error: Error) {
  const endpoint = o.url.origin;
  if (error instanceof TimeoutError) {
    const message = o.service === 'iam' ? messages.iamTimeout : messages.cciTimeout;
    return statusError(504, message, { endpoint, seconds: Math.round(o.timeoutMs / 100) / 10 });
  }
  const message = o.service === 'iam' ? messages.iamUnreachable : messages.cciUnreachable;
  return statusError(502, message, { endpoint, cause: describe(error) }, { endpoint });
}
