import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionId } from './lifetime.ts';
import type { Session, SessionStore } from './types.ts';

/** A store under test, built over the real clock with this idle timeout. */
export interface ContractSubject {
  store: SessionStore;
  close?: () => Promise<void> | void;
}

export const CONTRACT_IDLE_MS = 60_000;

export function contractSession(overrides: Partial<Session> = {}): Session {
  const now = Date.now();
  return {
    id: newSessionId(),
    region: 'cn-north-4',
    user: { name: 'alice', id: 'u-1' },
    domain: { name: 'acme', id: 'd-1' },
    project: { name: 'cn-north-4', id: 'p-1' },
    credentials: { kind: 'token', token: `MII${newSessionId()}`, expiresAt: now + 86_400_000 },
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + 3_600_000,
    ...overrides,
  };
}

/**
 * What every SessionStore does, run against the in-memory store and Redis alike: sign-in,
 * requests, sign-out and the race between them must not depend on which store is configured.
 */
export function describeSessionStoreContract(name: string, make: () => Promise<ContractSubject>) {
  describe(`SessionStore contract: ${name}`, () => {
    let subject: ContractSubject;
    beforeAll(async () => {
      subject = await make();
    });
    afterAll(async () => {
      await subject.close?.();
    });

    it('returns what was set, as it was set (token and AK/SK credentials alike)', async () => {
      const token = contractSession();
      const aksk = contractSession({
        credentials: { kind: 'aksk', accessKey: 'AKEXAMPLE123', secretKey: 'SKEXAMPLE456' },
      });
      await subject.store.set(token);
      await subject.store.set(aksk);
      expect(await subject.store.get(token.id)).toEqual(token);
      expect(await subject.store.get(aksk.id)).toEqual(aksk);
    });

    it('knows nothing of an id never set, and forgets a deleted one', async () => {
      expect(await subject.store.get(newSessionId())).toBeUndefined();
      const s = contractSession();
      await subject.store.set(s);
      await subject.store.delete(s.id);
      expect(await subject.store.get(s.id)).toBeUndefined();
      await subject.store.delete(s.id); // deleting twice is no error
    });

    it('set replaces a session of the same id', async () => {
      const s = contractSession();
      await subject.store.set(s);
      await subject.store.set({ ...s, project: { name: 'other', id: 'p-2' } });
      expect((await subject.store.get(s.id))?.project.id).toBe('p-2');
    });

    it('touch records activity on a live session and returns it', async () => {
      const s = contractSession();
      await subject.store.set(s);
      const at = s.lastSeenAt + 1_000;
      expect(await subject.store.touch(s.id, at)).toEqual({ ...s, lastSeenAt: at });
      expect((await subject.store.get(s.id))?.lastSeenAt).toBe(at);
    });

    it('touch never recreates a deleted session, even racing the delete', async () => {
      const s = contractSession();
      await subject.store.set(s);
      await subject.store.delete(s.id);
      expect(await subject.store.touch(s.id, Date.now())).toBeUndefined();
      expect(await subject.store.get(s.id)).toBeUndefined();
      const raced = contractSession();
      await subject.store.set(raced);
      const touches = Array.from({ length: 20 }, () => subject.store.touch(raced.id, Date.now()));
      await Promise.all([subject.store.delete(raced.id), ...touches]);
      expect(await subject.store.get(raced.id)).toBeUndefined();
    });
  });
}
