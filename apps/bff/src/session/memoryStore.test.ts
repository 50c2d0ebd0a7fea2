import { afterEach, describe, expect, it } from 'vitest';
import { MemorySessionStore } from './memoryStore.ts';
import { CONTRACT_IDLE_MS, describeSessionStoreContract } from './storeContract.testkit.ts';
import type { Session } from './types.ts';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const IDLE = 60_000;
let now = T0;
const store = new MemorySessionStore({ now: () => now, idleMs: IDLE, sweepIntervalMs: 3_600_000 });

function session(id: string, overrides: Partial<Session> = {}): Session {
  return {
    id,
    region: 'cn-north-4',
    user: { name: 'u' },
    domain: { name: 'd' },
    project: { name: 'cn-north-4', id: 'p' },
    credentials: { kind: 'token', token: 't', expiresAt: T0 + 86_400_000 },
    createdAt: T0,
    lastSeenAt: T0,
    expiresAt: T0 + 3_600_000,
    ...overrides,
  };
}

afterEach(async () => {
  now = T0;
  for (const id of ['a', 'b', 'c']) await store.delete(id);
});

describe('MemorySessionStore', () => {
  it('sweeps sessions past their idle timeout or absolute end, and only those', async () => {
    await store.set(session('a'));
    await store.set(session('b', { lastSeenAt: T0 + 30_000 }));
    await store.set(session('c', { expiresAt: T0 + 40_000 }));
    now = T0 + 45_000;
    expect(store.sweep()).toBe(1); // c ended
    now = T0 + IDLE;
    expect(store.sweep()).toBe(1); // a idle
    expect(await store.get('b')).toBeDefined();
    expect(store.size).toBe(1);
  });

  it('touch updates a live session and never recreates a deleted one', async () => {
    await store.set(session('a'));
    expect((await store.touch('a', T0 + 5))?.lastSeenAt).toBe(T0 + 5);
    await store.delete('a');
    expect(await store.touch('a', T0 + 6)).toBeUndefined();
    expect(await store.get('a')).toBeUndefined();
  });
});

describeSessionStoreContract('memory', async () => {
  const contract = new MemorySessionStore({ now: Date.now, idleMs: CONTRACT_IDLE_MS });
  return { store: contract, close: () => contract.close() };
});
