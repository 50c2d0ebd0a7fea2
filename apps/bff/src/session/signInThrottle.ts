import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { SharedRedis } from '../redis/redisClient.ts';
import { shared } from '../redis/unavailable.ts';

/**
 * Sign-in anti-automation in the style of ASVS 6.3: failed attempts are counted per account
 * (domain + user, or access key, in a region) and per client address. A few failures are free,
 * then each attempt waits longer before it reaches IAM, and past the limit attempts are refused
 * with 429 until the window ends. The counters never depend on whether the account exists (the
 * BFF cannot know; IAM answers both alike), so an unknown user is throttled exactly as a known
 * one and nothing can be enumerated. A success resets its account's counter.
 *
 * The counters are rate-limiter-flexible limiters: memory here, and a Redis limiter with the
 * same interface when replicas must share them.
 */
export interface ThrottlePolicy {
  /** Failures per account within the window before attempts are refused. */
  accountFailures: number;
  /** Failures per client address within the window (many accounts from one place). */
  addressFailures: number;
  windowSeconds: number;
  /** Failures per account that cost no delay. */
  freeFailures: number;
  /** The delay after the free failures, doubling per failure up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultThrottlePolicy: ThrottlePolicy = {
  accountFailures: 10,
  addressFailures: 100,
  windowSeconds: 15 * 60,
  freeFailures: 3,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
};

export interface ThrottleKeys {
  /** Region and the identity typed: domain/user, or the access key. */
  account: string;
  /** The client's address as the BFF sees it (after trusted proxies). */
  address: string;
}

/** An admitted attempt: tell the throttle how it ended. */
export interface AdmittedAttempt {
  /** The credentials were right: the account's failures are forgotten. */
  succeeded(): Promise<void>;
  /** The credentials were wrong: the attempt stays counted. */
  failed(): Promise<void>;
  /** Ended for another reason (IAM unreachable, bad input): the attempt is not held against anyone. */
  abandoned(): Promise<void>;
}

export type Admission =
  { admitted: true; attempt: AdmittedAttempt } | { admitted: false; retryAfterSeconds: number };

export interface SignInThrottle {
  admit(keys: ThrottleKeys): Promise<Admission>;
}

export interface ThrottleLimiters {
  account: RateLimiterAbstract;
  address: RateLimiterAbstract;
}

export function memoryThrottleLimiters(policy: ThrottlePolicy): ThrottleLimiters {
  const limiter = (points: number, keyPrefix: string) =>
    new RateLimiterMemory({
      keyPrefix,
      points,
      duration: policy.windowSeconds,
      blockDuration: policy.windowSeconds,
    });
  return {
    account: limiter(policy.accountFailures, 'signin-account'),
    address: limiter(policy.addressFailures, 'signin-address'),
  };
}

/**
 * The same counters in Redis, so every replica counts the same attempts. No insurance limiter:
 * a memory fallback would give each replica its own budget; Redis away means 503 (sharedThrottle).
 */
export function redisThrottleLimiters(
  policy: ThrottlePolicy,
  redis: Pick<SharedRedis, 'commands' | 'prefix'>,
): ThrottleLimiters {
  const limiter = (points: number, name: string) =>
    new RateLimiterRedis({
      storeClient: redis.commands,
      useRedisPackage: true,
      keyPrefix: `${redis.prefix}${name}`,
      points,
      duration: policy.windowSeconds,
      blockDuration: policy.windowSeconds,
    });
  return {
    account: limiter(policy.accountFailures, 'signin-account'),
    address: limiter(policy.addressFailures, 'signin-address'),
  };
}

/** A throttle whose store failures answer 503 (the shared store is away), never 500. */
export function sharedThrottle(throttle: SignInThrottle): SignInThrottle {
  return {
    async admit(keys) {
      const admission = await shared(() => throttle.admit(keys));
      if (!admission.admitted) return admission;
      const { attempt } = admission;
      return {
        admitted: true,
        attempt: {
          succeeded: () => shared(() => attempt.succeeded()),
          failed: () => shared(() => attempt.failed()),
          abandoned: () => shared(() => attempt.abandoned()),
        },
      };
    },
  };
}

/** Keys are hashed: a shared store holds no user names or access keys. */
const hashed = (value: string) => createHash('sha256').update(value).digest('base64url');

export function createSignInThrottle(
  policy: ThrottlePolicy = defaultThrottlePolicy,
  limiters: ThrottleLimiters = memoryThrottleLimiters(policy),
  wait: (ms: number) => Promise<unknown> = sleep,
): SignInThrottle {
  return {
    async admit(keys) {
      const account = hashed(keys.account.toLowerCase());
      const address = hashed(keys.address);
      const refusal = (res: RateLimiterRes): Admission => ({
        admitted: false,
        retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      });
      // Counted before IAM is asked, so parallel guesses cannot all slip through.
      const accountRes = await consumeOrRefusal(limiters.account, account);
      if (!accountRes.ok) return refusal(accountRes.res);
      const addressRes = await consumeOrRefusal(limiters.address, address);
      if (!addressRes.ok) {
        await limiters.account.reward(account, 1); // never reached IAM
        return refusal(addressRes.res);
      }
      const earlier = accountRes.res.consumedPoints - 1;
      if (earlier >= policy.freeFailures) {
        const doublings = earlier - policy.freeFailures;
        await wait(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings));
      }
      return {
        admitted: true,
        attempt: {
          async succeeded() {
            await limiters.account.delete(account);
            await limiters.address.reward(address, 1);
          },
          async failed() {},
          async abandoned() {
            await limiters.account.reward(account, 1);
            await limiters.address.reward(address, 1);
          },
        },
      };
    },
  };
}

async function consumeOrRefusal(
  limiter: RateLimiterAbstract,
  key: string,
): Promise<{ ok: boolean; res: RateLimiterRes }> {
  try {
    return { ok: true, res: await limiter.consume(key) };
  } catch (refused) {
    // The limiter rejects with its result when the key is over its points; anything else is a
    // store failure and must not be taken for a refusal.
    if (refused instanceof RateLimiterRes) return { ok: false, res: refused };
    throw refused;
  }
}

/** The throttle an app builds when none is given: shared through Redis when replicas are. */
export function defaultSignInThrottle(deps: {
  redis?: Pick<SharedRedis, 'commands' | 'prefix'> | undefined;
}): SignInThrottle {
  const policy = defaultThrottlePolicy;
  return deps.redis
    ? sharedThrottle(createSignInThrottle(policy, redisThrottleLimiters(policy, deps.redis)))
    : createSignInThrottle(policy);
}
