import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signInCookie, startHarness, type Harness } from '../session/testkit.ts';
import { END_RECORD_MARK } from './followRelay.ts';

// Container logs through the BFF, black box over HTTP against the emulator (issue #15).

let h: Harness;
const ns = 'logs';
const minutesAgo = (m: number) => new Date(h.emulator.clock.now().getTime() - m * 60_000);

function putPod(name: string, status: Record<string, unknown> = {}) {
  const startedAt = minutesAgo(2).toISOString();
  h.emulator.store.put('/pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, uid: `uid-${name}` },
    spec: { containers: [{ name: 'web', image: 'nginx:alpine' }] },
    status: {
      phase: 'Running',
      startTime: startedAt,
      containerStatuses: [
        { name: 'web', ready: true, restartCount: 0, state: { running: { startedAt } } },
      ],
      ...status,
    },
  });
}

async function setUp(harness: Harness) {
  harness.emulator.store.put('/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns },
  });
}

interface OpenLog {
  status: number;
  headers: Headers;
  text: () => string;
  ended: () => boolean;
  close: () => void;
}

async function openLog(cookie: string, pod: string, query: string, on = h): Promise<OpenLog> {
  const abort = new AbortController();
  const res = await fetch(`${on.origin}/api/logs/namespaces/${ns}/pods/${pod}/log?${query}`, {
    headers: { Cookie: cookie },
    signal: abort.signal,
  });
  let text = '';
  let ended = false;
  const decoder = new TextDecoder();
  void (async () => {
    for await (const chunk of res.body ?? []) text += decoder.decode(chunk, { stream: true });
  })()
    .catch(() => {})
    .finally(() => (ended = true));
  return {
    status: res.status,
    headers: res.headers,
    text: () => text,
    ended: () => ended,
    close: () => abort.abort(),
  };
}

const endOf = (text: string) => {
  const at = text.lastIndexOf(END_RECORD_MARK);
  return at < 0 ? undefined : (JSON.parse(text.slice(at + 1)) as { end: string }).end;
};

beforeAll(async () => {
  h = await startHarness();
  await setUp(h);
  putPod('web-1');
});
afterAll(() => h.close());

describe('GET /api/logs/.../log', () => {
  it('follow: a line written later arrives on the open stream', async () => {
    const cookie = await signInCookie(h);
    const log = await openLog(cookie, 'web-1', 'follow=true&tailLines=1');
    expect(log.status).toBe(200);
    await vi.waitFor(() => expect(log.text().split('\n').length).toBeGreaterThanOrEqual(2));
    const before = log.text().length;
    h.emulator.clock.advance(60_000);
    await vi.waitFor(() => expect(log.text().length).toBeGreaterThan(before));
    expect(log.text()).toMatch(/HTTP\/1\.1" \d{3}/);
    log.close();
  });

  it('an active follow keeps its session from idling out (bytes are activity); an idle session ends', async () => {
    const idleSeconds = h.deps.env.SESSION_IDLE_SECONDS;
    const following = await signInCookie(h);
    const quiet = await signInCookie(h);
    const log = await openLog(following, 'web-1', 'follow=true&tailLines=1');
    await vi.waitFor(() => expect(log.text().length).toBeGreaterThan(0));
    h.clock.now += (idleSeconds - 10) * 1000;
    const before = log.text().length;
    h.emulator.clock.advance(60_000);
    await vi.waitFor(() => expect(log.text().length).toBeGreaterThan(before));
    h.clock.now += (idleSeconds - 10) * 1000;
    const whoAmI = async (cookie: string) =>
      (await h.send('GET', '/api/session', { cookie })).status;
    expect(await whoAmI(following)).toBe(200);
    expect(await whoAmI(quiet)).toBe(401);
    log.close();
  });

  it('the 11th follow of a session is refused with 429 and Retry-After', async () => {
    const cookie = await signInCookie(h);
    const open: OpenLog[] = [];
    try {
      for (let i = 0; i < 10; i++) open.push(await openLog(cookie, 'web-1', 'follow=true'));
      expect(open.map((l) => l.status)).toEqual(Array(10).fill(200));
      const refused = await openLog(cookie, 'web-1', 'follow=true');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      await vi.waitFor(() => expect(refused.ended()).toBe(true));
      expect(JSON.parse(refused.text())).toMatchObject({ messageKey: 'live.capSession' });
    } finally {
      for (const l of open) l.close();
    }
  });

  it('sign-out ends a follow within 1 s, with the reason as its last record', async () => {
    const cookie = await signInCookie(h);
    const log = await openLog(cookie, 'web-1', 'follow=true&tailLines=1');
    await vi.waitFor(() => expect(log.text()).not.toBe(''));
    expect((await h.send('DELETE', '/api/session', { cookie })).status).toBe(204);
    await vi.waitFor(() => expect(log.ended()).toBe(true), { timeout: 1_000 });
    expect(endOf(log.text())).toBe('sessionEnded');
  });

  it('a pod deleted mid-follow ends the stream with podDeleted, not a hang', async () => {
    putPod('doomed');
    const cookie = await signInCookie(h);
    const log = await openLog(cookie, 'doomed', 'follow=true&tailLines=1');
    await vi.waitFor(() => expect(log.text()).not.toBe(''));
    h.emulator.store.remove('/pods', ns, 'doomed');
    await vi.waitFor(() => expect(log.ended()).toBe(true), { timeout: 2_000 });
    expect(endOf(log.text())).toBe('podDeleted');
  });

  it.each([
    ['tailLines=-1', 422, 'tailLines'],
    ['sinceSeconds=0', 422, 'sinceSeconds'],
    ['follow=yes', 422, 'follow'],
    ['container=Web_1', 400, 'container'],
    ['pretty=true', 400, 'pretty'],
    ['follow=true&download=true', 400, 'download'],
  ])('bad parameters are refused before CCI: %s → %i naming the field', async (q, code, field) => {
    const cookie = await signInCookie(h);
    const r = await h.send('GET', `/api/logs/namespaces/${ns}/pods/web-1/log?${q}`, { cookie });
    expect(r.status).toBe(code);
    expect(JSON.parse(r.body)).toMatchObject({ kind: 'Status', details: { causes: [{ field }] } });
  });

  it('previous: the log of the instance before a restart, and CCI saying when there is none', async () => {
    const finishedAt = minutesAgo(1).toISOString();
    putPod('restarted', {
      containerStatuses: [
        {
          name: 'web',
          restartCount: 1,
          state: { running: { startedAt: finishedAt } },
          lastState: {
            terminated: { exitCode: 1, startedAt: minutesAgo(5).toISOString(), finishedAt },
          },
        },
      ],
    });
    const cookie = await signInCookie(h);
    const url = (pod: string, q: string) => `/api/logs/namespaces/${ns}/pods/${pod}/log?${q}`;
    const previous = await h.send('GET', url('restarted', 'previous=true&timestamps=true'), {
      cookie,
    });
    expect(previous.status).toBe(200);
    const stamps = previous.body
      .trim()
      .split('\n')
      .map((l: string) => Date.parse(l.split(' ')[0] ?? ''));
    expect(stamps.length).toBeGreaterThan(1);
    expect(Math.max(...stamps)).toBeLessThanOrEqual(Date.parse(finishedAt));
    const none = await h.send('GET', url('web-1', 'previous=true'), { cookie });
    expect(none.status).toBe(400);
    expect(none.body).toContain('previous terminated container');
  });

  it('download: the whole log as an attachment', async () => {
    const cookie = await signInCookie(h);
    const r = await h.send('GET', `/api/logs/namespaces/${ns}/pods/web-1/log?download=true`, {
      cookie,
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="web-1.log"');
    expect(r.body.split('\n').length).toBeGreaterThan(10);
  });

  it('no session: 401, nothing asked upstream', async () => {
    const r = await h.send('GET', `/api/logs/namespaces/${ns}/pods/web-1/log`);
    expect(r.status).toBe(401);
  });
});

describe('the limits of a follow', () => {
  let small: Harness;
  beforeAll(async () => {
    small = await startHarness({ LOG_FOLLOW_MAX_BYTES: '300', LIVE_IDLE_SECONDS: '1' });
    await setUp(small);
  });
  afterAll(() => small.close());

  it('ends at the byte cap with byteCap, and after the idle timeout with idle', async () => {
    const saved = h;
    h = small;
    try {
      putPod('chatty');
      const cookie = await signInCookie(small);
      const capped = await openLog(cookie, 'chatty', 'follow=true', small);
      await vi.waitFor(() => expect(capped.ended()).toBe(true));
      const body = capped.text();
      expect(endOf(body)).toBe('byteCap');
      expect(
        Buffer.byteLength(body.slice(0, body.lastIndexOf(END_RECORD_MARK))),
      ).toBeLessThanOrEqual(301);
      const quiet = await openLog(cookie, 'chatty', 'follow=true&tailLines=0', small);
      await vi.waitFor(() => expect(quiet.ended()).toBe(true), { timeout: 3_000 });
      expect(endOf(quiet.text())).toBe('idle');
    } finally {
      h = saved;
    }
  });
});
