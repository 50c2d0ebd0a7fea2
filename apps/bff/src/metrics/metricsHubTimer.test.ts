import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseEnv } from '../env.ts';
import { metricsRoutes } from '../routes/metrics.ts';
import { MemorySessionStore } from '../session/memoryStore.ts';
import { fakeSession, fakeTransport, fakeUpstream, podObject } from './metrics.testkit.ts';
import { MetricsHub } from './metricsHub.ts';
import { podFacts } from './podTarget.ts';
import { createMetricsServices } from './wiring.ts';

/**
 * The hub's round timer runs only while a pod is looked at: it starts with the first view, stops
 * after the linger time, and a one-shot timer frees the histories when they expire. Fake timers
 * drive both the timers and the hub's clock (Date.now).
 */
const INTERVAL = 15_000;
const LINGER = 60_000;
const HISTORY = 600_000;

let hub: MetricsHub;
let sessions: MemorySessionStore;

beforeEach(() => {
  // The store's own sweep timer is created first, on real timers, so it is not counted below.
  sessions = new MemorySessionStore({ now: () => Date.now(), idleMs: 3_600_000 });
  vi.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') });
});

afterEach(() => {
  hub.close();
  sessions.close();
  vi.useRealTimers();
});

async function setup(tickMs: number | null = 1000) {
  const transport = fakeTransport();
  hub = new MetricsHub(
    { sessions, transport, now: () => Date.now(), sessionIdleMs: 3_600_000, log: () => {} },
    {
      intervalMs: INTERVAL,
      timeoutMs: 1000,
      maxBodyBytes: 1 << 20,
      maxConcurrentScrapes: 2,
      lingerMs: LINGER,
      historyMs: HISTORY,
      maxPods: 10,
      ...(tickMs === null ? {} : { tickMs }),
    },
  );
  const alice = fakeSession('alice', 'p1', Date.now());
  await sessions.set(alice);
  const view = (name = 'web') =>
    hub.view(alice, podFacts(podObject(name), { namespace: 'ns1', name }));
  return { transport, view };
}

describe('MetricsHub round timer (lazy)', () => {
  it('starts no timer before any pod is looked at', async () => {
    await setup();
    expect(hub.ticking).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts with the first view and scrapes every interval while the pod is looked at', async () => {
    const { transport, view } = await setup();
    await view();
    expect(hub.ticking).toBe(true);
    expect(transport.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(INTERVAL * 2);
    expect(transport.calls).toHaveLength(3);
  });

  it('stops after the linger time, frees the history when it expires, and then holds no timer', async () => {
    const { transport, view } = await setup();
    await view();
    await vi.advanceTimersByTimeAsync(LINGER + 2000);
    expect(hub.ticking).toBe(false);
    const calls = transport.calls.length;
    expect(calls).toBe(1 + LINGER / INTERVAL);
    expect(hub.size).toBe(1); // kept for someone coming back
    expect(vi.getTimerCount()).toBe(1); // only the one-shot prune
    await vi.advanceTimersByTimeAsync(HISTORY);
    expect(hub.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(transport.calls).toHaveLength(calls);
  });

  it('a look after the rounds stopped starts them again and drops the pending prune', async () => {
    const { transport, view } = await setup();
    await view('a');
    await vi.advanceTimersByTimeAsync(LINGER + 2000);
    expect(hub.ticking).toBe(false);
    await view('a');
    expect(hub.ticking).toBe(true);
    expect(vi.getTimerCount()).toBe(1);
    const calls = transport.calls.length;
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(transport.calls.length).toBe(calls + 1);
  });

  it('close() ends every timer', async () => {
    const { view } = await setup();
    await view();
    hub.close();
    expect(hub.ticking).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('without tickMs the hub never starts a timer (the caller ticks)', async () => {
    const { view } = await setup(null);
    await view();
    await hub.tick();
    expect(hub.ticking).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the app wiring starts rounds lazily and ends them when the server shuts down', async () => {
    const shutdown = new AbortController();
    const deps = {
      env: parseEnv({ CCI_REGION_CN_NORTH_4_CCI_ENDPOINT: 'https://127.0.0.1:1' }),
      sessions,
      upstream: fakeUpstream(() => new Response('unused', { status: 500 })),
      log: () => {},
      now: () => Date.now(),
      shutdown: shutdown.signal,
    };
    const services = createMetricsServices(deps, { transport: fakeTransport() });
    hub = services.hub;
    metricsRoutes(deps, services);
    expect(vi.getTimerCount()).toBe(0); // createApp no longer starts a timer
    const alice = fakeSession('alice', 'p1', Date.now());
    await sessions.set(alice);
    await hub.view(alice, podFacts(podObject('web'), { namespace: 'ns1', name: 'web' }));
    expect(hub.ticking).toBe(true);
    shutdown.abort();
    expect(hub.ticking).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
