import { createHash } from 'node:crypto';
import type { SharedRedis } from '../redis/redisClient.ts';
import { shared } from '../redis/unavailable.ts';
import { openSession, sealSession } from './sessionCipher.ts';
import type { SessionKey } from './sessionKeys.ts';
import type { Session, SessionStore } from './types.ts';

export interface RedisSessionStoreOptions {
  redis: Pick<SharedRedis, 'commands' | 'prefix'>;
  keys: readonly SessionKey[];
  now: () => number;
  idleMs: number;
}

/**
 * Sessions in Redis, shared by every replica. Per session one hash under the SHA-256 of its id
 * (the id is the cookie: a bearer secret, so never a key in clear): `d` the session sealed with
 * AES-256-GCM (sessionCipher.ts), `seen` its last activity and `end` its absolute end, both in
 * clear so a Lua script can touch it. The key's TTL is the earlier of idle timeout and absolute
 * end, so Redis drops what nobody came back for; touch moves it atomically.
 */
const TOUCH = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local seen = tonumber(ARGV[1])
local ttl = math.min(tonumber(redis.call('HGET', KEYS[1], 'end')), seen + tonumber(ARGV[2])) - tonumber(ARGV[3])
if ttl <= 0 then
  redis.call('DEL', KEYS[1])
  return false
end
redis.call('HSET', KEYS[1], 'seen', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ttl)
return redis.call('HGET', KEYS[1], 'd')
`;

export class RedisSessionStore implements SessionStore {
  constructor(private readonly options: RedisSessionStoreOptions) {}

  #key(id: string): string {
    return `${this.options.redis.prefix}session:${createHash('sha256').update(id).digest('base64url')}`;
  }

  async get(id: string): Promise<Session | undefined> {
    const [sealed, seen] = await shared(() =>
      this.options.redis.commands.hmGet(this.#key(id), ['d', 'seen']),
    );
    return sealed && seen ? this.#open(id, sealed, Number(seen)) : undefined;
  }

  async set(session: Session): Promise<void> {
    const key = this.#key(session.id);
    const ttl = this.#ttl(session.lastSeenAt, session.expiresAt);
    const sealed = sealSession(this.options.keys, session.id, JSON.stringify(session));
    const multi = this.options.redis.commands.multi().del(key);
    if (ttl > 0) {
      multi
        .hSet(key, { d: sealed, seen: String(session.lastSeenAt), end: String(session.expiresAt) })
        .pExpire(key, ttl);
    }
    await shared(() => multi.exec());
  }

  async delete(id: string): Promise<void> {
    await shared(() => this.options.redis.commands.del(this.#key(id)));
  }

  async touch(id: string, lastSeenAt: number): Promise<Session | undefined> {
    const { idleMs, now } = this.options;
    const sealed = await shared(() =>
      this.options.redis.commands.eval(TOUCH, {
        keys: [this.#key(id)],
        arguments: [String(lastSeenAt), String(idleMs), String(now())],
      }),
    );
    return typeof sealed === 'string' ? this.#open(id, sealed, lastSeenAt) : undefined;
  }

  /** Milliseconds until the session is dead: idle or past its end, whichever comes first. */
  #ttl(lastSeenAt: number, expiresAt: number): number {
    return Math.min(expiresAt, lastSeenAt + this.options.idleMs) - this.options.now();
  }

  /** A record no listed key opens (its key retired) is no session: the user signs in again. */
  #open(id: string, sealed: string, seen: number): Session | undefined {
    const text = openSession(this.options.keys, id, sealed);
    if (text === undefined) return undefined;
    return { ...(JSON.parse(text) as Session), lastSeenAt: seen };
  }
}
