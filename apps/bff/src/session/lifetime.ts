import { randomBytes } from 'node:crypto';
import type { Env } from '../env.ts';
import type { Credentials, Session } from './types.ts';

/** How long a session lives: idle timeout, absolute lifetime, and the margin before a token ends. */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
  tokenMarginMs: number;
}

export function sessionPolicy(
  env: Pick<
    Env,
    'SESSION_IDLE_SECONDS' | 'SESSION_ABSOLUTE_SECONDS' | 'TOKEN_EXPIRY_MARGIN_SECONDS'
  >,
): SessionPolicy {
  return {
    idleMs: env.SESSION_IDLE_SECONDS * 1000,
    absoluteMs: env.SESSION_ABSOLUTE_SECONDS * 1000,
    tokenMarginMs: env.TOKEN_EXPIRY_MARGIN_SECONDS * 1000,
  };
}

/** The absolute end of a session starting now: never past its token's expiry minus the margin. */
export function sessionDeadline(
  now: number,
  credentials: Credentials,
  policy: SessionPolicy,
): number {
  const absolute = now + policy.absoluteMs;
  return credentials.kind === 'token'
    ? Math.min(absolute, credentials.expiresAt - policy.tokenMarginMs)
    : absolute;
}

export function isSessionLive(session: Session, now: number, idleMs: number): boolean {
  return now < session.expiresAt && now - session.lastSeenAt < idleMs;
}

/** 256 random bits, base64url: the cookie value, unguessable and carrying nothing. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** A cookie value that could be one of our ids; anything else is not even looked up. */
export function isWellFormedSessionId(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
