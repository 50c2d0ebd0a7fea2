import { randomBytes } from 'node:crypto';
import { HTTPException } from 'hono/http-exception';
import { sessionDigest } from '../live/liveConnections.ts';
import { subscribeShared, type SharedRedis } from '../redis/redisClient.ts';
import { shared } from '../redis/unavailable.ts';
import type { Session } from '../session/types.ts';
import { messages } from '../messages.ts';
import { statusBody, statusResponse } from '../status.ts';
import type { StreamHub } from './hub.ts';
import { streamMessages } from './messages.ts';
import type { Tab } from './tab.ts';

/**
 * Subscribing and unsubscribing when the POST/DELETE lands on another replica than the one
 * holding the stream (a balancer without sticky sessions): the command goes over Redis pub/sub
 * to every replica, the one holding the stream runs it after checking the stream belongs to
 * the session (named by its digest), and answers on the asker's reply channel with the status
 * and body it would have answered itself. No answer in time: no replica holds that stream
 * (404, as for a stream that ended). Why this and not subscriptions inside the stream's own
 * connection: docs/architecture.md, decisions.
 */
export type StreamCommand =
  { op: 'subscribe'; body: unknown } | { op: 'unsubscribe'; subscription: string };

interface Envelope {
  id: string;
  replyTo: string;
  stream: string;
  session: string;
  command: StreamCommand;
}

interface Reply {
  id: string;
  status: number;
  body: string;
}

export const REMOTE_COMMAND_TIMEOUT_MS = 2_000;

export class StreamCommandRelay {
  readonly #replica = randomBytes(9).toString('base64url');
  readonly #waiting = new Map<string, (reply: Reply) => void>();
  readonly #unsubscribe: (() => Promise<void>)[];

  /** Ends the subscriptions (server shutdown). */
  async close(): Promise<void> {
    await Promise.all(this.#unsubscribe.map((u) => u()));
  }

  constructor(
    private readonly redis: Pick<SharedRedis, 'commands' | 'subscriber' | 'prefix'>,
    private readonly hub: StreamHub,
    /** Runs a command on a local tab, answering as the route would. */
    private readonly run: (command: StreamCommand, tab: Tab) => Response,
  ) {
    const commands = `${redis.prefix}stream:commands`;
    const replies = `${redis.prefix}stream:replies:${this.#replica}`;
    this.#unsubscribe = [
      subscribeShared(redis.subscriber, commands, (m) => void this.#serve(m)),
      subscribeShared(redis.subscriber, replies, (m) => this.#replied(m)),
    ];
  }

  /** Asks the replica holding the stream; its answer, or 404 when none answers in time. */
  async send(streamId: string, session: Session, command: StreamCommand): Promise<Response> {
    const envelope: Envelope = {
      id: randomBytes(9).toString('base64url'),
      replyTo: this.#replica,
      stream: streamId,
      session: sessionDigest(session.id),
      command,
    };
    const answered = new Promise<Reply | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(envelope.id);
        resolve(undefined);
      }, REMOTE_COMMAND_TIMEOUT_MS);
      this.#waiting.set(envelope.id, (reply) => {
        clearTimeout(timer);
        this.#waiting.delete(envelope.id);
        resolve(reply);
      });
    });
    await shared(() =>
      this.redis.commands.publish(`${this.redis.prefix}stream:commands`, JSON.stringify(envelope)),
    );
    const reply = await answered;
    if (!reply) {
      const body = statusBody(404, streamMessages.unknownStream, { stream: streamId.slice(0, 64) });
      return statusResponse(body);
    }
    return new Response(reply.body || null, {
      status: reply.status,
      headers: reply.body ? { 'Content-Type': 'application/json' } : {},
    });
  }

  async #serve(message: string): Promise<void> {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      return;
    }
    const tab = this.hub.localTab(envelope.stream);
    // Not ours, or not that session's: stay silent (the owner, if any, answers).
    if (!tab || sessionDigest(tab.sessionId) !== envelope.session) return;
    let answer: Response;
    try {
      answer = this.run(envelope.command, tab);
    } catch (error) {
      answer =
        error instanceof HTTPException
          ? error.getResponse()
          : statusResponse(statusBody(500, messages.internal));
    }
    const reply: Reply = { id: envelope.id, status: answer.status, body: await answer.text() };
    await this.redis.commands
      .publish(`${this.redis.prefix}stream:replies:${envelope.replyTo}`, JSON.stringify(reply))
      .catch(() => {});
  }

  #replied(message: string): void {
    try {
      const reply = JSON.parse(message) as Reply;
      this.#waiting.get(reply.id)?.(reply);
    } catch {
      // not a reply of ours
    }
  }
}
