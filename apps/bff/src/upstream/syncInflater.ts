import type { Transform } from 'node:stream';
import { decoder } from './contentCoding.ts';

/**
 * Inflates a compressed body chunk by chunk, synchronously, into one output buffer shared by
 * every inflater of the process, for a reader that only looks at the text (the secret check of
 * a compressed relay, `secretGuard.ts`). A zlib stream cost 2–4x as much in the BFF as alone:
 * a thread-pool round trip per piece, and ~1.4 MiB of fresh output Buffers per 3,000-pod list,
 * whose external memory made V8 collect garbage five times as often (issue #12). Here nothing
 * is allocated per piece, and nothing leaves the main thread.
 *
 * Node offers no public incremental synchronous API, so this drives the zlib stream's handle as
 * Node's own `zlib.inflateSync` does (`processChunkSync` in lib/zlib.js: `handle.writeSync`
 * with the flush flag, input and output windows, the counts left in `_writeState`); the stream
 * object keeps owning the handle (error reporting, close). The tests of the check run through
 * this on every Node the project runs on.
 */
interface ZlibHandle {
  writeSync(
    flush: number,
    input: Buffer,
    inOffset: number,
    inLength: number,
    output: Buffer,
    outOffset: number,
    outLength: number,
  ): void;
}

interface ZlibInternals {
  _handle: ZlibHandle | null;
  _writeState: Uint32Array;
  _defaultFlushFlag: number;
  _finishFlushFlag: number;
}

/** Big enough that a 16 KiB record of a JSON list inflates in a few calls, small enough to stay in cache. */
const OUTPUT_BYTES = 64 * 1024;
let shared: Buffer | undefined;
const EMPTY = Buffer.alloc(0);

export class SyncInflater {
  private readonly stream: Transform;
  private readonly zlib: ZlibInternals;

  constructor(coding: string) {
    this.stream = decoder(coding);
    // Its errors reach the caller as throws from write/end; the event would have no listener.
    this.stream.on('error', () => {});
    this.zlib = this.stream as unknown as ZlibInternals;
    if (!this.zlib._handle || !(this.zlib._writeState instanceof Uint32Array)) {
      throw new Error('this Node.js has no synchronous zlib handle');
    }
  }

  /**
   * Inflates `chunk`, handing each piece of text to `onText`. A piece is a view of the shared
   * buffer, valid only during the call: a reader that keeps bytes must copy them.
   * Throws the zlib error of a corrupt body.
   */
  write(chunk: Buffer, onText: (text: Buffer) => void): void {
    this.run(this.zlib._defaultFlushFlag, chunk, onText);
  }

  /** The body ended: what is left comes out; a body cut short throws (unexpected end of file). */
  end(onText: (text: Buffer) => void): void {
    this.run(this.zlib._finishFlushFlag, EMPTY, onText);
  }

  close(): void {
    this.stream.destroy();
  }

  private run(flush: number, input: Buffer, onText: (text: Buffer) => void): void {
    const handle = this.zlib._handle;
    if (!handle) throw this.stream.errored ?? new Error('the inflater is closed');
    const out = (shared ??= Buffer.allocUnsafe(OUTPUT_BYTES));
    const state = this.zlib._writeState;
    let offset = 0;
    let left = input.length;
    for (;;) {
      handle.writeSync(flush, input, offset, left, out, 0, out.length);
      // zlib reports errors through the handle's onerror, which destroys the stream at once.
      if (this.stream.errored) throw this.stream.errored;
      const outLeft = state[0] as number;
      const inLeft = state[1] as number;
      if (out.length - outLeft > 0) onText(out.subarray(0, out.length - outLeft));
      offset += left - inLeft;
      left = inLeft;
      // Output filled up: there may be more; otherwise the input is consumed.
      if (outLeft !== 0) return;
    }
  }
}
