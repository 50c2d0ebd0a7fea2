import type { LocalizedStatus as Status, LocalizedStatusCause as StatusCause } from '@cci/model';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps } from '../deps.ts';
import { localize, messages, type Message, type Params } from '../messages.ts';

/**
 * The BFF's one error type is hono's HTTPException carrying a Kubernetes-style Status response;
 * the one onError below answers it as is and turns anything else into a 500 Status, logging
 * only the error's name and code (messages of parse errors can quote the body, e.g. a password).
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

export function statusBody(
  code: number,
  message: Message,
  params: Params = {},
  details?: Status['details'],
): Status {
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

/** Throw this: a Status answer with an i18n message, e.g. statusError(401, messages.x). */
export function statusError(
  code: ContentfulStatusCode,
  message: Message,
  params: Params = {},
  details?: Status['details'],
): HTTPException {
  const body = statusBody(code, message, params, details);
  return new HTTPException(code, { res: statusResponse(body), message: body.message });
}

/** 429 with Retry-After, and the wait in `details.retryAfterSeconds` as the API server does. */
export function tooManyRequests(message: Message, params: Params, seconds: number): HTTPException {
  const body = statusBody(429, message, params, { retryAfterSeconds: seconds });
  return new HTTPException(429, {
    res: statusResponse(body, { 'Retry-After': String(seconds) }),
    message: body.message,
  });
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

export function onError(deps: Pick<AppDeps, 'log' | 'now'>) {
  return function onError(error: Error, c: Context): Response {
    if (error instanceof HTTPException) {
      if (error.res) return error.getResponse();
      // Thrown by hono itself (e.g. a malformed request); its messages are generic.
      return c.json(
        statusBody(error.status, genericMessage(error.status, error.message)),
        error.status,
      );
    }
    deps.log({
      time: new Date(deps.now()).toISOString(),
      level: 'error',
      msg: 'unhandled error',
      method: c.req.method,
      path: c.req.path,
      error: error.name,
      code: (error as { code?: unknown }).code,
    });
    return c.json(statusBody(500, messages.internal), 500);
  };
}

export function notFound(c: Context): Response {
  return c.json(statusBody(404, messages.notFound, { path: c.req.path }), 404);
}

function genericMessage(code: number, text: string): Message {
  if (code === 413) return { ...messages.bodyTooLarge, en: text, 'zh-CN': text };
  return { key: `http.${code}`, en: text, 'zh-CN': text };
}
