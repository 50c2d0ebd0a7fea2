import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SessionKey } from './sessionKeys.ts';

/**
 * Sessions at rest in a shared store: AES-256-GCM with a fresh 96-bit nonce per write, the key
 * id and the session id as associated data, so a record only opens under the key that sealed
 * it and for the session it was written for (one copied to another session's key fails). The
 * first key seals; every listed key opens, which is how keys rotate.
 * Sealed form: `<keyId>.<nonce>.<ciphertext>.<tag>`, base64url parts.
 */
const VERSION = 'cci-session-v1';

const associated = (keyId: string, sessionId: string) =>
  Buffer.from(`${VERSION}|${keyId}|${sessionId}`);

export function sealSession(keys: readonly SessionKey[], sessionId: string, text: string): string {
  const current = keys[0];
  if (!current) throw new Error('no session encryption key');
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current.key, nonce);
  cipher.setAAD(associated(current.id, sessionId));
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [current.id, nonce, sealed, cipher.getAuthTag()]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The text, or undefined when no listed key opens it (retired key, tampering, wrong session). */
export function openSession(
  keys: readonly SessionKey[],
  sessionId: string,
  sealed: string,
): string | undefined {
  const [keyId, nonce, data, tag, extra] = sealed.split('.');
  if (!keyId || !nonce || data === undefined || !tag || extra !== undefined) return undefined;
  const key = keys.find((k) => k.id === keyId);
  if (!key) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(associated(keyId, sessionId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const text = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
    return text.toString('utf8');
  } catch {
    return undefined;
  }
}
