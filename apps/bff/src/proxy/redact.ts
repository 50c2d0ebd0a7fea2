import type { Credentials } from '../session/types.ts';

/** The session's secrets as they could appear in an upstream message. */
export function secretsOf(credentials: Credentials): string[] {
  const values =
    credentials.kind === 'token'
      ? [credentials.token]
      : [credentials.accessKey, credentials.secretKey];
  return values.filter((v) => v.length >= 8);
}

/** Upstream error messages pass through, but never with the session's credentials in them. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

/**
 * The forms a secret can take in a Kubernetes object: as is, URL-encoded (in an annotation
 * holding a URL), and base64 (a Secret's `data`) at each of the three alignments it can start
 * at: the characters that depend on the secret's bytes alone.
 */
export function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    const bytes = Buffer.from(secret, 'utf8');
    for (let offset = 0; offset < 3; offset++) {
      const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
      forms.add(
        encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6)),
      );
    }
  }
  return [...forms];
}

/** Patterns per secret, made once (a relay starts a scanner per answer). */
const patternCache = new Map<string, Buffer[]>();

function patternsOf(secrets: readonly string[]): Buffer[] {
  const key = secrets.join('\n');
  let patterns = patternCache.get(key);
  if (!patterns) {
    if (patternCache.size >= 1024) patternCache.clear();
    patterns = secretForms(secrets)
      .map((s) => Buffer.from(s, 'utf8'))
      // Longest first: a form that contains a shorter one is masked whole.
      .sort((a, b) => b.length - a.length);
    patternCache.set(key, patterns);
  }
  return patterns;
}

/** What a secret in a relayed body becomes: as many `*` as it had bytes (lengths stay true). */
export const MASK_BYTE = 0x2a;
const EMPTY = Buffer.alloc(0);

/**
 * Masks the session's secrets in a body that arrives in chunks cut anywhere, without ever holding
 * the whole body: each chunk is searched with Buffer#indexOf (native, a skip search; tokens are
 * long, so it reads a fraction of the bytes), and only a tail that could be the start of a secret
 * (a suffix equal to a secret's prefix) waits for the next chunk. A JSON document or watch event
 * ends in `}` or a newline, which no secret starts with, so in practice nothing is held back and
 * a watch event is never delayed. A chunk without a secret passes as the same Buffer (no copy);
 * one with a secret is copied before masking (upstream buffers are never written to).
 */
export class SecretScanner {
  private readonly patterns: Buffer[];
  private carry: Buffer = EMPTY;
  /** How many secrets were masked so far. */
  found = 0;

  constructor(secrets: readonly string[]) {
    this.patterns = patternsOf(secrets);
  }

  /** Bytes held back, waiting to see whether a secret continues in the next chunk. */
  get held(): number {
    return this.carry.length;
  }

  /** The held bytes themselves (still held: a terminal may show a short tail meanwhile). */
  get heldBytes(): Buffer {
    return this.carry;
  }

  /**
   * The checked, masked bytes of `chunk` (and of what was held before it) that may go on.
   * `transient`: `chunk` is a view of a buffer that will be overwritten (`SyncInflater`), so a
   * held tail is copied; the returned bytes are then only good until the next write to it.
   */
  push(chunk: Buffer, transient = false): Buffer {
    let data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let copied = data !== chunk;
    for (const pattern of this.patterns) {
      let at = data.indexOf(pattern);
      while (at >= 0) {
        if (!copied) {
          data = Buffer.from(data);
          copied = true;
        }
        data.fill(MASK_BYTE, at, at + pattern.length);
        this.found++;
        at = data.indexOf(pattern, at + pattern.length);
      }
    }
    const hold = this.heldTail(data);
    const tail = hold > 0 ? data.subarray(data.length - hold) : EMPTY;
    this.carry = transient && tail.length > 0 && !copied ? Buffer.from(tail) : tail;
    return hold > 0 ? data.subarray(0, data.length - hold) : data;
  }

  /** The body ended: what was held back was no secret (a whole one would have been found). */
  end(): Buffer {
    const rest = this.carry;
    this.carry = EMPTY;
    return rest;
  }

  /** The length of the longest suffix of `data` that is a proper prefix of some secret. */
  private heldTail(data: Buffer): number {
    let longest = 0;
    for (const pattern of this.patterns) {
      const from = Math.max(data.length - pattern.length + 1, 0);
      // The earliest start in the window is the longest suffix; later ones cannot beat `longest`.
      for (let at = data.indexOf(pattern[0] as number, from); at >= 0;) {
        if (data.length - at <= longest) break;
        const length = data.length - at;
        if (data.compare(pattern, 0, length, at) === 0) {
          longest = length;
          break;
        }
        at = data.indexOf(pattern[0] as number, at + 1);
      }
    }
    return longest;
  }
}

/** Text relayed whole (an SSE event's JSON) with every form of a secret (`secretForms`) masked. */
export function maskSecrets(text: string, forms: readonly string[]): string {
  let out = text;
  for (const secret of forms) {
    // Almost always absent: one native search, no copy.
    if (secret.length > 0 && out.includes(secret))
      out = out.split(secret).join('*'.repeat(secret.length));
  }
  return out;
}
