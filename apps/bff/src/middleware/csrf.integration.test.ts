import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { parseEnv } from '../env.ts';
import { DEMO, findLeaks, signInCookie, startHarness, type Harness } from '../session/testkit.ts';
import { contentSecurityPolicy } from './securityHeaders.ts';

// CSRF refusals, security headers and audit lines on the real BFF in front of the emulator.

let h: Harness;
let cookie: string;

beforeAll(async () => {
  h = await startHarness();
  cookie = await signInCookie(h);
});

afterAll(async () => {
  await h?.close();
});

const signInBody = {
  region: 'cn-north-4',
  method: 'password',
  domainName: DEMO.domain,
  password: DEMO.password,
};

describe('csrf', () => {
  const refused = async (
    headers: Record<string, string>,
    path = '/api/session',
    method = 'POST',
  ) => {
    const res = await h.send(method, path, { console: false, headers, json: signInBody, cookie });
    expect(res.status, res.body).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({
      kind: 'Status',
      reason: 'Forbidden',
      messageKey: 'csrf.refused',
    });
    expect(res.headers['set-cookie']).toBeUndefined();
    return res;
  };

  it('refuses a state-changing request without X-CCI-Console: 1', async () => {
    await refused({ Origin: h.origin });
    await refused({ Origin: h.origin, 'X-CCI-Console': 'yes' });
    await refused({ Origin: h.origin }, '/api/session', 'DELETE');
  });

  it('refuses another Origin, even with the header', async () => {
    await refused({ 'X-CCI-Console': '1', Origin: 'https://evil.example' });
    await refused({ 'X-CCI-Console': '1', Origin: 'null' });
    await refused({ 'X-CCI-Console': '1', Origin: h.origin.replace('127.0.0.1', 'localhost') });
  });

  it('refuses cross-site and same-site Sec-Fetch-Site, and no Origin without it', async () => {
    await refused({ 'X-CCI-Console': '1', 'Sec-Fetch-Site': 'cross-site' });
    await refused({ 'X-CCI-Console': '1', 'Sec-Fetch-Site': 'same-site', Origin: h.origin });
    await refused({ 'X-CCI-Console': '1' });
    await refused({ 'X-CCI-Console': '1' }, '/api/cci/api/v1/namespaces/demo/pods/x', 'DELETE');
  });

  it('lets through the console: header plus same Origin, or header plus same-origin fetch', async () => {
    const viaOrigin = await h.send('POST', '/api/session', { json: signInBody });
    expect(viaOrigin.status).toBe(201);
    const viaFetchSite = await h.send('POST', '/api/session', {
      console: false,
      json: signInBody,
      headers: { 'X-CCI-Console': '1', 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(viaFetchSite.status).toBe(201);
  });

  it('leaves reads alone', async () => {
    const res = await h.send('GET', '/api/session', { console: false, cookie });
    expect(res.status).toBe(200);
  });

  it('with PUBLIC_ORIGIN, only its origins count, and HSTS covers subdomains over HTTPS', async () => {
    const env = parseEnv({ PUBLIC_ORIGIN: 'https://console.example, http://localhost:8080' });
    const app = createApp({ ...h.deps, env: { ...h.deps.env, publicOrigins: env.publicOrigins } });
    const send = (origin: string) =>
      app.request('http://127.0.0.1/api/session', {
        method: 'DELETE',
        headers: { 'X-CCI-Console': '1', Origin: origin },
      });
    expect((await send('http://127.0.0.1')).status).toBe(403);
    expect((await send('https://console.example')).status).toBe(204);
    expect((await send('http://localhost:8080')).status).toBe(204);
    const res = await send('https://console.example');
    expect(res.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('refuses a PUBLIC_ORIGIN that is not a URL list', () => {
    expect(() => parseEnv({ PUBLIC_ORIGIN: 'console.example' })).toThrow(/PUBLIC_ORIGIN/);
  });
});

describe('security headers', () => {
  it('sends a strict CSP and the other headers on every answer; no-store under /api', async () => {
    for (const path of ['/healthz', '/api/regions', '/api/session', '/nowhere']) {
      const res = await h.send('GET', path, { cookie });
      expect(res.headers['content-security-policy'], path).toBe(contentSecurityPolicy);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control'], path).toBe(
        path.startsWith('/api') ? 'no-store' : undefined,
      );
    }
    expect(contentSecurityPolicy).not.toContain('unsafe');
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).toContain("worker-src 'self' blob:");
  });

  it('answers unknown /api paths with a 404 Status', async () => {
    const res = await h.send('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ kind: 'Status', code: 404, reason: 'NotFound' });
  });
});

describe('audit', () => {
  it('writes one line per state-changing request: who, what, result; no id or secret', async () => {
    h.logs.length = 0;
    const res = await h.send('DELETE', '/api/cci/api/v1/namespaces/demo/pods/web-0', { cookie });
    await h.send('GET', '/api/cci/api/v1/namespaces', { cookie });
    await h.send('POST', '/api/session', { console: false, json: signInBody });
    const lines = h.logs.filter((l) => l['type'] === 'audit');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      time: new Date(h.clock.now).toISOString(),
      type: 'audit',
      user: DEMO.user,
      domain: DEMO.domain,
      region: 'cn-north-4',
      method: 'DELETE',
      resource: { group: '', version: 'v1', plural: 'pods' },
      namespace: 'demo',
      name: 'web-0',
      status: res.status,
    });
    expect(lines[1]).toMatchObject({ method: 'POST', path: '/api/session', status: 403 });
  });

  it('no response or log line of this run holds a password, token, AK, SK (or id in logs)', () => {
    expect(findLeaks(h)).toEqual([]);
  });
});
