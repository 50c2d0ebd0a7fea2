import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { messages } from '../messages.ts';
import { statusError } from '../middleware/errors.ts';
import { decideProxyRequest } from '../proxy/allowList.ts';
import { forwardAllowed } from '../proxy/forward.ts';
import { proxyMessages } from '../proxy/messages.ts';
import { rawRequestTarget } from '../proxy/rawTarget.ts';
import type { Session } from '../session/types.ts';

/** Where the sub-app is mounted: app.route(PROXY_PREFIX, proxyRoutes(deps)). */
export const PROXY_PREFIX = '/api/cci';

/**
 * /api/cci/... → the session's CCI endpoint, for the allow-listed part of the API only. A refused
 * request never reaches the upstream client.
 */
export function proxyRoutes(deps: AppDeps): Hono<{ Variables: { session: Session } }> {
  const app = new Hono<{ Variables: { session: Session } }>();
  const options = {
    timeoutMs: deps.env.UPSTREAM_TIMEOUT_MS,
    maxBodyBytes: deps.env.MAX_BODY_BYTES,
    endpointOf: (region: string) =>
      deps.env.regions.find((r) => r.id === region)?.cciEndpoint ?? region,
  };
  app.all('/*', async (c) => {
    const session = c.get('session') as Session | undefined;
    if (!session) throw statusError(401, messages.sessionExpired);
    const target = rawRequestTarget(c);
    if (target.path === PROXY_PREFIX) throw statusError(404, proxyMessages.notUsed);
    // The URL parser already resolved dot segments in the routed path; the raw one still has them.
    if (!target.path.startsWith(`${PROXY_PREFIX}/`)) {
      throw statusError(400, proxyMessages.pathDotSegment);
    }
    const decision = decideProxyRequest(
      c.req.method,
      target.path.slice(PROXY_PREFIX.length),
      target.query,
    );
    if (!decision.allowed) {
      // A refusal is worth a line: the console never makes such calls. No query string is logged.
      deps.log({
        time: new Date(deps.now()).toISOString(),
        level: 'warn',
        msg: 'proxy refused',
        user: session.user.name,
        method: c.req.method.slice(0, 16),
        path: target.path.slice(0, 256),
        status: decision.code,
        reason: decision.message.key,
      });
      throw statusError(decision.code, decision.message, decision.params);
    }
    return forwardAllowed(deps.upstream, session, c.req.raw, decision, options);
  });
  return app;
}
