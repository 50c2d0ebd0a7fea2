import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signInCookie, startHarness, type Harness } from '../session/testkit.ts';

// Live connections end with their session and are capped, black box through the real BFF.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.emulator.store.put('/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'live' },
  });
});
afterAll(() => h.close());

const signIn = () => signInCookie(h);

interface OpenWatch {
  status: number;
  headers: IncomingMessage['headers'];
  text: () => string;
  ended: () => boolean;
  close: () => void;
}

/** Opens a proxied watch and resolves once its answer's headers are in. */
function watch(
  cookie: string,
  path = '/api/cci/api/v1/namespaces/live/configmaps?watch=true',
): Promise<OpenWatch> {
  return new Promise((resolve, reject) => {
    const req = request(`${h.origin}${path}`, { headers: { Cookie: cookie } }, (res) => {
      let text = '';
      let ended = false;
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => (ended = true));
      res.on('error', () => (ended = true));
      res.on('close', () => (ended = true));
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        text: () => text,
        ended: () => ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const configMap = (name: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'live' },
  data: { k: 'v' },
});

describe('live connections of a session', () => {
  it('sign-out ends a quiet proxied watch at once, and nothing created later arrives on it', async () => {
    const cookie = await signIn();
    const w = await watch(cookie);
    expect(w.status).toBe(200);
    h.emulator.store.put('/configmaps', configMap('before'));
    await vi.waitFor(() => expect(w.text()).toContain('"before"'));
    expect((await h.send('DELETE', '/api/session', { cookie })).status).toBe(204);
    await vi.waitFor(() => expect(w.ended()).toBe(true), { timeout: 1_000 });
    h.emulator.store.put('/configmaps', configMap('after'));
    await new Promise((r) => setTimeout(r, 200));
    expect(w.text()).not.toContain('"after"');
  });

  it('sign-out ends the SSE stream at once with an end event, not at the next heartbeat', async () => {
    const cookie = await signIn();
    const stream = await watch(cookie, '/api/stream');
    expect(stream.status).toBe(200);
    await vi.waitFor(() => expect(stream.text()).toContain('event: ready'));
    expect((await h.send('DELETE', '/api/session', { cookie })).status).toBe(204);
    await vi.waitFor(
      () => {
        expect(stream.text()).toContain('event: end');
        expect(stream.ended()).toBe(true);
      },
      { timeout: 1_000 },
    );
  });

  it('the 21st watch of a session and the 61st of a user are refused with 429 and Retry-After', async () => {
    const sessions = [await signIn(), await signIn(), await signIn(), await signIn()];
    const open: OpenWatch[] = [];
    try {
      for (let i = 0; i < 20; i++) open.push(await watch(sessions[0] as string));
      expect(open.every((w) => w.status === 200)).toBe(true);
      const refused = await watch(sessions[0] as string);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.parse(refused.text() || (await settle(refused)))).toMatchObject({
        code: 429,
        messageKey: 'live.capSession',
      });
      for (const cookie of sessions.slice(1, 3)) {
        for (let i = 0; i < 20; i++) open.push(await watch(cookie));
      }
      expect(open).toHaveLength(60);
      const overUser = await watch(sessions[3] as string);
      expect(overUser.status).toBe(429);
      expect(JSON.parse(await settle(overUser))).toMatchObject({ messageKey: 'live.capUser' });
      // A closed watch frees its place.
      open.pop()?.close();
      await new Promise((r) => setTimeout(r, 300));
      const again = await watch(sessions[3] as string);
      again.close();
      expect(again.status).toBe(200);
    } finally {
      for (const w of open) w.close();
    }
  });

  it('headers of a quiet watch arrive at once, before any event', async () => {
    const cookie = await signIn();
    // No Service exists in the namespace: nothing to replay, no event to carry the head out.
    const w = await watch(cookie, '/api/cci/api/v1/namespaces/live/services?watch=true');
    expect(w.status).toBe(200);
    expect(w.text()).toBe('');
    w.close();
  });
});

describe('the lifetime of a proxied watch', () => {
  let short: Harness;
  beforeAll(async () => {
    short = await startHarness({ WATCH_MAX_SECONDS: '2' });
    short.emulator.store.put('/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'live' },
    });
  });
  afterAll(() => short.close());

  it('ends by itself after WATCH_MAX_SECONDS, as the API server ends one at timeoutSeconds', async () => {
    const saved = h;
    h = short;
    try {
      const cookie = await signIn();
      const w = await watch(
        cookie,
        '/api/cci/api/v1/namespaces/live/configmaps?watch=true&timeoutSeconds=600',
      );
      expect(w.status).toBe(200);
      await vi.waitFor(() => expect(w.ended()).toBe(true), { timeout: 10_000 });
    } finally {
      h = saved;
    }
  });
});

async function settle(w: OpenWatch): Promise<string> {
  await vi.waitFor(() => expect(w.ended()).toBe(true));
  return w.text();
}
