import { ExecChannel } from '@cci/model';
import { MASK_BYTE, SecretScanner, secretForms } from '../proxy/redact.ts';
import { maskFrame } from './upstreamRefusal.ts';

/** The output channels a pod writes in pieces cut anywhere (the payload after the channel byte). */
const STREAMED = [ExecChannel.stdout, ExecChannel.stderr] as const;
/**
 * A held tail this long is most likely a secret's start (chance alone matches 6 bytes of one of
 * a few patterns almost never): it waits for the next frame however long that takes, and is
 * masked, not shown, if the terminal ends first.
 */
export const LIKELY_SECRET_BYTES = 6;

/** One output stream: its scanner, and how many of its held bytes the browser already has. */
interface Stream {
  scanner: SecretScanner;
  shown: number;
}

/**
 * The session's secrets masked in a terminal's output. stdout and stderr are each one byte
 * stream cut into frames anywhere, so each has its own SecretScanner (as relayed bodies do): a
 * secret split across two frames is masked whole, and the bytes that could start one wait for
 * the next frame of the same channel. The error channel carries one whole Status per frame.
 * A short held tail is shown when the output pauses (a key echoed as it is typed) but stays in
 * the scanner, so a secret that goes on later is still found and masked from there on.
 */
export class ExecOutputMask {
  readonly #forms: string[];
  readonly #streams = new Map<number, Stream>();

  constructor(secrets: readonly string[]) {
    this.#forms = secretForms(secrets);
    for (const channel of STREAMED) {
      this.#streams.set(channel, { scanner: new SecretScanner(secrets), shown: 0 });
    }
  }

  /** How many bytes wait for their channel's next frame (shown or not). */
  get held(): number {
    let held = 0;
    for (const { scanner } of this.#streams.values()) held += scanner.held;
    return held;
  }

  /** A frame from CCI as it may go on; undefined when all its payload waits for the next one. */
  mask(frame: Buffer): Buffer | undefined {
    const stream = this.#streams.get(frame[0] as number);
    if (!stream) return maskFrame(frame, this.#forms);
    const payload = frame.subarray(1);
    let out = stream.scanner.push(payload);
    // What was shown on a pause is not sent twice.
    const skip = Math.min(stream.shown, out.length);
    if (skip > 0) {
      stream.shown -= skip;
      out = out.subarray(skip);
    }
    if (out.length === 0) return undefined;
    // Unchanged and nothing held: the same frame (no copy), as with relayed bodies.
    if (out === payload) return frame;
    return Buffer.concat([frame.subarray(0, 1), out]);
  }

  /**
   * What waits, as frames, when no frame followed: the output paused there (a key echoed as it
   * is typed), or the terminal ends (`final`). A short tail is shown and stays held; a long one
   * (a likely secret's start) is not shown on a pause and is masked at the end.
   */
  release(final = false): Buffer[] {
    const frames: Buffer[] = [];
    for (const [channel, stream] of this.#streams) {
      const { scanner } = stream;
      if (scanner.held <= stream.shown) continue;
      let rest: Buffer;
      if (final) {
        const held = scanner.end();
        rest = held.subarray(stream.shown);
        if (held.length >= LIKELY_SECRET_BYTES) rest = Buffer.alloc(rest.length, MASK_BYTE);
      } else {
        if (scanner.held >= LIKELY_SECRET_BYTES) continue;
        rest = Buffer.from(scanner.heldBytes.subarray(stream.shown));
        stream.shown = scanner.held;
      }
      if (rest.length > 0) frames.push(Buffer.concat([Buffer.of(channel), rest]));
    }
    return frames;
  }
}
