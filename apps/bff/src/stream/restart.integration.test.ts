import { startEmulator, type Emulator } from '@cci/emulator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStreamHub, streamRoutes } from '../routes/stream.ts';
import {
  httpUpstream,
  memorySessions,
  mountForTest,
  serveForTest,
  testDeps,
  testSession,
} from '../proxy/testkit.ts';
import { openSse, type SseEvent } from './testkit.ts';

/**
 * The emulator goes away and comes back on the same data dir and port; objects written while
 * the BFF could not reach it (by another emulator on that data dir) must still reach the tab,
 * through a `reset` snapshot or events: nothing is silently lost.
 */
const dirs: string[] = [];
const cleanup: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bff-restart-'));
  dirs.push(dir);
  return dir;
}

async function startBffOn(emulator: Emulator, token: string) {
  const session = testSession(token);
  const sessions = memorySessions(session);
  const deps = testDeps(httpUpstream(emulator.url), sessions);
  const hub = createStreamHub(deps, { backoffBaseMs: 50, backoffMaxMs: 300 });
  const bff = await serveForTest(
    mountForTest('/api/stream', streamRoutes(deps, hub), sessions, session.id),
  );
  cleanup.push(async () => {
    hub.close();
    await bff.close();
  });
  const tab = await openSse(`${bff.url}/api/stream`);
  cleanup.push(async () => tab.close());
  const res = await fetch(`${bff.url}/api/stream/${tab.stream}/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ resource: 'v1/configmaps', namespace: 'ns1' }),
  });
  const { id: sub } = (await res.json()) as { id: string };
  await tab.waitFor((e) => e.event === 'snapshot');
  return { tab, sub };
}

async function createConfigMap(emulator: Emulator, token: string, name: string): Promise<void> {
  const res = await fetch(`${emulator.url}/api/v1/namespaces/ns1/configmaps`, {
    method: 'POST',
    headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } }),
  });
  expect(res.status).toBe(201);
}

/** Replays what the tab received into the set of names it believes exist. */
function namesSeen(events: SseEvent[], sub: string): Set<string> {
  const names = new Set<string>();
  for (const e of events) {
    if (e.data?.subscription !== sub) continue;
    if (e.event === 'snapshot' || e.event === 'reset') {
      names.clear();
      for (const item of e.data.items as { metadata: { name: string } }[])
        names.add(item.metadata.name);
    } else if (e.event === 'event') {
      if (e.data.eventType === 'DELETED') names.delete(e.data.object.metadata.name);
      else names.add(e.data.object.metadata.name);
    }
  }
  return names;
}

describe('live stream across an emulator restart', () => {
  it('resumes or resets after the upstream comes back, losing nothing written meanwhile', async () => {
    const dataDir = freshDataDir();
    let emulator = await startEmulator({ tls: false, controllers: [], dataDir });
    const port = emulator.port;
    const token = emulator.issueToken();
    emulator.store.put('/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'ns1' },
    });
    const { tab, sub } = await startBffOn(emulator, token);
    await createConfigMap(emulator, token, 'before');
    await expect.poll(() => namesSeen(tab.events, sub).has('before')).toBe(true);

    await emulator.close();
    // Another emulator on the same data dir (elsewhere) writes while the BFF cannot connect.
    const meanwhile = await startEmulator({ tls: false, controllers: [], dataDir });
    await createConfigMap(meanwhile, token, 'during-1');
    await createConfigMap(meanwhile, token, 'during-2');
    await meanwhile.close();

    emulator = await startEmulator({ tls: false, controllers: [], dataDir, port });
    const restarted = emulator;
    cleanup.push(() => restarted.close());
    await expect
      .poll(() => [...namesSeen(tab.events, sub)].sort(), { timeout: 15_000 })
      .toEqual(['before', 'during-1', 'during-2']);
    // The BFF's resourceVersion predates the writes, so CCI answered 410 and the tab got a reset.
    expect(tab.events.some((e) => e.event === 'reset' && e.data.subscription === sub)).toBe(true);

    // And the stream is live again afterwards.
    await createConfigMap(emulator, token, 'after');
    await expect
      .poll(() => namesSeen(tab.events, sub).has('after'), { timeout: 10_000 })
      .toBe(true);
    expect(emulator.store.watcherCount()).toBe(1);
  });

  it('resumes the watch from its resourceVersion when nothing changed during the outage', async () => {
    const dataDir = freshDataDir();
    let emulator = await startEmulator({ tls: false, controllers: [], dataDir });
    const port = emulator.port;
    const token = emulator.issueToken();
    emulator.store.put('/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'ns1' },
    });
    const { tab, sub } = await startBffOn(emulator, token);
    await emulator.close();
    emulator = await startEmulator({ tls: false, controllers: [], dataDir, port });
    const restarted = emulator;
    cleanup.push(() => restarted.close());
    await expect.poll(() => restarted.store.watcherCount(), { timeout: 10_000 }).toBe(1);
    await createConfigMap(emulator, token, 'after');
    await expect
      .poll(() => namesSeen(tab.events, sub).has('after'), { timeout: 10_000 })
      .toBe(true);
    expect(tab.events.filter((e) => e.event === 'reset')).toEqual([]);
  });
});
