import { Transform, type TransformCallback } from 'node:stream';
import { SecretScanner } from '../proxy/redact.ts';
import { canDecode } from './contentCoding.ts';
import { SyncInflater } from './syncInflater.ts';

/**
 * What a relayed success body is checked for: the session's secrets (`secretsOf`), and whom to
 * tell when one was found (an audit line; never the secret itself).
 */
export interface RelayGuard {
  secrets: readonly string[];
  onFound(outcome: 'masked' | 'aborted'): void;
}

/** Why a compressed relay was cut short: a secret was in it, or it could not be checked. */
export class SecretInBodyError extends Error {
  constructor(reason: string) {
    super(`relayed body cut short: ${reason}`);
    this.name = 'SecretInBodyError';
  }
}

/**
 * Plain bytes in, the same bytes out with every secret masked (`SecretScanner`): lengths stay
 * as they were, so a Content-Length relayed from upstream stays true.
 */
export class MaskSecrets extends Transform {
  private readonly scanner: SecretScanner;
  private reported = false;

  constructor(private readonly guard: RelayGuard) {
    super();
    this.scanner = new SecretScanner(guard.secrets);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const out = this.scanner.push(chunk);
    this.report();
    done(null, out.length > 0 ? out : undefined);
  }

  override _flush(done: TransformCallback): void {
    const rest = this.scanner.end();
    done(null, rest.length > 0 ? rest : undefined);
  }

  private report(): void {
    if (this.reported || this.scanner.found === 0) return;
    this.reported = true;
    this.guard.onFound('masked');
  }
}

/**
 * A compressed answer relayed as it came (the browser takes its coding): a copy is inflated
 * alongside and scanned, and each compressed chunk goes on only once everything inflated from it
 * (and before it) was checked and no secret's beginning is pending. A secret cannot be masked
 * inside a compressed stream whose head already left, so when one is found the relay ends with
 * an error: the browser gets an aborted body, never the secret. A coding the BFF cannot inflate
 * cannot be checked and is refused the same way. The copy is inflated synchronously into a
 * reused buffer (`SyncInflater`): the text is only looked at, never kept.
 */
export class CheckCompressed extends Transform {
  private readonly scanner: SecretScanner;
  private readonly inflater: SyncInflater | undefined;
  /** Compressed chunks whose inflated text is not checked yet (a secret may be pending). */
  private waiting: Buffer[] = [];
  private failure: Error | undefined;
  private readonly scan = (text: Buffer) => {
    this.scanner.push(text, true);
  };

  constructor(
    coding: string,
    private readonly guard: RelayGuard,
  ) {
    super();
    this.scanner = new SecretScanner(guard.secrets);
    if (!canDecode(coding)) {
      this.failure = new SecretInBodyError(`content coding ${coding} cannot be checked`);
      return;
    }
    this.inflater = new SyncInflater(coding);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.inflater || this.failure) return done(this.failure);
    try {
      this.inflater.write(chunk, this.scan);
    } catch (error) {
      this.failure = error as Error;
    }
    this.waiting.push(chunk);
    this.release(done);
  }

  override _flush(done: TransformCallback): void {
    if (!this.inflater || this.failure) return done(this.failure);
    // A body cut short upstream fails to inflate to its end: the relay fails too.
    try {
      this.inflater.end(this.scan);
    } catch (error) {
      return done(error as Error);
    }
    this.scanner.end();
    this.release(done);
  }

  private release(done: TransformCallback): void {
    if (this.scanner.found > 0) {
      this.guard.onFound('aborted');
      this.waiting = [];
      return done(new SecretInBodyError('a secret of the session was in it'));
    }
    if (this.failure) return done(this.failure);
    if (this.scanner.held === 0) {
      for (const checked of this.waiting) this.push(checked);
      this.waiting = [];
    }
    done();
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.inflater?.close();
    done(error);
  }
}

/**
 * The transforms a relayed body goes through, in order: the relay plan's decoder or encoder
 * (`planRelay`) with the secret check where it can see plain text: after a decoder, before an
 * encoder, alone on a plain or passed-through compressed body.
 */
export function guardedChain(
  body: { coding: string | undefined; guard?: RelayGuard | undefined },
  plan: { transform?: Transform | undefined; contentEncoding?: string | undefined },
): Transform[] {
  const { guard } = body;
  const planned = plan.transform ? [plan.transform] : [];
  if (!guard || guard.secrets.length === 0) return planned;
  if (body.coding === undefined) return [new MaskSecrets(guard), ...planned];
  if (plan.contentEncoding === body.coding) return [new CheckCompressed(body.coding, guard)];
  return [...planned, new MaskSecrets(guard)];
}

/** A web body (not an upstream Node stream, e.g. an answer already read) checked the same way. */
export function maskedWebBody(
  body: ReadableStream<Uint8Array>,
  guard: RelayGuard,
): ReadableStream<Uint8Array> {
  const scanner = new SecretScanner(guard.secrets);
  let reported = false;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const out = scanner.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if (!reported && scanner.found > 0) {
          reported = true;
          guard.onFound('masked');
        }
        if (out.length > 0) controller.enqueue(out);
      },
      flush(controller) {
        const rest = scanner.end();
        if (rest.length > 0) controller.enqueue(rest);
      },
    }),
  );
}
