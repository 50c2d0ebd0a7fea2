import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markPodRunning } from '../exporters/pods.testkit.ts';
import {
  namespaceManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';

const ns = 'logs-test';
const base = `/api/v1/namespaces/${ns}/pods`;
const STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z /;
let t: TestEmulator;

function pod(name: string, containers: { name: string; image: string }[]) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers } };
}

async function runningPod(
  name: string,
  containers = [{ name: 'container-0', image: 'nginx:alpine' }],
) {
  expect((await t.api.post(base, pod(name, containers))).status).toBe(201);
  await markPodRunning(t.api, ns, {
    name,
    containers: containers.map((c) => c.name),
    startedAt: t.emulator.clock.now(),
  });
}

const logText = async (name: string, query = '') => {
  const r = await t.api.get(`${base}/${name}/log${query ? `?${query}` : ''}`);
  return r;
};
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

/** Reads a streaming response in the background; `until` waits for enough of it. */
function streamReader(body: ReadableStream<Uint8Array>) {
  let text = '';
  let done = false;
  const decoder = new TextDecoder();
  const pumping = (async () => {
    for await (const chunk of body) text += decoder.decode(chunk, { stream: true });
    done = true;
  })().catch(() => {
    done = true;
  });
  return {
    get text() {
      return text;
    },
    get done() {
      return done;
    },
    async until(ok: () => boolean, what: string) {
      const deadline = Date.now() + 3000;
      while (!ok()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got:\n${text}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    pumping,
  };
}

beforeAll(async () => {
  t = await startTestEmulator({ controllers: [] });
  await t.api.post('/api/v1/namespaces', namespaceManifest(ns));
  await runningPod('nginx');
  await runningPod('multi', [
    { name: 'web', image: 'nginx:alpine' },
    { name: 'cache', image: 'redis' },
  ]);
  await t.advance(120_000);
});
afterAll(() => t.close());

describe('GET pods/{name}/log', () => {
  it('returns nginx start-up and access lines that accrue with emulator time', async () => {
    const first = await logText('nginx');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/plain');
    expect(first.text).toMatch(/^\/docker-entrypoint\.sh: /);
    const access = lines(first.text).filter((l) => / HTTP\/1\.1" \d{3} \d+ /.test(l));
    expect(access.length).toBeGreaterThanOrEqual(22);
    expect(access.length).toBeLessThanOrEqual(25);
    await t.advance(30_000);
    const later = await logText('nginx');
    expect(later.text.startsWith(first.text)).toBe(true);
    expect(lines(later.text).length - lines(first.text).length).toBeGreaterThanOrEqual(5);
  });

  it('container: required for a multi-container pod, defaulted for a single one, checked', async () => {
    const missing = await logText('multi');
    expect(missing.status).toBe(400);
    expect((missing.body as { message: string }).message).toBe(
      'a container name must be specified for pod multi, choose one of: [web cache]',
    );
    const cache = await logText('multi', 'container=cache');
    expect(cache.status).toBe(200);
    expect(cache.text).toMatch(/Redis is starting/);
    const wrong = await logText('multi', 'container=nope');
    expect(wrong.status).toBe(400);
    expect((wrong.body as { message: string }).message).toBe(
      'container nope is not valid for pod multi',
    );
  });

  it('tailLines returns the last lines only; a negative value is invalid', async () => {
    const all = lines((await logText('nginx')).text);
    expect(lines((await logText('nginx', 'tailLines=2')).text)).toEqual(all.slice(-2));
    expect((await logText('nginx', 'tailLines=0')).text).toBe('');
    const bad = await logText('nginx', 'tailLines=-1');
    expect(bad.status).toBe(422);
    expect((bad.body as { message: string }).message).toBe(
      'PodLogOptions "nginx" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('timestamps=true prefixes each line with its RFC3339Nano time', async () => {
    const plain = lines((await logText('nginx')).text);
    const stamped = lines((await logText('nginx', 'timestamps=true')).text);
    expect(stamped).toHaveLength(plain.length);
    stamped.forEach((l, i) => {
      expect(l).toMatch(STAMP);
      expect(l.replace(STAMP, '')).toBe(plain[i]);
    });
  });

  it('sinceSeconds and sinceTime keep the lines of the last seconds only', async () => {
    const now = t.emulator.clock.now().getTime();
    const recent = lines((await logText('nginx', 'sinceSeconds=20&timestamps=true')).text);
    expect(recent.length).toBeGreaterThanOrEqual(3);
    expect(recent.length).toBeLessThanOrEqual(5);
    for (const l of recent)
      expect(Date.parse(l.split(' ')[0] as string)).toBeGreaterThanOrEqual(now - 20_000);
    const since = new Date(now - 20_000).toISOString();
    expect(lines((await logText('nginx', `sinceTime=${since}&timestamps=true`)).text)).toEqual(
      recent,
    );
  });

  it('limitBytes cuts the output at that many bytes', async () => {
    const r = await logText('nginx', 'limitBytes=100');
    expect(Buffer.byteLength(r.text)).toBe(100);
    expect((await logText('nginx')).text.startsWith(r.text)).toBe(true);
  });

  it('previous=true: 400 without a terminated instance, else the previous instance log', async () => {
    const none = await logText('nginx', 'previous=true');
    expect(none.status).toBe(400);
    expect((none.body as { message: string }).message).toBe(
      'previous terminated container "container-0" in pod "nginx" not found',
    );
    await runningPod('restarted');
    const now = t.emulator.clock.now().getTime();
    const r = await t.api.patch(
      `${base}/restarted/status`,
      {
        status: {
          containerStatuses: [
            {
              name: 'container-0',
              restartCount: 1,
              state: { running: { startedAt: new Date(now).toISOString() } },
              lastState: {
                terminated: {
                  exitCode: 137,
                  reason: 'Error',
                  startedAt: new Date(now - 60_000).toISOString(),
                  finishedAt: new Date(now - 1_000).toISOString(),
                },
              },
            },
          ],
        },
      },
      'application/merge-patch+json',
    );
    expect(r.status).toBe(200);
    await t.advance(30_000);
    const previous = lines((await logText('restarted', 'previous=true&timestamps=true')).text);
    expect(previous.length).toBeGreaterThan(10);
    for (const l of previous) expect(Date.parse(l.split(' ')[0] as string)).toBeLessThan(now);
    const current = lines((await logText('restarted', 'timestamps=true')).text);
    for (const l of current)
      expect(Date.parse(l.split(' ')[0] as string)).toBeGreaterThanOrEqual(now);
  });

  it('a pod whose container has not started: 400 waiting to start: ContainerCreating', async () => {
    await t.api.post(base, pod('pending', [{ name: 'container-0', image: 'nginx' }]));
    const r = await logText('pending');
    expect(r.status).toBe(400);
    expect((r.body as { message: string }).message).toBe(
      'container "container-0" in pod "pending" is waiting to start: ContainerCreating',
    );
    expect((await logText('absent')).status).toBe(404);
  });

  it('follow=true streams new lines as emulator time passes and ends when the pod goes', async () => {
    await runningPod('followed');
    // Start-up lines come within 100 ms; access lines one per 5 s with a per-pod jitter.
    await t.advance(100);
    const watchersBefore = t.emulator.store.watcherCount();
    const res = await fetch(`${t.emulator.url}${base}/followed/log?follow=true`, {
      headers: { Authorization: `Bearer ${t.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain');
    const stream = streamReader(res.body as ReadableStream<Uint8Array>);
    await stream.until(() => /Configuration complete/.test(stream.text), 'start-up lines');
    const access = () => lines(stream.text).filter((l) => l.includes('HTTP/1.1')).length;
    expect(access()).toBeLessThanOrEqual(1);
    await t.advance(30_000);
    await stream.until(() => access() >= 6, 'six access lines after 30 s');
    expect(access()).toBeLessThanOrEqual(7);
    expect(t.emulator.store.watcherCount()).toBe(watchersBefore + 1);
    expect((await t.api.delete(`${base}/followed`)).status).toBe(200);
    await stream.until(() => stream.done, 'the end of the stream');
    expect(t.emulator.store.watcherCount()).toBe(watchersBefore);
  });

  it('follow=true stops (timers and watch released) when the client disconnects', async () => {
    const watchersBefore = t.emulator.store.watcherCount();
    const timersBefore = t.emulator.clock.pendingTimers();
    const abort = new AbortController();
    const res = await fetch(`${t.emulator.url}${base}/nginx/log?follow=true&tailLines=1`, {
      headers: { Authorization: `Bearer ${t.token}` },
      signal: abort.signal,
    });
    const stream = streamReader(res.body as ReadableStream<Uint8Array>);
    await stream.until(() => lines(stream.text).length === 1, 'the tail line');
    expect(t.emulator.clock.pendingTimers()).toBe(timersBefore + 1);
    abort.abort();
    await stream.pumping;
    const deadline = Date.now() + 3000;
    while (t.emulator.store.watcherCount() !== watchersBefore && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    expect(t.emulator.store.watcherCount()).toBe(watchersBefore);
    expect(t.emulator.clock.pendingTimers()).toBe(timersBefore);
  });
});
