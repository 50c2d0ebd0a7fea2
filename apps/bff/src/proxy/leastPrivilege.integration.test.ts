import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInCookie, startHarness, type Harness } from '../session/testkit.ts';

// Least privilege through HTTP, as an attacker holding a valid session would try it.

let h: Harness;
let cookie: string;
const secrets = '/api/cci/api/v1/namespaces/priv/secrets';

beforeAll(async () => {
  h = await startHarness();
  cookie = await signInCookie(h);
  // CCI namespaces need a flavor and a Network; the store takes a bare one for this test.
  h.emulator.store.put('/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'priv' },
  });
  for (const name of ['one', 'two']) {
    const created = await h.send('POST', secrets, {
      cookie,
      json: { apiVersion: 'v1', kind: 'Secret', metadata: { name }, stringData: { k: 'v' } },
    });
    expect(created.status).toBe(201);
  }
});
afterAll(() => h.close());

describe('the proxy refuses what the console never does', () => {
  it('a DELETE on a whole collection is refused and deletes nothing', async () => {
    const res = await h.send('DELETE', secrets, { cookie });
    expect(res.status).toBe(405);
    expect(JSON.parse(res.body)).toMatchObject({ messageKey: 'proxy.deleteCollectionRefused' });
    const list = await h.send('GET', secrets, { cookie });
    expect((JSON.parse(list.body) as { items: unknown[] }).items).toHaveLength(2);
  });

  it('the pod proxy is closed to the browser, whatever the port', async () => {
    for (const port of ['6443', '19100']) {
      const res = await h.send(
        'GET',
        `/api/cci/api/v1/namespaces/priv/pods/web:${port}/proxy/metrics`,
        { cookie },
      );
      expect(res.status, port).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ messageKey: 'proxy.subresourceNotUsed' });
    }
  });

  it('status and log subresources are refused; scale stays open', async () => {
    const status = await h.send('GET', '/api/cci/api/v1/namespaces/priv/status', { cookie });
    expect(status.status).toBe(403);
    const log = await h.send('GET', '/api/cci/api/v1/namespaces/priv/pods/web/log', { cookie });
    expect(log.status).toBe(403);
    const scale = await h.send(
      'GET',
      '/api/cci/apis/apps/v1/namespaces/priv/deployments/none/scale',
      { cookie },
    );
    expect(scale.status).toBe(404); // forwarded: CCI answers that the Deployment does not exist
  });
});
