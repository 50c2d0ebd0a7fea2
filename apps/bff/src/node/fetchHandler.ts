import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { takeNodeBody } from '../upstream/nodeBody.ts';
import { guardedChain } from '../upstream/secretGuard.ts';
import { planRelay } from './compression.ts';
import { fastPathOf, type Bindings } from './fastPath.ts';
import { nodeHeaders } from './nodeHeaders.ts';
import { compressWebAnswer, wantsCompression } from './webAnswer.ts';

interface FetchingApp {
  fetch(request: Request, env: Bindings): Response | Promise<Response>;
}

/**
 * The fetch callback to give `serve()` from @hono/node-server. The app runs as usual (every
 * middleware sees and may change the final Response); only at the very end:
 * - an answer whose body is still an untouched upstream Node stream is piped straight into the
 *   socket, compressed or decoded on the way as the browser's Accept-Encoding asks (compression.ts);
 * - another API answer worth compressing is compressed (webAnswer.ts);
 * everything else goes through node-server's normal web-Response path.
 */
export function nodeFetchHandler(app: FetchingApp) {
  // The app's fast path (the proxy's common case, `routes/proxyFastPath.ts`) answers first.
  const fastPath = fastPathOf(app);
  return function handle(request: Request, env: Bindings): Response | Promise<Response> {
    const answer = fastPath?.(request, env) ?? app.fetch(request, env);
    // A synchronous answer (health, static files) keeps node-server's own fast path.
    return 'then' in answer ? answer.then((response) => send(response, env)) : answer;
  };
}

function send(response: Response, env: Bindings): Response | Promise<Response> {
  const acceptEncoding = env.incoming.headers['accept-encoding'];
  const upstream = takeNodeBody(response);
  if (!upstream) {
    if (!wantsCompression(env.incoming, response, acceptEncoding)) return response;
    return compressWebAnswer(response, env.outgoing as ServerResponse, acceptEncoding as string);
  }
  const plan = planRelay(upstream, response.headers.get('content-type'), acceptEncoding);
  const headers = nodeHeaders(response.headers);
  headers['vary'] = 'Accept-Encoding';
  if (plan.contentEncoding) headers['content-encoding'] = plan.contentEncoding;
  if (plan.contentLength !== undefined) headers['content-length'] = plan.contentLength;
  const outgoing = env.outgoing as ServerResponse;
  outgoing.writeHead(response.status, headers);
  // A quiet watch must not wait for its first event to be answered: its head goes out now. A
  // document's head leaves with its first bytes, one write (syscall) fewer per request.
  if (upstream.streaming) outgoing.flushHeaders();
  // The plan's decoder or encoder, with the check for the session's secrets (secretGuard.ts).
  const chain = guardedChain(upstream, plan);
  let source: Readable = upstream.stream;
  for (const transform of chain) source = source.pipe(transform);
  writeBatched(source, outgoing);
  source.pipe(outgoing);
  // A browser that leaves ends the upstream exchange; an upstream that breaks mid-body (or a
  // check that finds a secret it cannot mask) cuts the browser's answer short rather than ending
  // it as if complete. (stream.pipeline would do the same but allocates an AbortSignal and a
  // DOMException per request, a tenth of the proxy's CPU.)
  upstream.stream.once('error', () => outgoing.destroy());
  for (const transform of chain) transform.once('error', () => outgoing.destroy());
  outgoing.once('close', () => {
    if (!upstream.stream.readableEnded) upstream.stream.destroy();
    for (const transform of chain) transform.destroy();
  });
  return RESPONSE_ALREADY_SENT;
}

/**
 * The chunks that arrive in one tick (TLS records decrypted from one socket read) leave in one
 * write: one writev syscall instead of one per 16 KiB record, which was the proxy's biggest
 * single cost relaying large lists. Nothing waits beyond the current tick.
 */
function writeBatched(source: Readable, outgoing: ServerResponse): void {
  let corked = false;
  const uncork = () => {
    corked = false;
    outgoing.uncork();
  };
  source.on('data', () => {
    if (corked) return;
    corked = true;
    outgoing.cork();
    process.nextTick(uncork);
  });
}
