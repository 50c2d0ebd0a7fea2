import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Identity } from './directory.ts';

/**
 * Self-validating tokens: "MII" + base64url(payload || HMAC-SHA256(secret, "MII" || payload)).
 * The payload is a compact JSON array of the identity and its lifetime; no password or key is
 * ever in it. Only the secret is needed to verify, so tokens survive an emulator restart that
 * keeps the secret. The "MII" prefix mimics real IAM tokens (base64 of a PKCS#7 blob).
 */
export interface IssuedToken {
  token: string;
  issuedAt: Date;
  expiresAt: Date;
}

export type TokenError = { error: 'expired' | 'invalid' | 'revoked' };

export interface TokenService {
  issue(identity: Identity): IssuedToken;
  verify(token: string): Identity | TokenError;
  /**
   * Revoke every token issued to `userId` until now (A3: leaked or removed credentials stop
   * working at once). Tokens issued afterwards (e.g. after a password change) are valid.
   */
  revokeUser(userId: string): void;
  /** Revocation cut-offs (userId -> epoch ms), for the caller to persist if it wants to. */
  revocations(): ReadonlyMap<string, number>;
}

export interface TokenServiceOptions {
  /** At least 32 bytes; keep it across restarts so issued tokens stay valid. */
  secret: Buffer;
  lifetimeSeconds?: number;
  now?: () => number;
  revocations?: Iterable<[string, number]>;
}

const PREFIX = 'MII';
const MAC_LENGTH = 32;
const FORMAT_VERSION = 1;
const METHOD_CODES = { password: 'p', aksk: 'a' } as const;

export function isTokenError(value: Identity | TokenError): value is TokenError {
  return 'error' in value;
}

export function createTokenService(options: TokenServiceOptions): TokenService {
  const { secret, lifetimeSeconds = 86_400, now = Date.now } = options;
  if (secret.length < 32) throw new Error('token secret must be at least 32 bytes');
  const revoked = new Map<string, number>(options.revocations ?? []);
  const mac = (payload: Buffer) =>
    createHmac('sha256', secret).update(PREFIX).update(payload).digest();

  return {
    issue(identity) {
      const issuedAt = now();
      const expiresAt = issuedAt + lifetimeSeconds * 1000;
      const payload = Buffer.from(
        JSON.stringify([
          FORMAT_VERSION,
          identity.userId,
          identity.userName,
          identity.domainId,
          identity.domainName,
          identity.projectId,
          identity.projectName,
          METHOD_CODES[identity.method],
          issuedAt,
          expiresAt,
          // A nonce makes two tokens issued in the same millisecond differ.
          randomBytes(6).toString('base64url'),
        ]),
      );
      const token = PREFIX + Buffer.concat([payload, mac(payload)]).toString('base64url');
      return { token, issuedAt: new Date(issuedAt), expiresAt: new Date(expiresAt) };
    },

    verify(token) {
      const payload = authenticPayload(token, mac);
      const fields = payload && decodeFields(payload);
      if (!fields) return { error: 'invalid' };
      const cutoff = revoked.get(fields.identity.userId);
      if (cutoff !== undefined && fields.issuedAt <= cutoff) return { error: 'revoked' };
      if (now() >= fields.expiresAt) return { error: 'expired' };
      return fields.identity;
    },

    revokeUser(userId) {
      revoked.set(userId, now());
    },

    revocations: () => revoked,
  };
}

function authenticPayload(token: string, mac: (payload: Buffer) => Buffer): Buffer | undefined {
  if (!token.startsWith(PREFIX)) return undefined;
  const body = token.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return undefined;
  const bytes = Buffer.from(body, 'base64url');
  // Reject non-canonical encodings, so one token has exactly one spelling.
  if (bytes.toString('base64url') !== body || bytes.length <= MAC_LENGTH) return undefined;
  const payload = bytes.subarray(0, bytes.length - MAC_LENGTH);
  const given = bytes.subarray(bytes.length - MAC_LENGTH);
  return timingSafeEqual(given, mac(payload)) ? payload : undefined;
}

function decodeFields(
  payload: Buffer,
): { identity: Identity; issuedAt: number; expiresAt: number } | undefined {
  let fields: unknown;
  try {
    fields = JSON.parse(payload.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(fields) || fields[0] !== FORMAT_VERSION) return undefined;
  const [, userId, userName, domainId, domainName, projectId, projectName, code, iat, exp] =
    fields as unknown[];
  const texts = [userId, userName, domainId, domainName, projectId, projectName];
  if (!texts.every((t) => typeof t === 'string')) return undefined;
  if (typeof iat !== 'number' || typeof exp !== 'number') return undefined;
  const method = code === 'p' ? 'password' : code === 'a' ? 'aksk' : undefined;
  if (!method) return undefined;
  const [uid, uname, did, dname, pid, pname] = texts as string[];
  return {
    identity: {
      userId: uid ?? '',
      userName: uname ?? '',
      domainId: did ?? '',
      domainName: dname ?? '',
      projectId: pid ?? '',
      projectName: pname ?? '',
      method,
    },
    issuedAt: iat,
    expiresAt: exp,
  };
}
