import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSession, sealSession } from './sessionCipher.ts';
import { parseSessionKeys, type SessionKey } from './sessionKeys.ts';

const key = (id: string): SessionKey => ({ id, key: randomBytes(32) });
const [k1, k2] = [key('k1'), key('k2')];
const SECRET = 'MIItoken-secret-value';

describe('session cipher (AES-256-GCM at rest)', () => {
  it('seals with the first key so the secret is not in the record, and opens it again', () => {
    const sealed = sealSession([k2, k1], 'sid', SECRET);
    expect(sealed.startsWith('k2.')).toBe(true);
    expect(sealed).not.toContain(SECRET);
    expect(Buffer.from(sealed.split('.')[2] ?? '', 'base64url').toString()).not.toContain(SECRET);
    expect(openSession([k2, k1], 'sid', sealed)).toBe(SECRET);
  });

  it('rotation: a record sealed by an older key still opens while that key is listed, not after', () => {
    const old = sealSession([k1], 'sid', SECRET);
    expect(openSession([k2, k1], 'sid', old)).toBe(SECRET);
    expect(openSession([k2], 'sid', old)).toBeUndefined();
  });

  it('binds the record to its session id and key id (associated data), and detects tampering', () => {
    const sealed = sealSession([k1], 'sid', SECRET);
    expect(openSession([k1], 'other', sealed)).toBeUndefined();
    const renamed = sealed.replace(/^k1\./, 'k2.');
    expect(openSession([{ id: 'k2', key: k1.key }, k1], 'sid', renamed)).toBeUndefined();
    const parts = sealed.split('.');
    const data = Buffer.from(parts[2] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    parts[2] = data.toString('base64url');
    expect(openSession([k1], 'sid', parts.join('.'))).toBeUndefined();
    expect(openSession([k1], 'sid', 'garbage')).toBeUndefined();
  });

  it('parses SESSION_ENCRYPTION_KEYS and names a bad entry without quoting its key', () => {
    const b64 = randomBytes(32).toString('base64');
    expect(parseSessionKeys(`new:${b64}, old:${b64}`).map((k) => k.id)).toEqual(['new', 'old']);
    const short = randomBytes(16).toString('base64');
    expect(() => parseSessionKeys(`a:${b64},b:${short}`)).toThrow(/entry 2 \("b"\).*32 bytes/);
    try {
      parseSessionKeys(`a:${b64},b:${short}`);
    } catch (error) {
      expect(String(error)).not.toContain(short);
    }
    expect(() => parseSessionKeys(b64)).toThrow(/entry 1 must be "id:base64key"/);
    expect(() => parseSessionKeys(`a:${b64},a:${b64}`)).toThrow(/same id twice/);
  });
});
