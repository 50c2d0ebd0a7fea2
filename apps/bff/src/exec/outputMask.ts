import { ExecChannel } from '@cci/model';
import { SecretScanner, secretForms } from '../proxy/redact.ts';
import { maskFrame } from './upstreamRefusal.ts';

/** The output channels a pod writes in pieces cut anywhere (the payload after the channel byte). */
const STREAMED = [ExecChannel.stdout, ExecChannel.stderr] as const;

/**
 * The session's secrets masked in a terminal's output. stdout and stderr are each one byte
 * stream cut into frames anywhere, so each has its own SecretScanner (as relayed bodies do): a
 * secret split across two frames is masked whole, and the bytes that could start one wait for
 * the next frame of the same channel. The error channel carries one whole Status per frame.
 */
export class ExecOutputMask {
  readonly #forms: string[];
  readonly #scanners = new Map<number, SecretScanner>();

  constructor(secrets: readonly string[]) {
    this.#forms = secretForms(secrets);
    for (const channel of STREAMED) this.#scanners.set(channel, new SecretScanner(secrets));
  }

  /** How many bytes wait for their channel's next frame. */
  get held(): number {
    let held = 0;
    for (const scanner of this.#scanners.values()) held += scanner.held;
    return held;
  }

  /** A frame from CCI as it may go on; undefined when all its payload waits for the next one. */
  mask(frame: Buffer): Buffer | undefined {
    const scanner = this.#scanners.get(frame[0] as number);
    if (!scanner) return maskFrame(frame, this.#forms);
    const payload = frame.subarray(1);
    const out = scanner.push(payload);
    if (out.length === 0) return undefined;
    // Unchanged and nothing held: the same frame (no copy), as with relayed bodies.
    if (out === payload) return frame;
    return Buffer.concat([frame.subarray(0, 1), out]);
  }

  /**
   * What waits, as frames, when no frame followed: the output paused there (a secret's start
   * typed and echoed a key at a time is the user's own), or the terminal ends.
   */
  release(): Buffer[] {
    const frames: Buffer[] = [];
    for (const [channel, scanner] of this.#scanners) {
      const rest = scanner.end();
      if (rest.length > 0) frames.push(Buffer.concat([Buffer.of(channel), rest]));
    }
    return frames;
  }
}
