import { createHash } from 'node:crypto';
import type { SharedRedis } from '../redis/redisClient.ts';
import { shared } from '../redis/unavailable.ts';
import { openSession, sealSession } from '../session/sessionCipher.ts';
import type { SessionKey } from '../session/sessionKeys.ts';
import { isSdTokenShaped, newSdToken, sdDigest, type SdTokenStore } from './sdTokens.ts';

/**
 * SD tokens shared by every replica: Prometheus may reach any of them. Redis holds only
 * hashes as keys: `sd:t:<sha256(token)>` → the session id sealed with the session keys (the
 * token digest as associated data; the session id is the cookie, so never in clear), and
 * `sd:s:<sha256(session id)>` → the token digest, so a new token replaces the old. Both live
 * no longer than a session can.
 */
export class RedisSdTokens implements SdTokenStore {
  constructor(
    private readonly redis: Pick<SharedRedis, 'commands' | 'prefix'>,
    private readonly keys: readonly SessionKey[],
    private readonly ttlSeconds: number,
  ) {}

  #tokenKey = (d: string) => `${this.redis.prefix}sd:t:${d}`;
  #sessionKey = (id: string) =>
    `${this.redis.prefix}sd:s:${createHash('sha256').update(id).digest('base64url')}`;

  async create(sessionId: string): Promise<string> {
    await this.revoke(sessionId);
    const token = newSdToken();
    const d = sdDigest(token);
    await shared(() =>
      this.redis.commands
        .multi()
        .set(this.#tokenKey(d), sealSession(this.keys, d, sessionId), { EX: this.ttlSeconds })
        .set(this.#sessionKey(sessionId), d, { EX: this.ttlSeconds })
        .exec(),
    );
    return token;
  }

  async revoke(sessionId: string): Promise<void> {
    const d = await shared(() => this.redis.commands.getDel(this.#sessionKey(sessionId)));
    if (d) await shared(() => this.redis.commands.del(this.#tokenKey(d)));
  }

  async sessionOf(token: string): Promise<string | undefined> {
    if (!isSdTokenShaped(token)) return undefined;
    const d = sdDigest(token);
    const sealed = await shared(() => this.redis.commands.get(this.#tokenKey(d)));
    return sealed ? openSession(this.keys, d, sealed) : undefined;
  }
}
