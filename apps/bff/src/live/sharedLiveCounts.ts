import { createHash, randomBytes } from 'node:crypto';
import type { SharedRedis } from '../redis/redisClient.ts';
import { shared } from '../redis/unavailable.ts';

/**
 * The per-user cap on live connections across replicas: per user (hashed) a sorted set of
 * leases, `<replica>:<connection>` scored by when the lease ends. Taking one is a Lua script
 * (drop ended leases, count, add if below the cap), so two replicas cannot both take the last
 * place. Holders renew their leases; a replica killed with its connections leaves leases that
 * end within LEASE_MS, so its places come back by themselves.
 */
export const LEASE_MS = 30_000;
export const RENEW_MS = 10_000;

const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
`;

export interface Lease {
  userKey: string;
  member: string;
}

export class SharedLiveCounts {
  readonly #replica = randomBytes(6).toString('base64url');
  #sequence = 0;

  constructor(
    private readonly redis: Pick<SharedRedis, 'commands' | 'prefix'>,
    private readonly now: () => number,
  ) {}

  #key = (userKey: string) =>
    `${this.redis.prefix}live:user:${createHash('sha256').update(userKey).digest('base64url')}`;

  /** A lease when the user holds fewer than `limit` connections on all replicas, else undefined. */
  async acquire(userKey: string, limit: number): Promise<Lease | undefined> {
    const member = `${this.#replica}:${++this.#sequence}`;
    const now = this.now();
    const taken = await shared(() =>
      this.redis.commands.eval(ACQUIRE, {
        keys: [this.#key(userKey)],
        arguments: [String(now), String(limit), String(now + LEASE_MS), member, String(LEASE_MS)],
      }),
    );
    return taken === 1 ? { userKey, member } : undefined;
  }

  /** Gives a place back; Redis away, the lease ends by itself. */
  release(lease: Lease): void {
    this.redis.commands.zRem(this.#key(lease.userKey), lease.member).catch(() => {});
  }

  /** Renews the leases of connections still open here. */
  renew(leases: Iterable<Lease>): void {
    const multi = this.redis.commands.multi();
    let any = false;
    for (const lease of leases) {
      multi.zAdd(
        this.#key(lease.userKey),
        { score: this.now() + LEASE_MS, value: lease.member },
        { XX: true },
      );
      multi.pExpire(this.#key(lease.userKey), LEASE_MS);
      any = true;
    }
    if (any) multi.exec().catch(() => {});
  }
}
