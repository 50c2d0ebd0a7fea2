import { HTTPException } from 'hono/http-exception';
import { messages } from '../messages.ts';
import { statusError } from '../status.ts';
import type { Session } from '../session/types.ts';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { canDecode, decoder } from '../upstream/contentCoding.ts';
import { relayAnswer } from '../upstream/nodeBody.ts';
import type { UpstreamAnswer, UpstreamClient } from '../upstream/types.ts';
import type { ProxyDecision } from './allowList.ts';
import { browserResponseHeaders, upstreamRequestHeaders } from './headers.ts';
import { readLimitedBody } from './readBody.ts';
import { redactSecrets, secretsOf } from './redact.ts';

export interface ForwardOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  /** For messages: the CCI endpoint of a region. */
  endpointOf: (region: string) => string;
  /** Ends the upstream exchange (a streaming one's session ended, or its answer finished). */
  signal?: AbortSignal;
  /** A success body held a secret of the session: masked, or (compressed) cut short. */
  onSecret?: (session: Session, path: string, outcome: 'masked' | 'aborted') => void;
}

type Allowed = Extract<ProxyDecision, { allowed: true }>;

const methodsWithBody = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Error bodies are small Status objects; anything bigger is cut rather than buffered. */
const maxErrorBodyBytes = 256 * 1024;

/**
 * Sends one allowed request upstream and relays the answer. Success bodies stream through with
 * the session's secrets masked in passing (`upstream/secretGuard.ts`); error bodies (Status) are
 * read whole (they are small) and relayed with the secrets redacted.
 */
export async function forwardAllowed(
  upstream: UpstreamClient,
  session: Session,
  request: Request,
  decision: Allowed,
  options: ForwardOptions,
): Promise<Response> {
  const method = request.method;
  const body = methodsWithBody.has(method)
    ? await readLimitedBody(request, options.maxBodyBytes)
    : undefined;
  const headers = upstreamRequestHeaders(request.headers, body !== undefined);
  if (!headers.ok) throw statusError(400, headers.message, headers.params);

  const abort = new AbortController();
  // A watch or followed log lives as long as its browser connection. Other requests finish on
  // their own (bounded by the timeout), and once their answer streams, the browser going away
  // cancels the body, which ends the upstream exchange too.
  if (decision.streaming) {
    const onClientGone = () => abort.abort(new Error('the browser went away'));
    request.signal.addEventListener('abort', onClientGone, { once: true });
    const ended = options.signal;
    if (ended?.aborted) abort.abort(ended.reason);
    ended?.addEventListener('abort', () => abort.abort(ended.reason), { once: true });
  }
  let timedOut = false;
  // Watches and followed logs are meant to stay open; everything else must answer in time.
  const timer = decision.streaming
    ? undefined
    : setTimeout(() => {
        timedOut = true;
        abort.abort(new Error('upstream timeout'));
      }, options.timeoutMs);

  let answer: UpstreamAnswer;
  try {
    const call = {
      method,
      path: decision.path,
      query: decision.query,
      headers: headers.headers,
      body,
      signal: abort.signal,
    };
    answer = upstream.exchange
      ? await upstream.exchange(session, call)
      : answerOf(await upstream.request(session, call));
  } catch (cause) {
    const endpoint = options.endpointOf(session.region);
    if (timedOut) {
      const seconds = Math.round(options.timeoutMs / 100) / 10;
      throw statusError(504, messages.cciTimeout, { endpoint, seconds });
    }
    // The browser left, or the upstream client already answered with its own Status.
    if (abort.signal.aborted || cause instanceof HTTPException) throw cause;
    throw statusError(502, messages.cciUnreachable, { endpoint, cause: errorCode(cause) });
  } finally {
    clearTimeout(timer);
  }
  const status = answer.status;
  const responseHeaders = browserResponseHeaders(answer.headers);
  if (!answer.body) return new Response(null, { status, headers: responseHeaders });
  const secrets = secretsOf(session.credentials);
  if (status < 400) {
    const onSecret = options.onSecret;
    return relayAnswer(
      { body: answer.body, coding: answer.coding, length: answer.length },
      { status, headers: responseHeaders },
      decision.streaming,
      { secrets, onFound: (outcome) => onSecret?.(session, decision.path, outcome) },
    );
  }
  const text = redactSecrets(await boundedText(decodedBody(answer.body, answer.coding)), secrets);
  return new Response(text, { status, headers: responseHeaders });
}

/** What a test's client without `exchange` answered, as an UpstreamAnswer (its body is plain). */
function answerOf(response: Response): UpstreamAnswer {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  const body = response.body ? Readable.fromWeb(response.body as NodeReadableStream) : null;
  return { status: response.status, headers, body, coding: undefined, length: undefined };
}

function decodedBody(body: Readable, coding: string | undefined): Readable {
  if (!coding || !canDecode(coding)) return body;
  const decoded = body.pipe(decoder(coding));
  body.once('error', (error) => decoded.destroy(error));
  return decoded;
}

async function boundedText(body: Readable): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).byteLength;
    text += decoder.decode(chunk as Buffer, { stream: true });
    if (size > maxErrorBodyBytes) {
      body.destroy();
      break;
    }
  }
  return text + decoder.decode();
}

function errorCode(cause: unknown): string {
  const code = (cause as { code?: unknown; cause?: { code?: unknown } } | undefined)?.code;
  const inner = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const found = typeof code === 'string' ? code : typeof inner === 'string' ? inner : undefined;
  return found ?? (cause instanceof Error ? cause.name : 'error');
}
