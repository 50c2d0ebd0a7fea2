import { randomBytes } from 'node:crypto';
import type { Transform } from 'node:stream';
import { maskSecrets } from '../proxy/redact.ts';
import type { FeedListener } from './feed.ts';
import { createEventCompressor, type StreamEncoding } from './streamEncoding.ts';

export interface TabSubscription {
  id: string;
  feedKey: string;
  listener: FeedListener;
}

const encoder = new TextEncoder();

/**
 * One browser tab's Server-Sent Events connection. Writes never wait: events are queued on the
 * response stream, and a tab that stops reading (more than maxBufferedBytes behind) is closed
 * rather than letting the BFF buffer without bound. With an encoding, every event goes through
 * one compressor that flushes after each write, so compression never holds an event back.
 */
export class Tab {
  readonly id = randomBytes(16).toString('base64url');
  readonly subscriptions = new Map<string, TabSubscription>();
  readonly body: ReadableStream<Uint8Array>;
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  readonly #compressor: Transform | undefined;
  #closed = false;
  readonly #closeListeners: (() => void)[] = [];

  constructor(
    readonly sessionId: string,
    private readonly maxBufferedBytes: number,
    private readonly onClose: (tab: Tab) => void,
    readonly encoding?: StreamEncoding,
    /** The session's secrets (`secretForms`): masked in every event, as in proxied bodies. */
    private readonly secrets: readonly string[] = [],
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
    if (encoding) {
      const compressor = createEventCompressor(encoding);
      compressor.on('data', (chunk: Buffer) => this.#enqueue(new Uint8Array(chunk)));
      compressor.on('end', () => this.#finish());
      compressor.on('error', () => this.close('compression failed'));
      this.#compressor = compressor;
    }
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * `reconnectMs`: how long the browser waits before reconnecting a dropped stream (SSE `retry`,
   * sent with the first event). Chromium's default (~3 s) is most of the 5 s in which a stream
   * cut by a replica's end must resume on another one (issue #19).
   */
  send(event: string, data: unknown, reconnectMs?: number): void {
    const retry = reconnectMs === undefined ? '' : `retry: ${reconnectMs}\n`;
    this.#write(
      `${retry}event: ${event}\ndata: ${maskSecrets(JSON.stringify(data), this.secrets)}\n\n`,
    );
  }

  /** An event whose data is already JSON (made once for every tab of a shared feed). */
  sendJson(event: string, json: string): void {
    this.#write(`event: ${event}\ndata: ${maskSecrets(json, this.secrets)}\n\n`);
  }

  /** An SSE comment: keeps proxies and the browser from timing out an idle connection. */
  heartbeat(): void {
    this.#write(': heartbeat\n\n');
  }

  #write(text: string): void {
    if (this.#closed || !this.#controller) return;
    const compressor = this.#compressor;
    if (!compressor) return this.#enqueue(encoder.encode(text));
    compressor.write(text);
    if (compressor.writableLength > this.maxBufferedBytes) this.close('too slow');
  }

  #enqueue(bytes: Uint8Array): void {
    const controller = this.#controller;
    if (!controller || (this.#closed && !this.#compressor)) return;
    try {
      controller.enqueue(bytes);
    } catch {
      return; // cut already (too slow, or the browser went away)
    }
    if ((controller.desiredSize ?? 0) < -this.maxBufferedBytes) this.close('too slow');
  }

  #finish(): void {
    try {
      this.#controller?.close();
    } catch {
      // Already cancelled by the browser going away.
    }
  }

  /** With a reason, the queued events are dropped and the connection is cut. */
  close(reason?: string): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      if (reason) {
        this.#compressor?.destroy();
        this.#controller?.error(new Error(reason));
      } else if (this.#compressor) {
        this.#compressor.end(); // the last compressed bytes, then the body closes
      } else {
        this.#controller?.close();
      }
    } catch {
      // Already cancelled by the browser going away.
    }
    this.onClose(this);
    for (const listener of this.#closeListeners.splice(0)) listener();
  }

  /** Runs once the tab is closed, for whatever reason (now if it already is). */
  onClosed(listener: () => void): void {
    if (this.#closed) listener();
    else this.#closeListeners.push(listener);
  }
}
