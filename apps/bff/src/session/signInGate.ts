import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Env } from '../env.ts';
import { messages } from '../messages.ts';
import { tooManyRequests } from '../status.ts';
import type { SignInRequest } from './signInRequest.ts';
import type { SignInThrottle, ThrottleKeys } from './signInThrottle.ts';

/** application/json, with or without parameters (charset). */
export function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * The client's address: the socket's peer, or with TRUSTED_PROXY_HOPS = n the n-th
 * X-Forwarded-For entry from the right (entries further left are the client's own word).
 */
export function clientAddress(c: Context, env: Pick<Env, 'TRUSTED_PROXY_HOPS'>): string {
  let peer = 'unknown';
  try {
    peer = getConnInfo(c).remote.address ?? peer;
  } catch {
    // app.request() in tests has no socket
  }
  if (env.TRUSTED_PROXY_HOPS === 0) return peer;
  const forwarded = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  return forwarded[forwarded.length - env.TRUSTED_PROXY_HOPS] ?? peer;
}

export function throttleKeys(c: Context, request: SignInRequest, env: Env): ThrottleKeys {
  const who =
    request.method === 'password'
      ? `password|${request.domainName}|${request.userName}`
      : `aksk|${request.accessKey}`;
  return { account: `${request.region}|${who}`, address: clientAddress(c, env) };
}

/**
 * Runs a sign-in behind the throttle: refused attempts answer 429 with Retry-After before IAM
 * is asked; wrong credentials (401/403 from signIn) stay counted; other failures do not.
 */
export async function throttled<T>(
  throttle: SignInThrottle,
  keys: ThrottleKeys,
  signIn: () => Promise<T>,
): Promise<T> {
  const admission = await throttle.admit(keys);
  if (!admission.admitted) {
    const seconds = admission.retryAfterSeconds;
    throw tooManyRequests(messages.signInThrottled, { seconds }, seconds);
  }
  const { attempt } = admission;
  try {
    const result = await signIn();
    await attempt.succeeded();
    return result;
  } catch (error) {
    const status = error instanceof HTTPException ? error.status : 500;
    if (status === 401 || status === 403) await attempt.failed();
    else await attempt.abandoned();
    throw error;
  }
}
