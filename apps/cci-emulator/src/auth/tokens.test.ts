import { describe, expect, it } from 'vitest';
import type { Identity } from './directory.ts';
import { createTokenService } from './tokens.ts';

const SECRET = Buffer.alloc(32, 7);
const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

const identity: Identity = {
  userId: '1'.repeat(32),
  userName: 'cci-demo',
  domainId: '2'.repeat(32),
  domainName: 'cci-demo',
  projectId: '3'.repeat(32),
  projectName: 'cn-north-4',
  method: 'password',
};

function clock(start = T0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('token service', () => {
  it('issues IAM-looking tokens that verify to the identity', () => {
    const c = clock();
    const tokens = createTokenService({ secret: SECRET, now: c.now });
    const issued = tokens.issue(identity);
    expect(issued.token).toMatch(/^MII[A-Za-z0-9_-]+$/);
    expect(issued.issuedAt.getTime()).toBe(T0);
    expect(issued.expiresAt.getTime()).toBe(T0 + 86_400_000);
    expect(tokens.verify(issued.token)).toEqual(identity);
    expect(tokens.issue(identity).token).not.toBe(issued.token);
  });

  it('A7 never carries the password or secret', () => {
    const tokens = createTokenService({ secret: SECRET, now: () => T0 });
    const { token } = tokens.issue(identity);
    const decoded = Buffer.from(token.slice(3), 'base64url').toString('latin1');
    expect(decoded).toContain('cci-demo');
    expect(decoded).not.toContain('Demo@12345');
    expect(decoded).not.toContain(SECRET.toString('latin1'));
  });

  it('expires after the lifetime', () => {
    const c = clock();
    const tokens = createTokenService({ secret: SECRET, lifetimeSeconds: 60, now: c.now });
    const { token } = tokens.issue(identity);
    c.advance(59_999);
    expect(tokens.verify(token)).toEqual(identity);
    c.advance(1);
    expect(tokens.verify(token)).toEqual({ error: 'expired' });
  });

  it('rejects tampered, truncated and foreign tokens', () => {
    const tokens = createTokenService({ secret: SECRET, now: () => T0 });
    const { token } = tokens.issue(identity);
    const i = 20;
    const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    expect(tokens.verify(flipped)).toEqual({ error: 'invalid' });
    expect(tokens.verify(token.slice(0, -4))).toEqual({ error: 'invalid' });
    expect(tokens.verify(`${token}=`)).toEqual({ error: 'invalid' });
    expect(tokens.verify('MIIsomething')).toEqual({ error: 'invalid' });
    expect(tokens.verify('')).toEqual({ error: 'invalid' });

    const other = createTokenService({ secret: Buffer.alloc(32, 8), now: () => T0 });
    expect(other.verify(token)).toEqual({ error: 'invalid' });
  });

  it('rejects a payload re-signed with a different identity', () => {
    const tokens = createTokenService({ secret: SECRET, now: () => T0 });
    const { token } = tokens.issue(identity);
    const bytes = Buffer.from(token.slice(3), 'base64url');
    const forged = Buffer.from(
      bytes.toString('latin1').replace('cn-north-4', 'cn-east-3'),
      'latin1',
    );
    expect(tokens.verify(`MII${forged.toString('base64url')}`)).toEqual({ error: 'invalid' });
  });

  it('survives a restart that keeps the secret', () => {
    const { token } = createTokenService({ secret: SECRET, now: () => T0 }).issue(identity);
    const restarted = createTokenService({ secret: Buffer.from(SECRET), now: () => T0 + 1000 });
    expect(restarted.verify(token)).toEqual(identity);
  });

  it('A3 revoking a user stops its existing tokens at once, later logins work', () => {
    const c = clock();
    const tokens = createTokenService({ secret: SECRET, now: c.now });
    const before = tokens.issue(identity).token;
    const otherUser = tokens.issue({ ...identity, userId: '4'.repeat(32) }).token;
    c.advance(10);
    tokens.revokeUser(identity.userId);
    expect(tokens.verify(before)).toEqual({ error: 'revoked' });
    expect(tokens.verify(otherUser)).toEqual({ ...identity, userId: '4'.repeat(32) });
    c.advance(10);
    expect(tokens.verify(tokens.issue(identity).token)).toEqual(identity);
  });

  it('A3 revocations can be handed to a restarted service', () => {
    const c = clock();
    const tokens = createTokenService({ secret: SECRET, now: c.now });
    const { token } = tokens.issue(identity);
    c.advance(5);
    tokens.revokeUser(identity.userId);
    const restarted = createTokenService({
      secret: SECRET,
      now: c.now,
      revocations: tokens.revocations(),
    });
    expect(restarted.verify(token)).toEqual({ error: 'revoked' });
  });

  it('refuses a short secret', () => {
    expect(() => createTokenService({ secret: Buffer.alloc(8) })).toThrow(/32 bytes/);
  });
});
