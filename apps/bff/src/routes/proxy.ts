import type { Hono } from 'hono';
import { appFactory, type AppEnv } from '../appEnv.ts';
import type { AppDeps } from '../deps.ts';
import { sessionOf } from '../middleware/requireSession.ts';
import { decideProxyRequest } from '../proxy/allowList.ts';
import { forwardAllowed } from '../proxy/forward.ts';
import { proxyMessages } from '../proxy/messages.ts';
import { rawRequestTarget } from '../proxy/rawTarget.ts';
import { capExceeded } from '../live/capExceeded.ts';
import { liveConnectionsOf } from '../live/liveConnections.ts';
import { statusError } from '../status.ts';
import type { Session } from '../session/types.ts';

/** Where the sub-app is mounted: app.route(PROXY_PREFIX, proxyRoutes(deps)). */
export const PROXY_PREFIX = '/api/cci';

/**
 * /api/cci/... → the session's CCI endpoint, for the allow-listed part of the API only. A refused
 * request never reaches the upstream client.
 */
export function proxyRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = appFactory.createApp();
  const live = liveConnectionsOf(deps);
  const maxWatchSeconds = deps.env.WATCH_MAX_SECONDS;
  const options = {
    timeoutMs: deps.env.UPSTREAM_TIMEOUT_MS,
    maxBodyBytes: deps.env.MAX_BODY_BYTES,
    endpointOf: (region: string) =>
      deps.env.regions.find((r) => r.id === region)?.cciEndpoint ?? region,
    // Worth a line: an object holds the session's own credentials. Never the secret itself.
    onSecret: (session: Session, path: string, outcome: 'masked' | 'aborted') =>
      deps.log({
        time: new Date(deps.now()).toISOString(),
        level: 'warn',
        type: 'audit',
        msg: 'secret of the session in an upstream answer',
        user: session.user.name,
        domain: session.domain.name,
        region: session.region,
        path: path.slice(0, 256),
        outcome,
      }),
  };
  app.all('/*', async (c) => {
    const session = sessionOf(c);
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
    if (!decision.streaming) {
      return forwardAllowed(deps.upstream, session, c.req.raw, decision, options);
    }
    // A watch is a live connection of its session: capped, ended with it, and bounded in time
    // (the client re-watches, as it does when the API server's timeoutSeconds runs out).
    const ended = new AbortController();
    const registration = await live.register(session, 'watch', () =>
      ended.abort(new Error('the session ended')),
    );
    if (!registration.ok) throw capExceeded('watch', registration);
    ended.signal.addEventListener('abort', registration.release, { once: true });
    const outgoing = (c.env as { outgoing?: { once(e: 'close', f: () => void): void } } | undefined)
      ?.outgoing;
    outgoing?.once('close', () => ended.abort());
    c.req.raw.signal.addEventListener('abort', () => ended.abort(), { once: true });
    const bounded = { ...decision, query: withWatchTimeout(decision.query, maxWatchSeconds) };
    try {
      return await forwardAllowed(deps.upstream, session, c.req.raw, bounded, {
        ...options,
        signal: ended.signal,
      });
    } catch (error) {
      ended.abort();
      throw error;
    }
  });
  return app;
}

/** timeoutSeconds as asked, but never beyond the BFF's maximum (and always set). */
export function withWatchTimeout(query: string, maxSeconds: number): string {
  const params = new URLSearchParams(query);
  const asked = Number(params.get('timeoutSeconds') ?? Number.NaN);
  params.set('timeoutSeconds', String(asked > 0 && asked < maxSeconds ? asked : maxSeconds));
  return params.toString();
}
