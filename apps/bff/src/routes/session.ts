import type { SessionView } from '@cci/model';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { appFactory, type AppEnv } from '../appEnv.ts';
import type { AppDeps } from '../deps.ts';
import { messages } from '../messages.ts';
import { statusBody, statusResponse } from '../status.ts';
import { requireSession } from '../middleware/requireSession.ts';
import { clearedSessionCookie, readSessionCookie, sessionCookie } from '../session/cookie.ts';
import { createIamClient } from '../session/iamClient.ts';
import { isWellFormedSessionId, sessionPolicy } from '../session/lifetime.ts';
import { signIn } from '../session/signIn.ts';
import { isJson, throttled, throttleKeys } from '../session/signInGate.ts';
import { defaultSignInThrottle } from '../session/signInThrottle.ts';
import { parseSignInRequest } from '../session/signInRequest.ts';
import type { Session } from '../session/types.ts';
import { createHttpSender } from '../upstream/http.ts';

const SIGN_IN_MAX_BYTES = 16 * 1024;

/**
 * DEMO_ACCOUNT: the demo account the sign-in page offers in demo mode. Its password is public
 * by design (a shared sandbox account, like the emulator's Demo@12345); never set it to a real
 * account's credentials.
 */
const demoAccountSchema = z.object({ domain: z.string(), user: z.string(), password: z.string() });

/** What the browser may know about its session (SessionView): never a token, AK or SK. */
export function sessionView(session: Session, idleSeconds: number): SessionView {
  return {
    user: session.user.name,
    domain: session.domain.name,
    // Not a secret: the account id the Network manifest needs (N4's domain-id annotation).
    domainId: session.domain.id ?? '',
    region: session.region,
    project: { id: session.project.id, name: session.project.name },
    method: session.credentials.kind === 'token' ? 'password' : 'aksk',
    expiresAt: new Date(session.expiresAt).toISOString(),
    idleTimeoutSeconds: idleSeconds,
  };
}

/** /api/session (sign in, who am I, sign out) and /api/regions (for the sign-in page). */
export function sessionRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = appFactory.createApp();
  const { env } = deps;
  const sender = createHttpSender({ caCertificates: env.caCertificates });
  const iam = createIamClient(sender, env.UPSTREAM_TIMEOUT_MS);
  const policy = sessionPolicy(env);
  const demo = env.DEMO_ACCOUNT ? parseDemoAccount(env.DEMO_ACCOUNT) : undefined;
  const throttle = deps.signInThrottle ?? defaultSignInThrottle(deps);

  app.get('/regions', (c) =>
    c.json({
      regions: env.regions.map((r) => ({ id: r.id, name: r.name })),
      ...(demo ? { demo } : {}),
    }),
  );

  app.post(
    '/session',
    bodyLimit({
      maxSize: SIGN_IN_MAX_BYTES,
      onError: () =>
        statusResponse(statusBody(413, messages.bodyTooLarge, { bytes: SIGN_IN_MAX_BYTES })),
    }),
    async (c) => {
      // JSON only: a form post or text/plain is what a cross-site page can send without CORS.
      if (!isJson(c.req.header('Content-Type'))) {
        return statusResponse(statusBody(415, messages.jsonRequired));
      }
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return statusResponse(statusBody(400, messages.invalidJson));
      }
      const request = parseSignInRequest(body, env.regions);
      const session = await throttled(throttle, throttleKeys(c, request, env), () =>
        signIn(request, { deps, iam, policy }),
      );
      // A new id at every sign-in; the session the browser held before ends now.
      const previous = readSessionCookie(c, env);
      if (previous !== undefined && isWellFormedSessionId(previous)) {
        await deps.sessions.delete(previous);
      }
      await deps.sessions.set(session);
      c.set('session', session);
      c.header('Set-Cookie', sessionCookie(env, session.id));
      return c.json(sessionView(session, env.SESSION_IDLE_SECONDS), 201);
    },
  );

  app.get('/session', requireSession(deps), (c) =>
    c.json(sessionView(c.get('session'), env.SESSION_IDLE_SECONDS)),
  );

  app.delete('/session', async (c) => {
    const id = readSessionCookie(c, env);
    const session =
      id !== undefined && isWellFormedSessionId(id) ? await deps.sessions.get(id) : undefined;
    if (session) {
      c.set('session', session); // for the audit line: who signed out
      await deps.sessions.delete(session.id);
    }
    c.header('Set-Cookie', clearedSessionCookie(env));
    return c.body(null, 204);
  });

  return app;
}

function parseDemoAccount(raw: string) {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('DEMO_ACCOUNT must be JSON: {"domain":"...","user":"...","password":"..."}');
  }
  const result = demoAccountSchema.safeParse(json);
  if (!result.success) throw new Error('DEMO_ACCOUNT needs string fields domain, user, password');
  return result.data;
}
