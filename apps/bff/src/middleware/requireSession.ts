import type { Context, Next } from 'hono';
import type { AppEnv } from '../app.ts';
import type { AppDeps } from '../deps.ts';
import { messages } from '../messages.ts';
import { clearedSessionCookie, readSessionCookie } from '../session/cookie.ts';
import { isSessionLive, isWellFormedSessionId } from '../session/lifetime.ts';
import { statusBody, statusResponse } from './errors.ts';

/**
 * Lets a request through only with a live session (cookie id known, not idle too long, before
 * its absolute end), records the activity and exposes the session as c.get('session').
 * Otherwise 401 with `session.expired`, and the dead cookie is cleared.
 */
export function requireSession(deps: AppDeps) {
  const idleMs = deps.env.SESSION_IDLE_SECONDS * 1000;
  return async function requireSession(c: Context<AppEnv>, next: Next) {
    const id = readSessionCookie(c, deps.env);
    const known = id !== undefined && isWellFormedSessionId(id);
    const session = known ? await deps.sessions.get(id) : undefined;
    const now = deps.now();
    const live =
      session && isSessionLive(session, now, idleMs)
        ? await deps.sessions.touch(session.id, now)
        : undefined;
    if (!live) {
      if (session) await deps.sessions.delete(session.id);
      return sessionEnded(deps, id !== undefined, messages.sessionExpired);
    }
    c.set('session', live);
    await next();
  };
}

/** The 401 answer of an ended session, clearing the cookie when the browser sent one. */
export function sessionEnded(
  deps: Pick<AppDeps, 'env'>,
  hadCookie: boolean,
  message: typeof messages.sessionExpired | typeof messages.sessionRevoked,
): Response {
  const headers: Record<string, string> = hadCookie
    ? { 'Set-Cookie': clearedSessionCookie(deps.env) }
    : {};
  return statusResponse(statusBody(401, message), headers);
}
