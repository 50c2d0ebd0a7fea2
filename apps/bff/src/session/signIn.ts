import type { Region } from '@cci/model';
import type { AppDeps } from '../deps.ts';
import { messages } from '../messages.ts';
import { statusError } from '../status.ts';
import type { IamClient } from './iamClient.ts';
import { newSessionId, sessionDeadline, type SessionPolicy } from './lifetime.ts';
import type { SignInRequest } from './signInRequest.ts';
import type { Credentials, Session } from './types.ts';

export interface SignInContext {
  deps: Pick<AppDeps, 'env' | 'upstream' | 'now'>;
  iam: IamClient;
  policy: SessionPolicy;
}

/**
 * Turns credentials into a new session (not stored yet): a project-scoped IAM token for a
 * password (the password is not kept), or the AK/SK with the project's id. A5: the result is
 * checked against CCI before anyone is told it worked.
 */
export async function signIn(request: SignInRequest, ctx: SignInContext): Promise<Session> {
  const region = ctx.deps.env.regions.find((r) => r.id === request.region) as Region;
  const now = ctx.deps.now();
  let identity: Pick<Session, 'user' | 'domain' | 'project'>;
  let credentials: Credentials;
  if (request.method === 'password') {
    const issued = await ctx.iam.passwordToken(region, request);
    identity = { user: issued.user, domain: issued.domain, project: issued.project };
    credentials = { kind: 'token', token: issued.token, expiresAt: issued.expiresAt };
  } else {
    const keys = { accessKey: request.accessKey, secretKey: request.secretKey };
    const found = await ctx.iam.findProject(region, keys, request.project);
    // Only an id the AK/SK may not look up (IAM 403) leaves found empty; CCI checks it below.
    const project = found ?? { id: 'id' in request.project ? request.project.id : '', name: '' };
    identity = {
      user: { name: maskAccessKey(request.accessKey) },
      domain: { id: found?.domainId, name: found?.domainId ?? '' },
      project: { id: project.id, name: project.name },
    };
    credentials = { kind: 'aksk', ...keys };
  }
  const session: Session = {
    id: newSessionId(),
    region: region.id,
    ...identity,
    credentials,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: sessionDeadline(now, credentials, ctx.policy),
  };
  if (session.expiresAt <= now) throw statusError(502, messages.tokenTooShort);
  await validateWithCci(session, region, ctx);
  return session;
}

/** The AK as the console shows it: enough to recognise, not the whole key. */
export function maskAccessKey(accessKey: string): string {
  return accessKey.length <= 8 ? '****' : `${accessKey.slice(0, 4)}****${accessKey.slice(-4)}`;
}

/** A5: one cheap list call; 403 still proves the credentials (the user just lacks rights). */
async function validateWithCci(session: Session, region: Region, ctx: SignInContext) {
  const res = await ctx.deps.upstream.request(session, {
    method: 'GET',
    path: '/api/v1/namespaces',
    query: 'limit=1',
    headers: { accept: 'application/json' },
  });
  await res.body?.cancel();
  if ((res.status >= 200 && res.status < 300) || res.status === 403) return;
  if (res.status === 401 && session.credentials.kind === 'aksk') {
    throw statusError(401, messages.wrongAccessKey);
  }
  throw statusError(502, messages.validationFailed, {
    endpoint: new URL(region.cciEndpoint).origin,
    status: res.status,
  });
}
