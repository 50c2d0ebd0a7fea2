import type { Context } from 'hono';
import { generateCookie } from 'hono/cookie';
import { parse } from 'hono/utils/cookie';
import type { Env } from '../env.ts';

/**
 * The session cookie: `__Host-` (Secure, Path=/, no Domain: only this exact origin), HttpOnly
 * (no script reads it), SameSite=Strict (never sent on cross-site requests). INSECURE_COOKIES
 * drops Secure, and with it the prefix browsers would then refuse, for plain-HTTP local runs.
 */
export const SESSION_COOKIE = '__Host-cci-session';
export const INSECURE_SESSION_COOKIE = 'cci-session';

type CookieEnv = Pick<Env, 'INSECURE_COOKIES'>;

export function sessionCookieName(env: CookieEnv): string {
  return env.INSECURE_COOKIES === 'true' ? INSECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function readSessionCookie(c: Context, env: CookieEnv): string | undefined {
  return sessionIdIn(c.req.raw.headers.get('Cookie'), env);
}

/** The session id in a Cookie header, as Hono's getCookie reads it. */
export function sessionIdIn(cookieHeader: string | null, env: CookieEnv): string | undefined {
  if (!cookieHeader) return undefined;
  const name = sessionCookieName(env);
  return parse(cookieHeader, name)[name];
}

/** A Set-Cookie value giving the browser this session id. */
export function sessionCookie(env: CookieEnv, id: string): string {
  const secure = env.INSECURE_COOKIES !== 'true';
  return generateCookie(sessionCookieName(env), id, {
    httpOnly: true,
    secure,
    sameSite: 'Strict',
    path: '/',
  });
}

/** A Set-Cookie value making the browser forget the session id. */
export function clearedSessionCookie(env: CookieEnv): string {
  const secure = env.INSECURE_COOKIES !== 'true';
  return generateCookie(sessionCookieName(env), '', {
    httpOnly: true,
    secure,
    sameSite: 'Strict',
    path: '/',
    maxAge: 0,
    expires: new Date(0),
  });
}
