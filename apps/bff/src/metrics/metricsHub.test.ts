import { afterEach, describe, expect, it } from 'vitest';
import { MemorySessionStore } from '../session/memoryStore.ts';
import { exposition, fakeSession, fakeTransport, podObject } from './metrics.testkit.ts';
import { MetricsHub, type MetricsHubOptions } from './metricsHub.ts';
import { podFacts } from './podTarget.ts';
import { podResponse } from './responses.ts';

const options: MetricsHubOptions = {
  intervalMs: 15_000,
  timeoutMs: 1000,
  maxBodyBytes: 1 << 20,
  maxConcurrentScrapes: 2,
  lingerMs: 60_000,
  historyMs: 3_600_000,
  maxPods: 100,
};
const facts = (name = 'web', uid?: string) =>
  podFacts(podObject(name, uid ? { uid } : {}), { namespace: 'ns1', name });

const stores: MemorySessionStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

async function setup(sessionIds = ['alice', 'bob'], projectOf = (_id: string) => 'p1') {
  const clock = { now: 1_000_000 };
  const sessions = new MemorySessionStore({ now: () => clock.now, idleMs: 1_800_000 });
  stores.push(sessions);
  const list = sessionIds.map((id) => fakeSession(id, projectOf(id), clock.now));
  for (const s of list) await sessions.set(s);
  const transport = fakeTransport();
  const hub = new MetricsHub(
    { sessions, transport, now: () => clock.now, sessionIdleMs: 1_800_000, log: () => {} },
    options,
  );
  return { clock, sessions, transport, hub, list };
}

describe('MetricsHub: one shared scrape per pod', () => {
  it('two sessions looking at the same pod at once cause one scrape and share one history', async () => {
    const { hub, transport, list, clock } = await setup();
    const [alice, bob] = list as [ReturnType<typeof fakeSession>, ReturnType<typeof fakeSession>];
    transport.hold = true;
    const views = Promise.all([hub.view(alice, facts()), hub.view(bob, facts())]);
    while (transport.calls.length === 0) await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r)); // bob's look arrives while the scrape runs
    transport.release();
    const [a, b] = await views;
    expect(transport.calls).toHaveLength(1);
    expect(a).toBe(b);
    transport.hold = false;
    // Within the interval nobody causes another scrape, however often they look.
    clock.now += 5_000;
    await hub.view(alice, facts());
    await hub.view(bob, facts());
    await hub.tick();
    expect(transport.calls).toHaveLength(1);
    clock.now += 10_000;
    await hub.tick();
    await hub.view(bob, facts());
    expect(transport.calls).toHaveLength(2);
  });

  it('keeps projects apart: the same namespace/pod name in another project is another pod', async () => {
    const { hub, transport, list } = await setup(['alice', 'carol'], (id) =>
      id === 'carol' ? 'p2' : 'p1',
    );
    await hub.view(list[0]!, facts());
    await hub.view(list[1]!, facts());
    expect(transport.calls.map((c) => c.session)).toEqual(['alice', 'carol']);
    expect(hub.size).toBe(2);
  });

  it('scrapes in the background while someone looks, stops after the linger time', async () => {
    const { hub, transport, list, clock } = await setup(['alice']);
    await hub.view(list[0]!, facts());
    for (let i = 0; i < 4; i++) {
      clock.now += 15_000;
      await hub.tick();
    }
    expect(transport.calls).toHaveLength(5); // 0 s, then 15, 30, 45, 60 s: within the 60 s linger
    clock.now += 15_000;
    await hub.tick();
    expect(transport.calls).toHaveLength(5);
    clock.now += 3_600_000;
    await hub.tick();
    expect(hub.size).toBe(0); // history of a pod nobody looked at for an hour is freed
  });

  it('borrows only live sessions: after the viewer signed out nothing is scraped', async () => {
    const { hub, transport, list, clock, sessions } = await setup(['alice']);
    await hub.view(list[0]!, facts());
    await sessions.delete('alice');
    clock.now += 15_000;
    await hub.tick();
    expect(transport.calls).toHaveLength(1);
  });

  it('bounds the scrapes in flight however many pods are looked at', async () => {
    const { hub, transport, list } = await setup(['alice']);
    transport.hold = true;
    const views = Promise.all(
      Array.from({ length: 7 }, (_, i) => hub.view(list[0]!, facts(`pod-${i}`))),
    );
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setImmediate(r));
      transport.release();
    }
    await views;
    expect(transport.calls).toHaveLength(7);
    expect(transport.maxInFlight).toBe(2);
  });

  it('forgets the history of a recreated pod (same name, new uid)', async () => {
    const { hub, transport, list, clock } = await setup(['alice']);
    transport.answers = [
      () => new Response(exposition({ cpuSeconds: 1, timestampMs: 0 })),
      () => new Response(exposition({ cpuSeconds: 4, timestampMs: 15_000 })),
      () => new Response(exposition({ cpuSeconds: 7, timestampMs: 30_000 })),
    ];
    await hub.view(list[0]!, facts());
    clock.now += 15_000;
    const before = await hub.view(list[0]!, facts());
    expect(before.history.points('cpu_cores', 'app', 0)).toEqual([[clock.now, 0.2]]);
    clock.now += 15_000;
    const after = await hub.view(list[0]!, facts('web', 'another-uid'));
    expect(after.history.points('cpu_cores', 'app', 0)).toEqual([]);
  });

  it('reports a failing exporter as state error with the reason, keeping older points', async () => {
    const { hub, transport, list, clock } = await setup(['alice']);
    transport.answers = [
      () => new Response(exposition({ cpuSeconds: 1, workingSet: 5 })),
      () => new Response('refused', { status: 503 }),
    ];
    await hub.view(list[0]!, facts());
    clock.now += 15_000;
    const entry = await hub.view(list[0]!, facts());
    const body = podResponse(entry, 900, 15, clock.now);
    expect(body.state).toBe('error');
    expect(body.message).toMatch(/HTTP 503/);
    expect(body.series.find((s) => s.metric === 'memory_working_set_bytes')?.points).toHaveLength(
      1,
    );
    expect(body.limits).toEqual({
      app: { cpuCores: 0.5, memoryBytes: 2 ** 30 },
      side: { cpuCores: 0.25, memoryBytes: 256 * 2 ** 20 },
    });
  });

  it("stops borrowing a viewer's credentials once CCI refuses them (403), trying the next viewer", async () => {
    const { hub, transport, list, clock } = await setup();
    await hub.view(list[1]!, facts()); // bob
    clock.now += 1;
    await hub.view(list[0]!, facts()); // alice: now the most recent viewer
    transport.answers = [
      () => new Response('forbidden', { status: 403 }),
      () => new Response(exposition({ cpuSeconds: 2 })),
    ];
    clock.now += 15_000;
    await hub.tick();
    expect(transport.calls.map((c) => c.session)).toEqual(['bob', 'alice', 'bob']);
    const entry = await hub.view(list[1]!, facts());
    expect(entry.lastError).toBeUndefined();
    expect([...entry.viewers.keys()]).toEqual(['bob']);
  });
});
