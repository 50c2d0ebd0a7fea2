import type { Hono } from 'hono';
import { appFactory, type AppEnv } from '../appEnv.ts';
import type { AppDeps } from '../deps.ts';
import { capExceeded } from '../live/capExceeded.ts';
import { LiveActivity, liveIdlePolicy } from '../live/liveActivity.ts';
import { liveConnectionsOf } from '../live/liveConnections.ts';
import { followRelay, type FollowEnd } from '../logs/followRelay.ts';
import { checkPodPath, parseLogQuery, upstreamQuery, type LogQuery } from '../logs/logQuery.ts';
import { sessionOf } from '../middleware/requireSession.ts';
import { redactSecrets, secretsOf } from '../proxy/redact.ts';
import type { Session } from '../session/types.ts';

/**
 * /api/logs (issue #15): container logs, a route of its own rather than the proxy's `pods/log`.
 *   GET /namespaces/:ns/pods/:pod/log?container&follow&previous&timestamps&sinceSeconds
 *       &tailLines&limitBytes&download   text/plain; a follow ends with an end record
 * Why not the allow-listed proxy: a follow needs what a relayed byte stream has not (a byte cap,
 * an idle timeout, an end record saying why it ended, the pod looked up when it ends), and a
 * download needs its own headers; the proxy keeps refusing `log` (least privilege).
 */
export function logRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = appFactory.createApp();
  const live = liveConnectionsOf(deps);
  const { LOG_FOLLOW_MAX_BYTES, LOG_MAX_BYTES } = deps.env;
  const idle = liveIdlePolicy(deps.env);

  app.get('/namespaces/:ns/pods/:pod/log', async (c) => {
    const session = sessionOf(c);
    const namespace = c.req.param('ns');
    const pod = c.req.param('pod');
    checkPodPath(namespace, pod);
    const query = parseLogQuery(new URL(c.req.url).searchParams);
    const podPath = `/api/v1/namespaces/${namespace}/pods/${pod}`;
    const ask = (q: LogQuery, signal?: AbortSignal) =>
      deps.upstream.request(session, {
        method: 'GET',
        path: `${podPath}/log`,
        query: upstreamQuery(q),
        headers: { Accept: 'text/plain, application/json', 'Accept-Encoding': 'identity' },
        signal,
      });
    const headers: Record<string, string> = {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };

    if (!query.follow) {
      const limitBytes = Math.min(query.limitBytes ?? LOG_MAX_BYTES, LOG_MAX_BYTES);
      const answer = await ask({ ...query, limitBytes });
      if (!answer.ok) return relayFailure(answer, session);
      if (query.download) {
        const file = `${pod}${query.container ? `-${query.container}` : ''}${query.previous ? '-previous' : ''}.log`;
        headers['Content-Disposition'] = `attachment; filename="${file}"`;
      }
      const text = redactSecrets(await answer.text(), secretsOf(session.credentials));
      return new Response(text, { status: 200, headers });
    }

    // A follow is a live connection of its session: capped, and ended with it.
    const aborted = new AbortController();
    // Sign-out may come while CCI is still being asked: the relay then ends as soon as it exists.
    const ending: { stop?: (reason: FollowEnd) => void; ended?: boolean } = {};
    const registration = await live.register(session, 'log', () => {
      ending.ended = true;
      ending.stop?.('sessionEnded');
      aborted.abort();
    });
    if (!registration.ok) throw capExceeded('log', registration);
    let answer: Response;
    try {
      answer = await ask(query, aborted.signal);
    } catch (error) {
      registration.release();
      throw error;
    }
    if (!answer.ok || !answer.body) {
      registration.release();
      return relayFailure(answer, session);
    }
    const relay = followRelay({
      upstream: answer.body,
      secrets: secretsOf(session.credentials),
      maxBytes: Math.min(query.limitBytes ?? LOG_FOLLOW_MAX_BYTES, LOG_FOLLOW_MAX_BYTES),
      activity: (onIdle) => new LiveActivity(session, idle, deps, onIdle),
      reasonAtEnd: async () => {
        const found = await deps.upstream.request(session, {
          method: 'GET',
          path: podPath,
          query: '',
          headers: { Accept: 'application/json' },
        });
        if (found.status === 404) return 'podDeleted';
        const object = (await found.json().catch(() => ({}))) as {
          metadata?: { deletionTimestamp?: string };
        };
        return object.metadata?.deletionTimestamp ? 'podDeleted' : 'completed';
      },
      onStop: () => {
        registration.release();
        aborted.abort();
      },
    });
    ending.stop = relay.stop;
    if (ending.ended) relay.stop('sessionEnded');
    // Live: not held back for compression here, nor buffered by a proxy in front.
    headers['X-Accel-Buffering'] = 'no';
    return new Response(relay.body, { status: 200, headers });
  });
  return app;
}

/** CCI's refusal (404 no such pod, 400 no such container, ...) as it said it, secrets masked. */
async function relayFailure(answer: Response, session: Session): Promise<Response> {
  const text = redactSecrets(await answer.text(), secretsOf(session.credentials));
  const type = answer.headers.get('content-type') ?? 'application/json';
  return new Response(text, { status: answer.status, headers: { 'Content-Type': type } });
}
