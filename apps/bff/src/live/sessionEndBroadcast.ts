import { subscribeShared, type SharedRedis } from '../redis/redisClient.ts';
import { shared } from '../redis/unavailable.ts';
import { sessionDigest, type EndReason, type LiveConnections } from './liveConnections.ts';

/**
 * Sign-out on one replica ends the session's live connections on every replica: the replica
 * that deleted the session publishes its end on a Redis channel, every replica (itself
 * included, harmlessly) ends its own connections of that session. The message names the
 * session by the SHA-256 of its id (the id is the cookie). A replica that misses the message
 * (Redis was away) still ends them within one sweep: its sweep finds the session gone.
 */
const REASONS: readonly EndReason[] = ['signed-out', 'expired', 'revoked', 'shutdown'];

export interface SessionEndBroadcast {
  publish(sessionId: string, reason: EndReason): Promise<void>;
  close(): Promise<void>;
}

export function sessionEndBroadcast(
  redis: Pick<SharedRedis, 'commands' | 'subscriber' | 'prefix'>,
  live: LiveConnections,
): SessionEndBroadcast {
  const channel = `${redis.prefix}session-ended`;
  const listener = (message: string) => {
    const [digest, reason] = message.split(' ');
    if (!digest || !REASONS.includes(reason as EndReason)) return;
    live.endSessionDigest(digest, reason as EndReason);
  };
  const unsubscribe = subscribeShared(redis.subscriber, channel, listener);
  return {
    async publish(sessionId, reason) {
      await shared(() => redis.commands.publish(channel, `${sessionDigest(sessionId)} ${reason}`));
    },
    close: unsubscribe,
  };
}
