import type { AppDeps } from '../deps.ts';
import { credentialsRefused } from '../middleware/onError.ts';
import { liveSession } from '../middleware/requireSession.ts';
import {
  securityHeaderSetter,
  type SecurityHeadersOptions,
} from '../middleware/securityHeaders.ts';
import type { FastPath } from '../node/fastPath.ts';
import { decideProxyRequest } from '../proxy/allowList.ts';
import { forwardAllowed } from '../proxy/forward.ts';
import { sessionIdIn } from '../session/cookie.ts';
import { forwardOptions, handOver, PROXY_PREFIX } from './proxy.ts';

interface FetchingApp {
  fetch(request: Request, env: unknown): Response | Promise<Response>;
}

/**
 * The proxy's common case without Hono: a GET the allow-list lets through, not a watch, under a
 * live session, answered by CCI with success. Hono's routing, context and middleware chain cost
 * about as much CPU per proxied list as the checks themselves (issue #12), and for such a
 * request the middleware has nothing to do but the session check and the security headers:
 * audit and CSRF look at state-changing methods only.
 *
 * Nothing is decided twice in different ways: the allow-list (`decideProxyRequest`), the session
 * check (`liveSession`), the exchange and the relay with its secret check (`forwardAllowed`),
 * and the headers (`securityHeaderSetter`) are the route's and the middleware's own functions.
 * Every other case goes to the app untouched: refused, no live session (the app answers and
 * logs as usual), a watch (a live connection of its session). An exchange that fails or that CCI
 * answers with an error status is handed to the app with its request (`handOver`): the route
 * answers it without calling CCI again, so the Status and the redaction of error bodies are the
 * app's. Only a 401 is answered here, by the function the app's onError answers it with
 * (`credentialsRefused`): the upstream client has ended the session by then, so the app could
 * only say the session expired.
 */
export function proxyFastPath(
  deps: AppDeps,
  app: FetchingApp,
  security: SecurityHeadersOptions,
): FastPath {
  const options = forwardOptions(deps);
  const setSecurityHeaders = securityHeaderSetter(security);
  const idleMs = deps.env.SESSION_IDLE_SECONDS * 1000;

  async function answer(request: Request, env: unknown, target: string): Promise<Response> {
    const viaApp = () => app.fetch(request, env);
    const q = target.indexOf('?');
    const path = q === -1 ? target : target.slice(0, q);
    const query = q === -1 ? '' : target.slice(q + 1);
    const decision = decideProxyRequest('GET', path.slice(PROXY_PREFIX.length), query);
    if (!decision.allowed || decision.streaming) return viaApp();
    const id = sessionIdIn(request.headers.get('Cookie'), deps.env);
    // A session store that fails (unreachable) is the app's to answer, through its onError.
    const live = await liveSession(deps, id, idleMs).then(
      (checked) => checked.live,
      () => undefined,
    );
    if (!live) return viaApp();
    let response: Response;
    try {
      response = await forwardAllowed(deps.upstream, live, request, decision, options);
    } catch (error) {
      handOver(request, () => Promise.reject(error));
      return viaApp();
    }
    if (response.status === 401) {
      // As upstream401 and the one onError answer it: the session ends.
      try {
        response = await credentialsRefused(deps, live);
      } catch (error) {
        handOver(request, () => Promise.reject(error));
        return viaApp();
      }
    } else if (response.status >= 400) {
      const answered = response;
      handOver(request, async () => answered);
      return viaApp();
    }
    setSecurityHeaders(response.headers, path);
    return response;
  }

  return (request, env) => {
    const target = env.incoming.url ?? '';
    if (env.incoming.method !== 'GET' || !target.startsWith(`${PROXY_PREFIX}/`)) return undefined;
    return answer(request, env, target);
  };
}
