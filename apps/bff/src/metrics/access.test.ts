import { describe, expect, it } from 'vitest';
import { UpstreamUnauthorized } from '../status.ts';
import { PodAccess } from './access.ts';
import { fakeSession, fakeUpstream, json, podObject } from './metrics.testkit.ts';

describe('PodAccess: each session reads the pod with its own credentials', () => {
  it('asks once per session and TTL, and again after the TTL', async () => {
    const clock = { now: 0 };
    const upstream = fakeUpstream(() => json(podObject('web')));
    const access = new PodAccess(upstream, () => clock.now, 10_000, 1000);
    const alice = fakeSession('alice');
    const bob = fakeSession('bob');
    await access.pod(alice, 'ns1', 'web');
    await access.pod(alice, 'ns1', 'web');
    await access.pod(bob, 'ns1', 'web'); // bob's answer is never alice's
    expect(upstream.requests.map((r) => r.session)).toEqual(['alice', 'bob']);
    clock.now += 10_000;
    await access.pod(alice, 'ns1', 'web');
    expect(upstream.requests).toHaveLength(3);
  });

  it('answers 403/404 as Status errors (cached briefly too), 401 as an ended session', async () => {
    const codes: Record<string, number> = { alice: 403, bob: 404, carol: 401 };
    const upstream = fakeUpstream((s) => json({ kind: 'Status' }, codes[s.id]));
    const access = new PodAccess(upstream, () => 0, 10_000, 1000);
    await expect(access.pod(fakeSession('alice'), 'ns1', 'web')).rejects.toMatchObject({
      status: 403,
    });
    await expect(access.pod(fakeSession('alice'), 'ns1', 'web')).rejects.toMatchObject({
      status: 403,
    });
    await expect(access.pods(fakeSession('bob'), 'ns1')).rejects.toMatchObject({ status: 404 });
    await expect(access.pod(fakeSession('carol'), 'ns1', 'web')).rejects.toBeInstanceOf(
      UpstreamUnauthorized,
    );
    await expect(access.pod(fakeSession('carol'), 'ns1', 'web')).rejects.toBeInstanceOf(
      UpstreamUnauthorized,
    );
    expect(upstream.requests.map((r) => r.session)).toEqual(['alice', 'bob', 'carol', 'carol']);
  });
});
