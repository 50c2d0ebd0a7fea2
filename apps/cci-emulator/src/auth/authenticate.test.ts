import { describe, expect, it } from 'vitest';
import { signRequest } from '@cci/hwcloud-auth';
import type { AuthRequest } from './authenticate.ts';
import { authenticate } from './authenticate.ts';
import type { Identity } from './directory.ts';
import { createUserDirectory } from './directory.ts';
import { createTokenService } from './tokens.ts';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, defaultDemoUsers } from './users.ts';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const users = defaultDemoUsers('cn-north-4');
const domain = users.domains[0]!;
const user = domain.users[0]!;
const [north4, east3] = [users.projects[0]!, users.projects.find((p) => p.name === 'cn-east-3')!];
const identity: Identity = {
  userId: user.id,
  userName: user.name,
  domainId: domain.id,
  domainName: domain.name,
  projectId: east3.id,
  projectName: east3.name,
  method: 'password',
};

function setup(now = () => T0) {
  const tokens = createTokenService({ secret: Buffer.alloc(32, 3), now });
  return { directory: createUserDirectory(users), tokens, now };
}

function request(headers: AuthRequest['headers'], body = ''): AuthRequest {
  return {
    method: 'GET',
    path: '/api/v1/namespaces/demo/pods',
    rawQuery: 'limit=500',
    headers,
    body: new TextEncoder().encode(body),
  };
}

function signed(
  overrides: { headers?: Record<string, string>; body?: string; sk?: string; ak?: string } = {},
): AuthRequest {
  const body = overrides.body ?? '{"kind":"Pod"}';
  const base = {
    method: 'POST',
    path: '/api/v1/namespaces/demo/pods',
    rawQuery: 'fieldManager=kubectl&dryRun=All',
    headers: { host: '127.0.0.1:6443', 'content-type': 'application/json', ...overrides.headers },
    body,
  };
  const added = signRequest(base, {
    ak: overrides.ak ?? DEMO_ACCESS_KEY,
    sk: overrides.sk ?? DEMO_SECRET_KEY,
    now: () => T0,
  });
  return {
    ...base,
    headers: { ...base.headers, ...lower(added) },
    body: new TextEncoder().encode(body),
  };
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function reasonOf(result: ReturnType<typeof authenticate>): string {
  return result.ok ? '(ok)' : result.reason;
}

describe('authenticate by token', () => {
  it('accepts X-Auth-Token', () => {
    const d = setup();
    const { token } = d.tokens.issue(identity);
    expect(authenticate(request({ 'x-auth-token': token }), d)).toEqual({ ok: true, identity });
  });

  it('accepts Authorization: Bearer (kubectl)', () => {
    const d = setup();
    const { token } = d.tokens.issue(identity);
    expect(authenticate(request({ authorization: `Bearer ${token}` }), d)).toEqual({
      ok: true,
      identity,
    });
  });

  it('rejects missing, unknown-scheme, tampered and expired tokens', () => {
    let now = T0;
    const d = setup(() => now);
    const { token } = d.tokens.issue(identity);
    expect(reasonOf(authenticate(request({}), d))).toMatch(/no credentials/);
    expect(reasonOf(authenticate(request({ authorization: 'Basic eDp5' }), d))).toMatch(
      /unsupported/,
    );
    expect(reasonOf(authenticate(request({ 'x-auth-token': `${token}x` }), d))).toBe(
      'invalid token',
    );
    now += 86_400_000;
    expect(reasonOf(authenticate(request({ authorization: `Bearer ${token}` }), d))).toMatch(
      /expired/,
    );
  });

  it('A3 rejects a revoked user at once', () => {
    let now = T0;
    const d = setup(() => now);
    const { token } = d.tokens.issue(identity);
    now += 1;
    d.tokens.revokeUser(identity.userId);
    expect(reasonOf(authenticate(request({ 'x-auth-token': token }), d))).toMatch(/revoked/);
  });

  it('A3 rejects the token of a user removed from the users file', () => {
    const d = setup();
    const { token } = d.tokens.issue(identity);
    const withoutUser = defaultDemoUsers('cn-north-4');
    withoutUser.domains[0]!.users = [{ name: 'other', id: 'e'.repeat(32), password: 'x' }];
    withoutUser.domains[0]!.accessKeys = [];
    const result = authenticate(request({ 'x-auth-token': token }), {
      ...d,
      directory: createUserDirectory(withoutUser),
    });
    expect(reasonOf(result)).toMatch(/no longer exists/);
  });

  it('rejects two X-Auth-Token values', () => {
    const d = setup();
    const { token } = d.tokens.issue(identity);
    expect(authenticate(request({ 'x-auth-token': [token, token] }), d).ok).toBe(false);
  });
});

describe('authenticate by AK/SK', () => {
  it('accepts our own signature, defaulting to the domain first project', () => {
    const result = authenticate(signed(), setup());
    expect(result).toEqual({
      ok: true,
      identity: { ...identity, projectId: north4.id, projectName: north4.name, method: 'aksk' },
    });
  });

  it('takes the project from a signed X-Project-Id', () => {
    const result = authenticate(signed({ headers: { 'x-project-id': east3.id } }), setup());
    expect(result).toEqual({ ok: true, identity: { ...identity, method: 'aksk' } });
  });

  it('rejects an unsigned or unknown X-Project-Id', () => {
    const req = signed();
    req.headers['x-project-id'] = east3.id;
    expect(reasonOf(authenticate(req, setup()))).toMatch(/SignedHeaders/);
    const unknown = signed({ headers: { 'x-project-id': 'f'.repeat(32) } });
    expect(reasonOf(authenticate(unknown, setup()))).toMatch(/not found/);
  });

  it('accepts X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD with any body', () => {
    const base = { method: 'PUT', path: '/apis/batch/v1/jobs', headers: { host: 'h' }, body: 'a' };
    const added = signRequest(base, {
      ak: DEMO_ACCESS_KEY,
      sk: DEMO_SECRET_KEY,
      now: () => T0,
      unsignedPayload: true,
    });
    const req: AuthRequest = {
      method: 'PUT',
      path: base.path,
      rawQuery: '',
      headers: { host: 'h', ...lower(added) },
      body: new TextEncoder().encode('streamed body'),
    };
    expect(authenticate(req, setup()).ok).toBe(true);
  });

  it('rejects a tampered signature, body, path, query or signed header', () => {
    const d = setup();
    const good = signed();
    const auth = String(good.headers['authorization']);
    const last = auth.at(-1) === '0' ? '1' : '0';
    const cases: AuthRequest[] = [
      { ...good, headers: { ...good.headers, authorization: auth.slice(0, -1) + last } },
      { ...good, body: new TextEncoder().encode('{"kind":"Pod","x":1}') },
      { ...good, path: '/api/v1/namespaces/other/pods' },
      { ...good, rawQuery: 'fieldManager=kubectl' },
      { ...good, method: 'PUT' },
      { ...good, headers: { ...good.headers, 'content-type': 'text/plain' } },
    ];
    for (const req of cases) {
      expect(reasonOf(authenticate(req, d))).toBe('the AK/SK signature does not match');
    }
  });

  it('rejects a body that does not match X-Sdk-Content-Sha256', () => {
    const req = signed({ headers: { 'x-sdk-content-sha256': 'ab'.repeat(32) } });
    expect(reasonOf(authenticate(req, setup()))).toMatch(/X-Sdk-Content-Sha256/);
  });

  it('A7 rejects a wrong SK without revealing any secret', () => {
    const result = authenticate(signed({ sk: 'not-the-secret' }), setup());
    expect(reasonOf(result)).toBe('the AK/SK signature does not match');
    expect(JSON.stringify(result)).not.toContain(DEMO_SECRET_KEY);
  });

  it('rejects an unknown AK', () => {
    expect(reasonOf(authenticate(signed({ ak: 'NOSUCHKEY' }), setup()))).toBe('unknown access key');
  });

  it('A3 rejects an access key removed from the users file', () => {
    const removed = defaultDemoUsers('cn-north-4');
    removed.domains[0]!.accessKeys = [];
    const d = { ...setup(), directory: createUserDirectory(removed) };
    expect(reasonOf(authenticate(signed(), d))).toBe('unknown access key');
  });

  it('rejects an X-Sdk-Date more than 15 minutes away, either way', () => {
    const req = signed();
    const minute = 60_000;
    expect(
      authenticate(
        req,
        setup(() => T0 + 15 * minute),
      ).ok,
    ).toBe(true);
    expect(
      reasonOf(
        authenticate(
          req,
          setup(() => T0 + 15 * minute + 1000),
        ),
      ),
    ).toMatch(/15 minutes/);
    expect(
      reasonOf(
        authenticate(
          req,
          setup(() => T0 - 16 * minute),
        ),
      ),
    ).toMatch(/15 minutes/);
  });

  it('rejects a malformed X-Sdk-Date or Authorization', () => {
    const req = signed();
    const badDate = { ...req, headers: { ...req.headers, 'x-sdk-date': '2026-11-26T12:00:00Z' } };
    expect(reasonOf(authenticate(badDate, setup()))).toMatch(/YYYYMMDDTHHMMSSZ/);
    const badAuth = { ...req, headers: { ...req.headers, authorization: 'SDK-HMAC-SHA256 x' } };
    expect(reasonOf(authenticate(badAuth, setup()))).toMatch(/malformed/);
  });
});
