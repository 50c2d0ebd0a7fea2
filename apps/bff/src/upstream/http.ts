import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createSecureContext, rootCertificates } from 'node:tls';
import { messages } from '../messages.ts';
import { statusError } from '../middleware/errors.ts';
import { lazyWebBody } from './nodeBody.ts';

/**
 * HTTP(S) to IAM and CCI over node:http(s) with keep-alive agents: Node's global fetch cannot
 * be given extra CAs (a private CA, the emulator's self-signed certificate), an Agent can.
 * Answers are web Responses whose bodies stream (watches). Failures before the answer's headers
 * become Status errors naming the endpoint: 502 unreachable, 504 timed out.
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

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export function createHttpSender(options: { caCertificates?: string | undefined }): HttpSender {
  const httpAgent = new HttpAgent({ keepAlive: true });
  // `ca` replaces Node's root store, so the public roots are kept next to the extra CA. Given
  // as one secure context: as `ca` the Agent joined every root into its key on each request
  // (~10 ms per request, 0.6 s of the 60 pages of a 30,000-pod list; e2e/bench/listScroll.ts).
  const httpsAgent = new HttpsAgent({
    keepAlive: true,
    ...(options.caCertificates
      ? {
          secureContext: createSecureContext({ ca: [...rootCertificates, options.caCertificates] }),
        }
      : {}),
  });

  function send(o: SendOptions): Promise<Response> {
    const https = o.url.protocol === 'https:';
    return new Promise<Response>((resolve, reject) => {
      const headers = { ...o.headers };
      if (o.body !== undefined) headers['content-length'] = String(o.body.byteLength);
      const req = (https ? httpsRequest : httpRequest)(o.url, {
        method: o.method,
        headers,
        agent: https ? httpsAgent : httpAgent,
      });
      let answered = false;
      const timer = setTimeout(() => req.destroy(new TimeoutError()), o.timeoutMs);
      const stopTimer = () => clearTimeout(timer);
      const onAbort = () => req.destroy(o.signal?.reason ?? new Error('aborted'));
      o.signal?.addEventListener('abort', onAbort, { once: true });
      req.on('close', () => o.signal?.removeEventListener('abort', onAbort));

      req.on('error', (error) => {
        stopTimer();
        if (answered) return; // the body stream carries the error
        if (o.signal?.aborted) reject(error);
        else reject(failure(o, error));
      });
      req.on('response', (res) => {
        answered = true;
        if (o.timeoutCoversBody) res.on('close', stopTimer);
        else stopTimer();
        resolve(toResponse(o.method, res));
      });
      if (o.signal?.aborted) onAbort();
      req.end(o.body === undefined ? undefined : Buffer.from(o.body));
    });
  }

  return {
    send,
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

function toResponse(method: string, res: IncomingMessage): Response {
  const status = res.statusCode ?? 502;
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    const name = res.rawHeaders[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, res.rawHeaders[i + 1] as string);
  }
  const noBody = method === 'HEAD' || status === 204 || status === 205 || status === 304;
  if (noBody) {
    res.resume();
    return new Response(null, { status, headers });
  }
  return new Response(lazyWebBody(res), { status, headers });
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
