import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer tokens for Prometheus' http_sd_configs, which cannot send the session cookie. A token
 * is 256 random bits, bound to the session that created it (one per session: a new one replaces
 * the old), and only its SHA-256 is held, so a lookup compares digests, not secrets. It is
 * never the IAM token and unlocks nothing but the SD listing.
 */
export const SD_TOKEN_PREFIX = 'cci-sd_';

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export class SdTokens {
  readonly #bySessionDigest = new Map<string, string>();
  readonly #digestBySession = new Map<string, string>();

  create(sessionId: string): string {
    this.revoke(sessionId);
    const token = `${SD_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const d = digest(token);
    this.#bySessionDigest.set(d, sessionId);
    this.#digestBySession.set(sessionId, d);
    return token;
  }

  revoke(sessionId: string): void {
    const d = this.#digestBySession.get(sessionId);
    if (d) this.#bySessionDigest.delete(d);
    this.#digestBySession.delete(sessionId);
  }

  /** The session id a presented token belongs to, if any. */
  sessionOf(token: string): string | undefined {
    if (!token.startsWith(SD_TOKEN_PREFIX) || token.length > 100) return undefined;
    return this.#bySessionDigest.get(digest(token));
  }

  get size(): number {
    return this.#digestBySession.size;
  }
}

/**
 * `Authorization: Bearer <token>` → the token, else undefined. A bare SD token is accepted too:
 * Prometheus 2.42's http_sd_configs sends `authorization.credentials` without the default
 * "Bearer" type unless `type: Bearer` is written out.
 */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^(?:Bearer )?([A-Za-z0-9_-]+)$/.exec(header?.trim() ?? '');
  const token = m?.[1];
  return token !== undefined &&
    (header?.trim().startsWith('Bearer ') || token.startsWith(SD_TOKEN_PREFIX))
    ? token
    : undefined;
}
