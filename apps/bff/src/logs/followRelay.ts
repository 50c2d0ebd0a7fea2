import type { LiveActivity } from '../live/liveActivity.ts';
import { SecretScanner } from '../proxy/redact.ts';

/** Why a followed log ended; the browser shows it (the web's logs catalog has each). */
export type FollowEnd =
  | 'completed' // the container instance ended or restarted
  | 'podDeleted'
  | 'byteCap'
  | 'idle'
  | 'sessionEnded'
  | 'upstreamError';

/**
 * The last record of a followed log: ASCII record separator, JSON, newline. A log line rarely
 * holds U+001E, and only a record that ends the body counts, so a reader can tell "the stream
 * ended, and why" from "the connection broke" (no record) without a second channel.
 */
export const END_RECORD_MARK = '\u001e';
export const endRecord = (reason: FollowEnd) =>
  `${END_RECORD_MARK}${JSON.stringify({ end: reason })}\n`;

export interface FollowOptions {
  upstream: ReadableStream<Uint8Array>;
  /** The session's secrets, masked as in every relayed body. */
  secrets: readonly string[];
  maxBytes: number;
  /** The live idle policy's activity for this follow (each relayed chunk is activity). */
  activity: (onIdle: () => void) => Pick<LiveActivity, 'start' | 'seen' | 'stop'>;
  /** Why the upstream ended by itself: the pod may be gone. */
  reasonAtEnd: () => Promise<FollowEnd>;
  /** Called once when the relay stops for any reason (release the live registration). */
  onStop: (reason: FollowEnd | 'clientGone') => void;
}

/**
 * A followed log relayed to the browser with the BFF's limits: at most `maxBytes`, ended after
 * the idle policy's time without a byte (bytes flowing keep the session alive), and ended at
 * once by `stop` (sign-out). It always closes with an end
 * record, so the browser says why instead of hanging.
 */
export function followRelay(o: FollowOptions): {
  body: ReadableStream<Uint8Array>;
  stop: (reason: FollowEnd) => void;
} {
  const reader = o.upstream.getReader();
  const scanner = new SecretScanner(o.secrets);
  const encoder = new TextEncoder();
  let sent = 0;
  let lastByte = 0x0a;
  let done = false;
  const activity = o.activity(() => finish('idle'));
  let controller!: ReadableStreamDefaultController<Uint8Array>;

  const finish = (reason: FollowEnd) => {
    if (done) return;
    done = true;
    activity.stop();
    void reader.cancel().catch(() => {});
    const rest = scanner.end();
    try {
      if (rest.length > 0) controller.enqueue(rest);
      const prefix = lastByte === 0x0a && rest.length === 0 ? '' : '\n';
      controller.enqueue(encoder.encode(prefix + endRecord(reason)));
      controller.close();
    } catch {
      // the browser already went away
    }
    o.onStop(reason);
  };
  const pump = async () => {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch {
        return finish('upstreamError');
      }
      if (done) return;
      if (next.done) return finish(await o.reasonAtEnd().catch(() => 'completed' as const));
      activity.seen();
      let chunk = scanner.push(Buffer.from(next.value));
      const room = o.maxBytes - sent;
      const capped = chunk.length >= room;
      if (capped) chunk = chunk.subarray(0, Math.max(room, 0));
      if (chunk.length > 0) {
        sent += chunk.length;
        lastByte = chunk[chunk.length - 1] as number;
        controller.enqueue(chunk);
      }
      if (capped) return finish('byteCap');
    }
  };

  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      activity.start();
      void pump();
    },
    cancel() {
      if (done) return;
      done = true;
      activity.stop();
      void reader.cancel().catch(() => {});
      o.onStop('clientGone');
    },
  });
  return { body, stop: finish };
}
