import type { Hono } from 'hono';
import { appFactory, type AppEnv } from './appEnv.ts';
import type { AppDeps } from './deps.ts';
import {
  endingLiveConnections,
  liveConnectionsOf,
  type LiveConnections,
} from './live/liveConnections.ts';
import { sessionEndBroadcast } from './live/sessionEndBroadcast.ts';
import { storeUnavailable } from './redis/unavailable.ts';
import { audit } from './middleware/audit.ts';
import { csrf } from './middleware/csrf.ts';
import { notFound, onError } from './middleware/onError.ts';
import { securityHeaders } from './middleware/securityHeaders.ts';
import { requireSession } from './middleware/requireSession.ts';
import { upstream401 } from './middleware/upstream401.ts';
import { sameOriginUpgrade } from './middleware/sameOriginUpgrade.ts';
import { execRoutes } from './routes/exec.ts';
import { kubeconfigRoutes } from './routes/kubeconfig.ts';
import { logRoutes } from './routes/logs.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { PROXY_PREFIX, proxyRoutes } from './routes/proxy.ts';
import { sessionRoutes } from './routes/session.ts';
import { staticRoutes } from './routes/static.ts';
import { streamRoutes } from './routes/stream.ts';

/**
 * Builds the BFF. Areas are sub-apps mounted with app.route(); middleware comes from one file
 * each under middleware/. Tests call createApp with injected deps; index.ts only listens.
 */
export function createApp(given: AppDeps): Hono<AppEnv> {
  const deps = withLiveConnections(given);
  const app = appFactory.createApp();
  const publicOrigins = deps.env.publicOrigins;
  app.use(securityHeaders({ hsts: publicOrigins[0]?.startsWith('https:') ?? false }));
  // Audit outside csrf: refused attempts are state-changing requests worth a line too.
  app.use(audit(deps));
  app.use(csrf({ publicOrigins }));
  app.onError(onError(deps));

  // Readiness: with replicas, a replica that cannot reach Redis can serve no one (503 says
  // why); /livez only says the process answers (a liveness probe must not restart replicas
  // because Redis is away).
  app.get('/healthz', () => {
    if (deps.redis && !deps.redis.isReady()) return storeUnavailable().getResponse();
    return new Response('ok');
  });
  app.get('/livez', (c) => c.text('ok'));
  app.route('/api', sessionRoutes(deps));
  app.route('/api', kubeconfigRoutes(deps));
  app.use(`${PROXY_PREFIX}/*`, requireSession(deps), upstream401());
  app.route(PROXY_PREFIX, proxyRoutes(deps));
  app.use('/api/logs/*', requireSession(deps), upstream401());
  app.route('/api/logs', logRoutes(deps));
  app.use('/api/stream/*', requireSession(deps)); // matches /api/stream itself too
  app.route('/api/stream', streamRoutes(deps));
  // Terminals (WebSocket upgrades): same origin and a session, both checked before upgrading.
  app.use('/api/exec/*', sameOriginUpgrade({ publicOrigins }), requireSession(deps));
  app.route('/api/exec', execRoutes(deps));
  app.route('/api/metrics', metricsRoutes(deps)); // sessions checked per route: SD uses a bearer
  app.route('/', staticRoutes(deps)); // last: the SPA answers what nothing above did
  app.notFound(notFound);
  return app;
}

/**
 * Every area sees a session store whose delete (sign-out, CCI 401, a new sign-in) also ends the
 * session's live connections, so no route has to remember to.
 */
function withLiveConnections(deps: AppDeps): AppDeps & { live: LiveConnections } {
  const live = liveConnectionsOf(deps);
  // Replicas: a sign-out here ends the session's connections on every replica (pub/sub).
  const broadcast = deps.redis ? sessionEndBroadcast(deps.redis, live) : undefined;
  deps.shutdown?.addEventListener(
    'abort',
    () => {
      live.closeAll();
      void broadcast?.close();
    },
    { once: true },
  );
  const sessions = endingLiveConnections(deps.sessions, live, undefined, broadcast);
  return { ...deps, live, sessions };
}
