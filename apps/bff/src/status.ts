import type { LocalizedStatus as Status, LocalizedStatusCause as StatusCause } from '@cci/model';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Env } from './env.ts';
import { localize, messages, type Message, type Params } from './messages.ts';
import { clearedSessionCookie } from './session/cookie.ts';

export type { Status, StatusCause };

/**
 * Every answer the BFF itself refuses with is a Kubernetes-style Status, built here. Its one
 * error type is hono's HTTPException carrying such a Status (statusError); the one onError
 * (middleware/onError.ts) answers it as is.
 */
const reasons: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  502: 'ServiceUnavailable',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export function reasonFor(code: number): string {
  return reasons[code] ?? (code >= 500 ? 'InternalError' : 'BadRequest');
}

/** What a Status says besides its code: the message, its placeholders, details. */
type Said = [message: Message, params?: Params, details?: Status['details']];

export function statusBody(code: number, ...[message, params = {}, details]: Said): Status {
  const localized = localize(message, params);
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: localized.en,
    reason: reasonFor(code),
    code,
    ...(details ? { details } : {}),
    messageKey: message.key,
    messages: localized,
  };
}

export function statusResponse(status: Status, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(status), {
    status: status.code,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function statusException(
  code: ContentfulStatusCode,
  body: Status,
  headers?: Record<string, string>,
): HTTPException {
  return new HTTPException(code, { res: statusResponse(body, headers), message: body.message });
}

/** Throw this: a Status answer with an i18n message, e.g. statusError(401, messages.x). */
export function statusError(code: ContentfulStatusCode, ...said: Said): HTTPException {
  return statusException(code, statusBody(code, ...said));
}

/** 429 with Retry-After, and the wait in `details.retryAfterSeconds` as the API server does. */
export function tooManyRequests(message: Message, params: Params, seconds: number): HTTPException {
  const body = statusBody(429, message, params, { retryAfterSeconds: seconds });
  return statusException(429, body, { 'Retry-After': String(seconds) });
}

/** A field-level cause for 400 answers (`field` names the JSON field, never its value). */
export function fieldCause(reason: string, field: string, message: Message, params: Params = {}) {
  const localized = localize(message, { field, ...params });
  return {
    reason,
    field,
    message: localized.en,
    messageKey: message.key,
    messages: localized,
  } satisfies StatusCause;
}

/** A 400 about one field: the message (`{field}` filled too), and it as the only cause. */
export function fieldError(
  reason: string,
  field: string,
  message: Message,
  params: Params = {},
): HTTPException {
  return statusError(
    400,
    message,
    { field, ...params },
    {
      causes: [fieldCause(reason, field, message, params)],
    },
  );
}

/**
 * CCI answered 401 for a session's credentials (token revoked, password changed, AK/SK
 * disabled). Thrown by any area that sees it; the one onError ends the session and answers
 * `session.revoked` (401, cookie cleared) so the browser asks the user to sign in again
 * instead of showing CCI's own 401.
 */
export class UpstreamUnauthorized extends HTTPException {
  override name = 'UpstreamUnauthorized';

  constructor() {
    const body = statusBody(401, messages.sessionRevoked);
    super(401, { res: statusResponse(body), message: body.message });
  }
}

/** The 401 answer of an ended session, clearing the cookie when the browser sent one. */
export function sessionEnded(
  env: Pick<Env, 'INSECURE_COOKIES'>,
  hadCookie: boolean,
  message: typeof messages.sessionExpired | typeof messages.sessionRevoked,
): Response {
  const headers: Record<string, string> = hadCookie
    ? { 'Set-Cookie': clearedSessionCookie(env) }
    : {};
  return statusResponse(statusBody(401, message), headers);
}
