import type { HttpBindings, Http2Bindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { OutgoingHttpHeaders } from 'node:http';
import { takeNodeBody } from '../upstream/nodeBody.ts';

type Bindings = HttpBindings | Http2Bindings;

interface FetchingApp {
  fetch(request: Request, env: Bindings): Response | Promise<Response>;
}

/**
 * The fetch callback to give `serve()` from @hono/node-server. The app runs as usual (every
 * middleware sees and may change the final Response); only at the very end, an answer whose body
 * is still an untouched upstream Node stream is piped straight into the socket. Everything else
 * goes through node-server's normal web-Response path.
 */
export function nodeFetchHandler(app: FetchingApp) {
  return function handle(request: Request, env: Bindings): Response | Promise<Response> {
    const answer = app.fetch(request, env);
    // A synchronous answer (health, static files) keeps node-server's own fast path.
    return 'then' in answer ? answer.then((response) => relay(response, env)) : answer;
  };
}

function relay(response: Response, env: Bindings): Response {
  const upstream = takeNodeBody(response);
  if (!upstream) return response;
  const outgoing = env.outgoing;
  outgoing.writeHead(response.status, nodeHeaders(response.headers));
  // The head goes out now: a quiet watch must not wait for its first event to be answered.
  outgoing.flushHeaders();
  upstream.pipe(outgoing);
  // A browser that leaves ends the upstream exchange; an upstream that breaks mid-body cuts the
  // browser's answer short rather than ending it as if complete. (stream.pipeline would do the
  // same but allocates an AbortSignal and a DOMException per request, a tenth of the proxy's CPU.)
  upstream.once('error', () => outgoing.destroy());
  outgoing.once('close', () => {
    if (!upstream.readableEnded) upstream.destroy();
  });
  return RESPONSE_ALREADY_SENT;
}

function nodeHeaders(headers: Headers): OutgoingHttpHeaders {
  const record: OutgoingHttpHeaders = {};
  headers.forEach((value, name) => {
    if (name !== 'set-cookie') record[name] = value;
  });
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) record['set-cookie'] = cookies;
  return record;
}
