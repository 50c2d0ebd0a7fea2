import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, SessionEnv } from '../appEnv.ts';
import type { AppDeps } from '../deps.ts';
import { messages } from '../messages.ts';
import { readSessionCookie } from '../session/cookie.ts';
import { isSessionLive, isWellFormedSessionId } from '../session/lifetime.ts';
import type { Session } from '../session/types.ts';
import { sessionEnded, statusError } from '../status.ts';

/**
 * Lets a request through only with a live session (cookie id known, not idle too long, before
 * its absolute end), records the activity and exposes the session as c.get('session').
 * Otherwise 401 with `session.expired`, and the dead cookie is cleared.
 */
export function requireSession(deps: AppDeps) {
  const idleMs = deps.env.SESSION_IDLE_SECONDS * 1000;
  return createMiddleware<SessionEnv>(async (c, next) => {
    const id = readSessionCookie(c, deps.env);
    const { session, live } = await liveSession(deps, id, idleMs);
    if (!live) {
      if (session) await deps.sessions.delete(session.id);
      return sessionEnded(deps.env, id !== undefined, messages.sessionExpired);
    }
    c.set('session', live);
    await next();
  });
}

/**
 * The session a cookie names, and whether it is live (then its activity is recorded): the
 * check of requireSession, which the proxy's fast path (`proxyFastPath`) makes too.
 */
export async function liveSession(
  deps: Pick<AppDeps, 'sessions' | 'now'>,
  id: string | undefined,
  idleMs: number,
): Promise<{ session: Session | undefined; live: Session | undefined }> {
  const known = id !== undefined && isWellFormedSessionId(id);
  const session = known ? await deps.sessions.get(id) : undefined;
  const now = deps.now();
  const live =
    session && isSessionLive(session, now, idleMs)
      ? await deps.sessions.touch(session.id, now)
      : undefined;
  return { session, live };
}

/**
 * The session requireSession set, for sub-apps mounted behind it (app.use(prefix,
 * requireSession)); one mounted without it refuses as requireSession would.
 */
export function sessionOf(c: Context<AppEnv>): Session {
  const session = c.get('session');
  if (!session) throw statusError(401, messages.sessionExpired);
  return session;
}
