import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieFrom, DEMO, findLeaks, startHarness, type Harness } from '../session/testkit.ts';
import { openSse } from './testkit.ts';

/**
 * The proxy and the live stream inside the whole BFF (createApp: sessions, CSRF, audit, the
 * real upstream client over TLS) against the emulator.
 */
let h: Harness;
let cookie: string;

beforeAll(async () => {
  h = await startHarness();
  h.emulator.store.put('/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'team' },
  });
  const signedIn = await h.send('POST', '/api/session', {
    json: {
      method: 'password',
      region: 'cn-north-4',
      domainName: DEMO.domain,
      userName: DEMO.user,
      password: DEMO.password,
    },
  });
  expect(signedIn.status).toBe(201);
  cookie = cookieFrom(signedIn) as string;
});

afterAll(async () => {
  await h.close();
});

describe('proxy and live stream in the whole app', () => {
  it('proxies allow-listed calls with the session and refuses the rest', async () => {
    const list = await h.send('GET', '/api/cci/api/v1/namespaces', { cookie });
    expect(list.status).toBe(200);
    expect(
      JSON.parse(list.body).items.map((n: { metadata: { name: string } }) => n.metadata.name),
    ).toContain('team');
    const refused = await h.send('GET', '/api/cci/v3/auth/tokens', { cookie });
    expect(refused.status).toBe(404);
    expect(JSON.parse(refused.body)).toMatchObject({
      kind: 'Status',
      code: 404,
      messageKey: 'proxy.notUsed',
    });
    expect((await h.send('GET', '/api/cci/api/v1/namespaces')).status).toBe(401);
    const noCsrf = await h.send('POST', '/api/cci/api/v1/namespaces/team/configmaps', {
      cookie,
      console: false,
      json: { metadata: { name: 'x' } },
    });
    expect(noCsrf.status).toBe(403);
  });

  it('streams events for objects created through the proxy; subscribing needs the CSRF headers', async () => {
    const tab = await openSse(`${h.origin}/api/stream`, { Cookie: cookie });
    try {
      const path = `/api/stream/${tab.stream}/subscriptions`;
      const body = { resource: 'v1/configmaps', namespace: 'team', id: 'cms' };
      expect((await h.send('POST', path, { cookie, console: false, json: body })).status).toBe(403);
      expect((await h.send('POST', path, { cookie, json: body })).status).toBe(201);
      await tab.waitFor((e) => e.event === 'snapshot' && e.data.subscription === 'cms');
      const created = await h.send('POST', '/api/cci/api/v1/namespaces/team/configmaps', {
        cookie,
        json: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } },
      });
      expect(created.status).toBe(201);
      await tab.waitFor(
        (e) =>
          e.event === 'event' &&
          e.data.eventType === 'ADDED' &&
          e.data.object.metadata.name === 'settings',
      );
    } finally {
      tab.close();
    }
    expect((await h.send('GET', '/api/stream')).status).toBe(401);
  });

  it('A7 leaks no credential in any answer or log line', () => {
    expect(findLeaks(h)).toEqual([]);
  });
});
