import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * A user's stored secret: a clear `password` (convenient for demos) or a `passwordHash` made by
 * `hashPassword`, so a users file need not hold passwords in clear text (A7).
 */
export interface StoredPassword {
  password?: string;
  passwordHash?: string;
}

const SCRYPT_PREFIX = 'scrypt';
const SCRYPT_KEY_LENGTH = 32;
const HASH_PATTERN = /^scrypt:([A-Za-z0-9_-]{16,}):([A-Za-z0-9_-]{43})$/;

/** Hash a password for a users file: `scrypt:<salt base64url>:<hash base64url>`. */
export function hashPassword(password: string, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(password, salt, SCRYPT_KEY_LENGTH);
  return `${SCRYPT_PREFIX}:${salt.toString('base64url')}:${hash.toString('base64url')}`;
}

export function isPasswordHash(value: string): boolean {
  return HASH_PATTERN.test(value);
}

/**
 * Constant-time check of a candidate password. Both sides are reduced to fixed-length digests
 * first, so neither the stored password's length nor the position of the first differing
 * character shows in the timing.
 */
export function passwordMatches(stored: StoredPassword, candidate: string): boolean {
  if (stored.passwordHash !== undefined) {
    const match = HASH_PATTERN.exec(stored.passwordHash);
    if (!match) return false;
    const salt = Buffer.from(match[1] ?? '', 'base64url');
    const expected = Buffer.from(match[2] ?? '', 'base64url');
    const actual = scryptSync(candidate, salt, SCRYPT_KEY_LENGTH);
    return timingSafeEqual(expected, actual);
  }
  if (stored.password === undefined) return false;
  return timingSafeEqual(sha256(stored.password), sha256(candidate));
}

/** Spend the same work as a real comparison when the user does not exist (no user probing). */
export function burnPasswordCheck(candidate: string): void {
  passwordMatches({ password: '\u0000no-such-user' }, candidate);
}

/** Constant-time equality of two strings of possibly different length. */
export function constantTimeEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
