import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecrets, redactSecrets, SecretScanner, secretForms } from './redact.ts';

const TOKEN = 'MIIEXAMPLEtokenAbc123-_xyz';
const AK = 'CCIDEMOACCESSKEY0001';
const SK = 'CciDemoSecretKey00000000000000000000Demo';

/** The body as the scanner lets it through, fed in the given pieces. */
function scan(secrets: readonly string[], pieces: readonly string[]) {
  const scanner = new SecretScanner(secrets);
  const out: Buffer[] = pieces.map((p) => scanner.push(Buffer.from(p)));
  out.push(scanner.end());
  return { text: Buffer.concat(out).toString(), found: scanner.found };
}

const masked = (text: string, secrets: readonly string[]) =>
  secrets.reduce((t, s) => t.split(s).join('*'.repeat(s.length)), text);

describe('secret scanner for relayed bodies', () => {
  it('masks every secret with as many * as it had bytes, leaving everything else', () => {
    const body = `{"data":{"a":"${TOKEN}","b":"x${AK}y","c":"${SK}${SK}"}}\n`;
    const { text, found } = scan([TOKEN, AK, SK], [body]);
    expect(text).toBe(masked(body, [TOKEN, AK, SK]));
    expect(text).toHaveLength(body.length);
    expect(text).not.toContain(TOKEN);
    expect(found).toBe(4);
  });

  it('catches a secret split at every position between two chunks', () => {
    const body = `{"annotations":{"t":"${TOKEN}"}}`;
    for (let cut = 0; cut <= body.length; cut++) {
      const { text, found } = scan([TOKEN], [body.slice(0, cut), body.slice(cut)]);
      expect(text, `cut at ${cut}`).toBe(masked(body, [TOKEN]));
      expect(found).toBe(1);
    }
  });

  it('catches secrets however the body is cut into chunks (property)', () => {
    const alphabet = fc.constantFrom(...'MIab"{}:\n C0'.split(''));
    const filler = fc.string({ unit: alphabet, maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(filler, fc.constantFrom(TOKEN, AK, SK, 'MII', 'CCID')), {
          maxLength: 6,
        }),
        filler,
        fc.array(fc.nat(), { maxLength: 12 }),
        (parts, tail, cuts) => {
          const body = parts.map(([f, s]) => f + s).join('') + tail;
          const at = [...new Set(cuts.map((c) => c % (body.length + 1)))].sort((a, b) => a - b);
          const pieces = [0, ...at].map((from, i) => body.slice(from, at[i] ?? body.length));
          const { text } = scan([TOKEN, AK, SK], pieces);
          expect(text).toBe(masked(body, [TOKEN, AK, SK]));
        },
      ),
    );
  });

  it('holds back only a tail that could start a secret, so a watch event is never delayed', () => {
    const scanner = new SecretScanner([TOKEN]);
    const event = Buffer.from('{"type":"ADDED","object":{}}\n');
    expect(scanner.push(event)).toBe(event); // the same Buffer: no copy, nothing held
    expect(scanner.held).toBe(0);
    expect(scanner.push(Buffer.from('{"a":"MIIEX')).toString()).toBe('{"a":"');
    expect(scanner.held).toBe(5);
    expect(scanner.push(Buffer.from('AMPLE but not the token')).toString()).toBe(
      'MIIEXAMPLE but not the token',
    );
    expect(scanner.end()).toHaveLength(0);
  });

  it("masks the base64 (a Secret's data, at any alignment) and URL-encoded forms too", () => {
    const token = 'MIIa+b/c=tokenWithBase64Chars0123456789';
    for (const prefix of ['', 'x', 'xy']) {
      const encoded = Buffer.from(`${prefix}${token}!`).toString('base64');
      const { text, found } = scan([token], [`{"data":{"t":"${encoded}"}}`]);
      expect(found).toBe(1);
      const decoded = Buffer.from(text.slice(14, -3).replace(/\*/g, 'A'), 'base64').toString(
        'latin1',
      );
      expect(decoded).not.toContain(token.slice(2, -2));
    }
    expect(scan([token], [`u=${encodeURIComponent(token)}`]).text).not.toContain('tokenWith');
    expect(maskSecrets(`"${token}"`, secretForms([token]))).toBe(`"${'*'.repeat(token.length)}"`);
  });

  it('never writes to the chunks it is given', () => {
    const chunk = Buffer.from(`"${AK}"`);
    const copy = Buffer.from(chunk);
    expect(new SecretScanner([AK]).push(chunk).toString()).toBe(`"${'*'.repeat(AK.length)}"`);
    expect(chunk).toEqual(copy);
  });

  it('redacts secrets in error text', () => {
    expect(redactSecrets(`token ${TOKEN} expired`, [TOKEN])).toBe('token [redacted] expired');
  });
});
