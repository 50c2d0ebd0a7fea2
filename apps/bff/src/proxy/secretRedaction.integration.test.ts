import { gunzipSync, inflateRawSync, constants } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  DEMO,
  findLeaks,
  signInCookie,
  startHarness,
  type Harness,
} from '../session/testkit.ts';
import { openSse } from '../stream/testkit.ts';
import { rawExchange, watchUntil } from './rawExchange.testkit.ts';

// Black box, as an attacker with a session would try it: objects holding the session's own
// credentials, read back through the proxy, never show them.

let h: Harness;
let cookie: string;
let token: string;
const mask = (secret: string) => '*'.repeat(secret.length);
const cm = (ns: string, name: string, data: Record<string, string>, annotations = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { namespace: ns, name, annotations },
  data,
});
/** Filler ConfigMaps: a list of the namespace passes 128 KiB, so CCI (the emulator) gzips it. */
const fill = (ns: string) => {
  for (let i = 0; i < 4; i++)
    h.emulator.store.put('/configmaps', cm(ns, `fill-${i}`, { x: 'f'.repeat(40_000) }));
};
const direct = (path: string, headers: Record<string, string> = {}) =>
  rawExchange(
    h.emulator.url,
    path,
    { 'X-Auth-Token': token, ...headers },
    h.emulator.caCertificate,
  );
const viaBff = (path: string, headers: Record<string, string> = {}) =>
  rawExchange(h.origin, `/api/cci${path}`, { Cookie: cookie, ...headers });
const secretLogs = () =>
  h.logs.filter((l) => l['msg'] === 'secret of the session in an upstream answer');

beforeAll(async () => {
  h = await startHarness();
  cookie = await signInCookie(h);
  token = [...h.secrets].find(([, label]) => label === 'IAM token')?.[0] as string;
  expect(token.length).toBeGreaterThan(20);
  for (const name of ['leak', 'bigleak', 'clean']) {
    h.emulator.store.put('/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name },
    });
  }
  h.emulator.store.put(
    '/configmaps',
    cm('leak', 'holder', { token, note: 'kept' }, { copy: token }),
  );
  // Over 1 KiB, so the BFF compresses the list for a browser taking gzip.
  h.emulator.store.put('/configmaps', cm('leak', 'pad', { pad: 'p'.repeat(2_000) }));
  fill('bigleak');
  h.emulator.store.put('/configmaps', cm('bigleak', 'holder', { token }));
  fill('clean');
});
afterAll(() => h.close());

describe('secrets of the session in relayed success bodies', () => {
  it('a GET of an object holding the token arrives with it masked, every other byte as upstream', async () => {
    const path = '/api/v1/namespaces/leak/configmaps/holder';
    const [upstream, relayed] = [await direct(path), await viaBff(path)];
    expect(relayed.status).toBe(200);
    expect(upstream.body.toString()).toContain(token);
    expect(relayed.body.toString()).toBe(upstream.body.toString().split(token).join(mask(token)));
    const object = JSON.parse(relayed.body.toString()) as ReturnType<typeof cm>;
    expect(object.data).toEqual({ token: mask(token), note: 'kept' });
    expect(object.metadata.annotations).toEqual({ copy: mask(token) });
    expect(secretLogs().at(-1)).toMatchObject({ outcome: 'masked', user: DEMO.user });
  });

  it('a list the BFF compresses itself is masked before it is compressed', async () => {
    const relayed = await viaBff('/api/v1/namespaces/leak/configmaps', {
      'Accept-Encoding': 'gzip',
    });
    expect(relayed.headers['content-encoding']).toBe('gzip');
    const text = gunzipSync(relayed.body).toString();
    expect(text).not.toContain(token);
    expect(text).toContain(`"token":"${mask(token)}"`);
  });

  it('a watch event carrying the token arrives masked', async () => {
    const seen = watchUntil(
      h.origin,
      '/api/cci/api/v1/namespaces/leak/configmaps?watch=true',
      cookie,
      'later',
    );
    await new Promise((r) => setTimeout(r, 200));
    h.emulator.store.put('/configmaps', cm('leak', 'later', { token }));
    const text = await seen;
    expect(text).toContain('"name":"later"');
    expect(text).toContain(`"token":"${mask(token)}"`);
    expect(text).not.toContain(token);
  });

  it('a gzip list over 128 KiB holding the token is cut short: the browser gets an aborted body, never the token', async () => {
    const path = '/api/v1/namespaces/bigleak/configmaps';
    const upstream = await direct(path, { 'Accept-Encoding': 'gzip' });
    expect(upstream.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(upstream.body).toString()).toContain(token);
    const relayed = await viaBff(path, { 'Accept-Encoding': 'gzip' });
    expect(relayed.status).toBe(200);
    expect(relayed.headers['content-encoding']).toBe('gzip');
    expect(relayed.aborted).toBe(true);
    expect(relayed.body.length).toBeLessThan(upstream.body.length);
    // Whatever arrived before the cut inflates to text without the token (nor its beginning).
    const partial = relayed.body.length > 10 ? relayed.body.subarray(10) : Buffer.alloc(0);
    const text = inflateRawSync(partial, { finishFlush: constants.Z_SYNC_FLUSH }).toString();
    expect(text).not.toContain(token.slice(0, 8));
    expect(secretLogs().at(-1)).toMatchObject({ outcome: 'aborted', path });
  });

  it('the same list to a client without gzip arrives whole, masked', async () => {
    const relayed = await viaBff('/api/v1/namespaces/bigleak/configmaps');
    expect(relayed.aborted).toBe(false);
    expect(relayed.headers['content-encoding']).toBeUndefined();
    const list = JSON.parse(relayed.body.toString()) as { items: ReturnType<typeof cm>[] };
    expect(list.items.find((i) => i.metadata.name === 'holder')?.data).toEqual({
      token: mask(token),
    });
  });

  it('a body without secrets is relayed byte for byte, plain and gzip', async () => {
    const path = '/api/v1/namespaces/clean/configmaps';
    for (const coding of ['identity', 'gzip']) {
      const headers = { 'Accept-Encoding': coding };
      const [upstream, relayed] = [await direct(path, headers), await viaBff(path, headers)];
      expect(relayed.aborted).toBe(false);
      expect(relayed.headers['content-encoding']).toBe(coding === 'gzip' ? 'gzip' : undefined);
      expect(upstream.headers['content-encoding']).toBe(relayed.headers['content-encoding']);
      expect(relayed.body.equals(upstream.body)).toBe(true);
      const plain = coding === 'gzip' ? gunzipSync(relayed.body) : relayed.body;
      expect(plain.length).toBeGreaterThan(128 * 1024);
    }
  });

  it('the live stream (SSE) masks the token in snapshots and events', async () => {
    const tab = await openSse(`${h.origin}/api/stream`, { Cookie: cookie });
    try {
      const path = `/api/stream/${tab.stream}/subscriptions`;
      const body = { resource: 'v1/configmaps', namespace: 'leak', id: 'cms' };
      expect((await h.send('POST', path, { cookie, json: body })).status).toBe(201);
      const snapshot = await tab.waitFor((e) => e.event === 'snapshot');
      const holder = (snapshot.data.items as ReturnType<typeof cm>[]).find(
        (i) => i.metadata.name === 'holder',
      );
      expect(holder?.data).toEqual({ token: mask(token), note: 'kept' });
      h.emulator.store.put('/configmaps', cm('leak', 'streamed', { token }));
      const event = await tab.waitFor((e) => e.data.object?.metadata?.name === 'streamed');
      expect(event.data.object.data).toEqual({ token: mask(token) });
      expect(JSON.stringify(tab.events)).not.toContain(token);
    } finally {
      tab.close();
    }
  });

  it('AK and SK of an AK/SK session are masked too, and nothing leaks into answers or logs', async () => {
    const signIn = await h.send('POST', '/api/session', {
      json: { region: 'cn-north-4', method: 'aksk', accessKey: DEMO.ak, secretKey: DEMO.sk },
    });
    const akCookie = cookieFrom(signIn) as string;
    h.emulator.store.put('/configmaps', cm('leak', 'keys', { ak: DEMO.ak, sk: `x${DEMO.sk}x` }));
    const res = await h.send('GET', '/api/cci/api/v1/namespaces/leak/configmaps/keys', {
      cookie: akCookie,
    });
    expect(res.status).toBe(200);
    expect((JSON.parse(res.body) as ReturnType<typeof cm>).data).toEqual({
      ak: mask(DEMO.ak),
      sk: `x${mask(DEMO.sk)}x`,
    });
    expect(findLeaks(h)).toEqual([]);
  });
});
