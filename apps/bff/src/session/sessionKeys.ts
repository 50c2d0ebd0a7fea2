/** One AES-256-GCM key for sessions at rest, named so a sealed record says which key sealed it. */
export interface SessionKey {
  id: string;
  key: Buffer;
}

/**
 * SESSION_ENCRYPTION_KEYS: "id:base64key" entries separated by commas, first one encrypting.
 * Errors name the entry by position and id, never by its key.
 */
export function parseSessionKeys(raw: string): SessionKey[] {
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const keys = entries.map((entry, index) => {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    const where = `SESSION_ENCRYPTION_KEYS entry ${index + 1}`;
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      throw new Error(
        `invalid BFF configuration: ${where} must be "id:base64key" with an id of letters, digits, "_" or "-"`,
      );
    }
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== 32) {
      throw new Error(
        `invalid BFF configuration: ${where} ("${id}") must be 32 bytes in base64 (it decodes to ${key.length}); make one with \`openssl rand -base64 32\``,
      );
    }
    return { id, key };
  });
  const ids = new Set(keys.map((k) => k.id));
  if (ids.size !== keys.length) {
    throw new Error('invalid BFF configuration: SESSION_ENCRYPTION_KEYS has the same id twice');
  }
  return keys;
}
