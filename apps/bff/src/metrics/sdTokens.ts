import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer tokens for Prometheus' http_sd_configs, which cannot send the session cookie. A token
 * is 256 random bits, bound to the session that created it (one per session: a new one replaces
 * the old), and only its SHA-256 is held, so a lookup compares digests, not secrets. It is
 * never the IAM token and unlocks nothing but the SD listing.
 */
export const SD_TOKEN_PREFIX = 'cci-sd_';

export const sdDigest = (token: string) => createHash('sha256').update(token).digest('base64url');
const digest = sdDigest;

export const newSdToken = () => `${SD_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

/** A presented string that could be one of our tokens; anything else is not looked up. */
export const isSdTokenShaped = (token: string) =>
  token.startsWith(SD_TOKEN_PREFIX) && token.length <= 100;

/** Where SD tokens are kept: this process (SdTokens) or Redis (RedisSdTokens), alike. */
export interface SdTokenStore {
  create(sessionId: string): Promise<string>;
  revoke(sessionId: string): Promise<void>;
  /** The session id a presented token belongs to, if any. */
  sessionOf(token: string): Promise<string | undefined>;
}

export class SdTokens implements SdTokenStore {
  readonly #bySessionDigest = new Map<string, string>();
  readonly #digestBySession = new Map<string, string>();

  async create(sessionId: string): Promise<string> {
    await this.revoke(sessionId);
    const token = newSdToken();
    const d = digest(token);
    this.#bySessionDigest.set(d, sessionId);
    this.#digestBySession.set(sessionId, d);
    return token;
  }

  async revoke(sessionId: string): Promise<void> {
    const d = this.#digestBySession.get(sessionId);
    if (d) this.#bySessionDigest.delete(d);
    this.#digestBySession.delete(sessionId);
  }

  async sessionOf(token: string): Promise<string | undefined> {
    if (!isSdTokenShaped(token)) return undefined;
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
