import { randomBytes } from 'node:crypto';
import type { FeedListener } from './feed.ts';

export interface TabSubscription {
  id: string;
  feedKey: string;
  listener: FeedListener;
}

const encoder = new TextEncoder();

/**
 * One browser tab's Server-Sent Events connection. Writes never wait: events are queued on the
 * response stream, and a tab that stops reading (more than maxBufferedBytes behind) is closed
 * rather than letting the BFF buffer without bound.
 */
export class Tab {
  readonly id = randomBytes(16).toString('base64url');
  readonly subscriptions = new Map<string, TabSubscription>();
  readonly body: ReadableStream<Uint8Array>;
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  #closed = false;

  constructor(
    readonly sessionId: string,
    private readonly maxBufferedBytes: number,
    private readonly onClose: (tab: Tab) => void,
  ) {
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller;
        },
        cancel: () => this.close(),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
    );
  }

  get closed(): boolean {
    return this.#closed;
  }

  send(event: string, data: unknown): void {
    this.#write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** An SSE comment: keeps proxies and the browser from timing out an idle connection. */
  heartbeat(): void {
    this.#write(': heartbeat\n\n');
  }

  #write(text: string): void {
    const controller = this.#controller;
    if (this.#closed || !controller) return;
    controller.enqueue(encoder.encode(text));
    if ((controller.desiredSize ?? 0) < -this.maxBufferedBytes) this.close('too slow');
  }

  /** With a reason, the queued events are dropped and the connection is cut. */
  close(reason?: string): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      if (reason) this.#controller?.error(new Error(reason));
      else this.#controller?.close();
    } catch {
      // Already cancelled by the browser going away.
    }
    this.onClose(this);
  }
}
