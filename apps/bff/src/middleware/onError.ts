import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../appEnv.ts';
import type { AppDeps } from '../deps.ts';
import { messages, type Message } from '../messages.ts';
import { sessionEnded, statusBody, UpstreamUnauthorized } from '../status.ts';

/**
 * The app's one error handler: an HTTPException carrying a Status is answered as is; CCI
 * refusing a session's credentials (UpstreamUnauthorized) ends that session first; anything
 * else becomes a 500 Status, logging only the error's name and code (messages of parse errors
 * can quote the body, e.g. a password).
 */
export function onError(
  deps: Pick<AppDeps, 'log' | 'now' | 'sessions'> & {
    env: Pick<AppDeps['env'], 'INSECURE_COOKIES'>;
  },
): ErrorHandler<AppEnv> {
  return async function onError(error, c) {
    if (error instanceof UpstreamUnauthorized) return credentialsRefused(deps, c.get('session'));
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

/**
 * CCI refused a session's credentials: the session ends and the browser is told to sign in
 * again. Also the proxy fast path's answer (`routes/proxyFastPath.ts`): by the time it sees the
 * 401, the session is gone, so the app's session check could only say "expired".
 */
export async function credentialsRefused(
  deps: Pick<AppDeps, 'sessions'> & { env: Pick<AppDeps['env'], 'INSECURE_COOKIES'> },
  session: { id: string } | undefined,
): Promise<Response> {
  if (session) await deps.sessions.delete(session.id);
  return sessionEnded(deps.env, true, messages.sessionRevoked);
}

export function notFound(c: Context): Response {
  return c.json(statusBody(404, messages.notFound, { path: c.req.path }), 404);
}

function genericMessage(code: number, text: string): Message {
  if (code === 413) return { ...messages.bodyTooLarge, en: text, 'zh-CN': text };
  return { key: `http.${code}`, en: text, 'zh-CN': text };
}
