import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemorySessionStore } from '../session/memoryStore.ts';
import type { Session } from '../session/types.ts';
import { endingLiveConnections, LiveConnections, type EndReason } from './liveConnections.ts';

const clock = { now: 1_000_000 };
const idleMs = 60_000;

function session(id: string, user = 'alice'): Session {
  return {
    id,
    region: 'cn-north-4',
    user: { name: user },
    domain: { name: 'acme' },
    project: { name: 'cn-north-4', id: 'p1' },
    credentials: { kind: 'token', token: 'x'.repeat(32), expiresAt: clock.now + 3_600_000 },
    createdAt: clock.now,
    lastSeenAt: clock.now,
    expiresAt: clock.now + 3_600_000,
  };
}

function setup(limits: Partial<LiveConnections['limits']> = {}) {
  const store = new MemorySessionStore({ now: () => clock.now, idleMs });
  const live = new LiveConnections(
    { sessions: store, now: () => clock.now, idleMs },
    {
      perSession: { stream: 2, watch: 3, log: 1, exec: 1 },
      perUser: 5,
      retryAfterSeconds: 7,
      sweepMs: 1_000,
      ...limits,
    },
  );
  const sessions = endingLiveConnections(store, live);
  const closed: [string, EndReason][] = [];
  const open = (s: Session, kind: 'stream' | 'watch' | 'log' | 'exec', label: string) =>
    live.register(s, kind, (reason) => closed.push([label, reason]));
  return { store, live, sessions, closed, open };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('live connections', () => {
  it('caps connections per session and kind, then per user across sessions', async () => {
    const { open } = setup();
    const a = session('a');
    const b = session('b');
    for (const i of [1, 2, 3]) expect((await open(a, 'watch', `w${i}`)).ok).toBe(true);
    expect(await open(a, 'watch', 'w4')).toEqual({
      ok: false,
      scope: 'session',
      limit: 3,
      retryAfterSeconds: 7,
    });
    expect((await open(a, 'stream', 's1')).ok).toBe(true); // another kind has its own cap
    expect((await open(b, 'watch', 'b1')).ok).toBe(true); // 5th of the user
    expect(await open(b, 'watch', 'b2')).toMatchObject({ ok: false, scope: 'user', limit: 5 });
    expect((await open(session('c', 'bob'), 'watch', 'bob')).ok).toBe(true); // another user
  });

  it('a released connection frees its place', async () => {
    const { open } = setup();
    const a = session('a');
    const first = await open(a, 'log', 'l1');
    expect((await open(a, 'log', 'l2')).ok).toBe(false);
    if (first.ok) first.release();
    expect((await open(a, 'log', 'l3')).ok).toBe(true);
  });

  it("deleting a session (sign-out, CCI 401) closes that session's connections at once, no one else's", async () => {
    const { store, sessions, open, closed, live } = setup();
    const a = session('a');
    const b = session('b');
    await store.set(a);
    await store.set(b);
    await open(a, 'stream', 'a-stream');
    await open(a, 'watch', 'a-watch');
    await open(b, 'watch', 'b-watch');
    await sessions.delete('a');
    expect(closed).toEqual([
      ['a-stream', 'signed-out'],
      ['a-watch', 'signed-out'],
    ]);
    expect(live.count({ sessionId: 'a' })).toBe(0);
    expect(live.count()).toBe(1);
  });

  it('an idle or absolute expiry closes connections within one sweep, and the sweep stops when none are left', async () => {
    vi.useFakeTimers();
    const { store, open, closed, live } = setup();
    const a = session('a');
    const b = session('b');
    await store.set(a);
    await store.set({ ...b, lastSeenAt: clock.now + 30_000 });
    await open(a, 'exec', 'a-exec');
    await open(b, 'exec', 'b-exec');
    clock.now += idleMs; // a is now idle too long; b was seen 30 s later
    await vi.advanceTimersByTimeAsync(1_000);
    expect(closed).toEqual([['a-exec', 'expired']]);
    clock.now += 30_000;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(closed).toEqual([
      ['a-exec', 'expired'],
      ['b-exec', 'expired'],
    ]);
    expect(live.count()).toBe(0);
    expect(vi.getTimerCount()).toBe(1); // only the store's own sweep is left
    store.close();
  });

  it('closeAll ends everything on shutdown', async () => {
    const { open, live, closed } = setup();
    await open(session('a'), 'stream', 'x');
    await open(session('b', 'bob'), 'log', 'y');
    live.closeAll();
    expect(closed.map(([, r]) => r)).toEqual(['shutdown', 'shutdown']);
  });
});
