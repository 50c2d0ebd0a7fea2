import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createUpstreamClient } from '../upstream/client.ts';
import {
  ALICE,
  DEMO,
  cookieFrom,
  findLeaks,
  startHarness,
  type Harness,
  type Recorded,
} from '../session/testkit.ts';

// Sign-in, session view and sign-out through the real BFF against the real emulator (TLS).

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

const json = (r: Recorded) => JSON.parse(r.body) as Record<string, unknown>;
const password = (extra: Record<string, unknown> = {}) => ({
  region: 'cn-north-4',
  method: 'password',
  domainName: DEMO.domain,
  password: DEMO.password,
  ...extra,
});
const aksk = (extra: Record<string, unknown> = {}) => ({
  region: 'cn-north-4',
  method: 'aksk',
  accessKey: DEMO.ak,
  secretKey: DEMO.sk,
  ...extra,
});
const signIn = (body: unknown, cookie?: string) =>
  h.send('POST', '/api/session', { json: body, cookie });

describe('POST /api/session: success', () => {
  it('A2 signs in with a password (user and project default to domain and region)', async () => {
    const res = await signIn(password());
    expect(res.status).toBe(201);
    expect(json(res)).toMatchObject({
      user: DEMO.user,
      domain: DEMO.domain,
      domainId: h.emulator.directory.domainByName(DEMO.domain)!.id,
      region: 'cn-north-4',
      project: { name: 'cn-north-4' },
      method: 'password',
    });
    const session = await h.send('GET', '/api/session', { cookie: cookieFrom(res) });
    expect(session.status).toBe(200);
    expect(json(session)).toEqual(json(res));
  });

  it('A2 signs in with AK/SK, resolving the project id of the region by name at IAM', async () => {
    const res = await signIn(aksk({ region: 'cn-east-3' }));
    expect(res.status).toBe(201);
    const domain = h.emulator.directory.domainByName(DEMO.domain)!;
    const east3 = h.emulator.directory.projectByName(domain, 'cn-east-3')!;
    expect(json(res)).toMatchObject({
      region: 'cn-east-3',
      project: { id: east3.id, name: 'cn-east-3' },
      domainId: domain.id,
      method: 'aksk',
      user: 'CCID****0001',
    });
    const namespaces = await h.send('GET', '/api/cci/api/v1/namespaces', {
      cookie: cookieFrom(res),
    });
    expect(namespaces.status).toBe(200);
  });

  it('A2 signs in with AK/SK and a project id', async () => {
    const domain = h.emulator.directory.domainByName(DEMO.domain)!;
    const north4 = h.emulator.directory.projectByName(domain, 'cn-north-4')!;
    const res = await signIn(aksk({ projectId: north4.id }));
    expect(res.status).toBe(201);
    expect(json(res)).toMatchObject({ project: { id: north4.id, name: 'cn-north-4' } });
  });

  it('sets a __Host- cookie: HttpOnly, Secure, SameSite=Strict, Path=/, 256-bit id', async () => {
    const res = await signIn(password());
    const setCookie = res.headers['set-cookie'] as string[];
    expect(setCookie).toHaveLength(1);
    const [pair, ...attributes] = (setCookie[0] as string).split('; ');
    const [name, value] = (pair as string).split('=') as [string, string];
    expect(name).toBe('__Host-cci-session');
    expect(Buffer.from(value, 'base64url')).toHaveLength(32);
    expect(attributes.sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict', 'Secure']);
  });

  it('GET /api/session shows who and where, never a token, password, AK or SK', async () => {
    const res = await signIn(aksk());
    const body = (await h.send('GET', '/api/session', { cookie: cookieFrom(res) })).body;
    expect(Object.keys(JSON.parse(body)).sort()).toEqual(
      [
        'domain',
        'domainId',
        'expiresAt',
        'idleTimeoutSeconds',
        'method',
        'project',
        'region',
        'user',
      ].sort(),
    );
    expect(body).not.toContain(DEMO.ak);
    expect(body).not.toContain(DEMO.sk);
  });
});

describe('POST /api/session: failures', () => {
  const failure = async (body: unknown, status: number, messageKey: string) => {
    const res = await signIn(body);
    expect(res.status, res.body).toBe(status);
    const status_ = json(res);
    expect(status_).toMatchObject({ kind: 'Status', status: 'Failure', code: status, messageKey });
    expect(status_['messages']).toEqual({ en: expect.any(String), 'zh-CN': expect.any(String) });
    expect(res.headers['set-cookie']).toBeUndefined();
    return status_;
  };

  it('A2 wrong password or unknown user: 401 signIn.wrongCredentials', async () => {
    await failure(password({ password: 'Wrong@12345' }), 401, 'signIn.wrongCredentials');
    await failure(password({ userName: 'nobody' }), 401, 'signIn.wrongCredentials');
    // Alice exists, but in her own account: the domain name must match.
    await failure(
      password({ userName: ALICE.user, password: ALICE.password }),
      401,
      'signIn.wrongCredentials',
    );
  });

  it('A2 wrong AK or SK: 401 signIn.wrongAccessKey', async () => {
    await failure(aksk({ secretKey: `${DEMO.sk}x` }), 401, 'signIn.wrongAccessKey');
    await failure(aksk({ accessKey: 'UNKNOWNACCESSKEY0001' }), 401, 'signIn.wrongAccessKey');
  });

  it('A2 unknown project: signIn.unknownProject naming it, for password and AK/SK', async () => {
    const a = await failure(password({ projectName: 'cn-north-9' }), 400, 'signIn.unknownProject');
    expect(a['message']).toContain('cn-north-9');
    await failure(aksk({ projectName: 'cn-north-9' }), 400, 'signIn.unknownProject');
    await failure(aksk({ projectId: 'f'.repeat(32) }), 400, 'signIn.unknownProject');
  });

  it('IAM unreachable: 502 naming the IAM endpoint; IAM silent: 504', async () => {
    const down = await failure(password({ region: 'cn-east-2' }), 502, 'iam.unreachable');
    expect(down['message']).toContain(h.closedUrl);
    expect(down['message']).toContain('connection refused');
    const silent = await failure(password({ region: 'cn-southwest-2' }), 504, 'iam.timeout');
    expect(silent['message']).toContain(h.silentUrl);
  });

  it('A5 CCI unreachable after IAM said yes: 502 naming the CCI endpoint', async () => {
    const res = await failure(password({ region: 'cn-south-1' }), 502, 'cci.unreachable');
    expect(res['message']).toContain(h.closedUrl);
  });

  it('A5 CCI answering neither success nor 401/403: 502 signIn.validationFailed', async () => {
    const broken = createServer((_req, res) => res.writeHead(503).end('{}'));
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
    const env = {
      ...h.deps.env,
      regions: h.deps.env.regions.map((r) =>
        r.id === 'cn-north-4' ? { ...r, cciEndpoint: brokenUrl } : r,
      ),
    };
    const upstream = createUpstreamClient({ env });
    try {
      const app = createApp({ ...h.deps, env, upstream });
      const res = await app.request('http://127.0.0.1/api/session', {
        method: 'POST',
        headers: {
          'X-CCI-Console': '1',
          Origin: 'http://127.0.0.1',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(password()),
      });
      expect(res.status).toBe(502);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ messageKey: 'signIn.validationFailed' });
      expect(body['message']).toContain(brokenUrl);
      expect(body['message']).toContain('503');
    } finally {
      upstream.close();
      broken.close();
    }
  });

  it("trusts the emulator's self-signed certificate only through CCI_CA_FILE", async () => {
    const env = { ...h.deps.env, caCertificates: undefined };
    const upstream = createUpstreamClient({ env });
    try {
      const app = createApp({ ...h.deps, env, upstream });
      const res = await app.request('http://127.0.0.1/api/session', {
        method: 'POST',
        headers: {
          'X-CCI-Console': '1',
          Origin: 'http://127.0.0.1',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(password()),
      });
      expect(res.status).toBe(502);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ messageKey: 'iam.unreachable' });
      expect(body['message']).toContain('TLS certificate not trusted');
    } finally {
      upstream.close();
    }
  });

  it('missing and malformed input: 400 naming the fields', async () => {
    const res = await failure(
      { region: 'cn-north-4', method: 'password' },
      400,
      'request.fieldRequired',
    );
    const causes = (res['details'] as { causes: Array<{ field: string }> }).causes;
    expect(causes.map((c) => c.field)).toEqual(['domainName', 'password']);
    await failure({ region: 'mars-1', method: 'aksk' }, 400, 'request.unknownRegion');
    const bad = await h.send('POST', '/api/session', {
      headers: { 'Content-Type': 'application/json' },
      json: undefined,
    });
    expect(json(bad)).toMatchObject({ code: 400, messageKey: 'request.invalidJson' });
  });

  it('a failed sign-in leaves the session the browser already had', async () => {
    const cookie = cookieFrom(await signIn(password()));
    await signIn(password({ password: 'Wrong@12345' }));
    expect((await h.send('GET', '/api/session', { cookie })).status).toBe(200);
  });
});

describe('sign-out and regions', () => {
  it('DELETE /api/session ends the session server-side and clears the cookie', async () => {
    const cookie = cookieFrom(await signIn(password()));
    const id = cookie!.split('=')[1]!;
    expect(await h.store.get(id)).toBeDefined();
    const out = await h.send('DELETE', '/api/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers['set-cookie']?.[0]).toMatch(/^__Host-cci-session=; Max-Age=0;/);
    expect(await h.store.get(id)).toBeUndefined();
    const after = await h.send('GET', '/api/session', { cookie });
    expect(after.status).toBe(401);
    expect(json(after)).toMatchObject({ reason: 'Unauthorized', messageKey: 'session.expired' });
  });

  it('A1 GET /api/regions lists the five regions in both languages, no demo account', async () => {
    const res = json(await h.send('GET', '/api/regions'));
    expect(res['regions']).toContainEqual({
      id: 'cn-north-4',
      name: { en: 'CN North-Beijing4', 'zh-CN': '华北-北京四' },
    });
    expect(res['regions']).toHaveLength(5);
    expect(res['demo']).toBeUndefined();
  });

  it('no response or log line of this run holds a password, token, AK, SK (or id in logs)', () => {
    expect(h.responses.length).toBeGreaterThan(20);
    expect(findLeaks(h)).toEqual([]);
  });
});

describe('demo mode', () => {
  it('GET /api/regions offers the demo account when DEMO_ACCOUNT is set', async () => {
    const demo = { domain: DEMO.domain, user: DEMO.user, password: DEMO.password };
    const d = await startHarness({ DEMO_ACCOUNT: JSON.stringify(demo) });
    try {
      expect(json(await d.send('GET', '/api/regions'))['demo']).toEqual(demo);
    } finally {
      await d.close();
    }
  });
});
