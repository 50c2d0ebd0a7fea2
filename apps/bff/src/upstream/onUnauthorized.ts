import type { Context, Next } from 'hono';
import type { AppEnv } from '../app.ts';
import type { AppDeps } from '../deps.ts';
import { messages } from '../messages.ts';
import { sessionEnded } from '../middleware/requireSession.ts';

/**
 * What a route answers when CCI says 401 during a session (token revoked, password changed,
 * AK/SK disabled): the session ends server-side, the cookie is cleared, and the browser is told
 * to sign in again (401, `session.revoked`) instead of seeing CCI's own 401.
 *
 *   const res = await deps.upstream.request(session, req);
 *   if (res.status === 401) return onUpstreamUnauthorized(c, deps, res);
 */
export async function onUpstreamUnauthorized(
  c: Context<AppEnv>,
  deps: Pick<AppDeps, 'env' | 'sessions'>,
  upstreamResponse?: Response,
): Promise<Response> {
  await upstreamResponse?.body?.cancel();
  const session = c.get('session');
  if (session) await deps.sessions.delete(session.id);
  return sessionEnded(deps, true, messages.sessionRevoked);
}

/**
 * The same for a whole sub-app (mounted after requireSession): any 401 answered under a
 * session is CCI refusing its credentials, so the session ends there and then.
 */
export function endSessionOnUpstream401(deps: Pick<AppDeps, 'env' | 'sessions'>) {
  return async function endSessionOnUpstream401(c: Context<AppEnv>, next: Next) {
    await next();
    if (c.res.status === 401 && c.get('session')) {
      c.res = await onUpstreamUnauthorized(c, deps, c.res);
    }
  };
}
