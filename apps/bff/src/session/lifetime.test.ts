import { describe, expect, it } from 'vitest';
import {
  isWellFormedSessionId,
  newSessionId,
  sessionDeadline,
  type SessionPolicy,
} from './lifetime.ts';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const policy: SessionPolicy = { idleMs: 1_800_000, absoluteMs: 43_200_000, tokenMarginMs: 300_000 };

describe('session lifetime', () => {
  it('ends at the absolute lifetime, or earlier at token expiry minus the margin', () => {
    const longToken = { kind: 'token' as const, token: 't', expiresAt: T0 + 86_400_000 };
    const shortToken = { kind: 'token' as const, token: 't', expiresAt: T0 + 3_600_000 };
    const aksk = { kind: 'aksk' as const, accessKey: 'a', secretKey: 's' };
    expect(sessionDeadline(T0, longToken, policy)).toBe(T0 + 43_200_000);
    expect(sessionDeadline(T0, shortToken, policy)).toBe(T0 + 3_300_000);
    expect(sessionDeadline(T0, aksk, policy)).toBe(T0 + 43_200_000);
  });

  it('makes 256-bit base64url ids, each different', () => {
    const ids = new Set(Array.from({ length: 100 }, newSessionId));
    expect(ids.size).toBe(100);
    for (const id of ids) {
      expect(Buffer.from(id, 'base64url')).toHaveLength(32);
      expect(isWellFormedSessionId(id)).toBe(true);
    }
    expect(isWellFormedSessionId('short')).toBe(false);
    expect(isWellFormedSessionId(`${newSessionId().slice(1)};`)).toBe(false);
  });
});
