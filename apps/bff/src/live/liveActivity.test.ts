import { describe, expect, it, vi } from 'vitest';
import type { Session } from '../session/types.ts';
import { LiveActivity, liveIdlePolicy } from './liveActivity.ts';

function store(session: Pick<Session, 'lastSeenAt' | 'expiresAt'> | undefined) {
  const touches: number[] = [];
  return {
    touches,
    sessions: {
      get: async () => session as Session | undefined,
      touch: async (_id: string, at: number) => {
        touches.push(at);
        return session as Session | undefined;
      },
    },
  };
}

const policy = { idleMs: 60_000, sessionIdleMs: 600_000, touchEveryMs: 10_000 };

describe('the live idle policy', () => {
  it('is one setting for follows and terminals, touching the session at most every 60 s', () => {
    expect(liveIdlePolicy({ LIVE_IDLE_SECONDS: 900, SESSION_IDLE_SECONDS: 1800 })).toEqual({
      idleMs: 900_000,
      sessionIdleMs: 1_800_000,
      touchEveryMs: 60_000,
    });
    expect(liveIdlePolicy({ LIVE_IDLE_SECONDS: 5, SESSION_IDLE_SECONDS: 20 }).touchEveryMs).toBe(
      2_000,
    );
  });

  it('counts activity as the session activity, throttled (not once per keystroke)', async () => {
    const clock = { now: 1_000_000 };
    const s = store({ lastSeenAt: clock.now, expiresAt: clock.now + 3_600_000 });
    const a = new LiveActivity({ id: 'x' }, policy, { ...s, now: () => clock.now }, () => {});
    a.seen();
    clock.now += 5_000;
    a.seen();
    clock.now += 6_000;
    a.seen();
    await vi.waitFor(() => expect(s.touches).toEqual([1_000_000, 1_011_000]));
    a.stop();
  });

  it('never revives a session already idle or past its absolute end', async () => {
    const now = 5_000_000;
    for (const gone of [
      { lastSeenAt: now - 600_000, expiresAt: now + 1 },
      { lastSeenAt: now, expiresAt: now },
      undefined,
    ]) {
      const s = store(gone);
      const a = new LiveActivity({ id: 'x' }, policy, { ...s, now: () => now }, () => {});
      a.seen();
      await new Promise((r) => setTimeout(r, 5));
      expect(s.touches).toEqual([]);
    }
  });

  it('calls onIdle once after idleMs without activity; activity postpones it', async () => {
    const s = store(undefined);
    const idle = vi.fn();
    const a = new LiveActivity(
      { id: 'x' },
      { ...policy, idleMs: 60 },
      { ...s, now: Date.now },
      idle,
    );
    a.start();
    await new Promise((r) => setTimeout(r, 40));
    a.seen();
    await new Promise((r) => setTimeout(r, 40));
    expect(idle).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(idle).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 80));
    expect(idle).toHaveBeenCalledTimes(1);
  });
});
