import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createSignInThrottle, defaultThrottlePolicy } from './signInThrottle.ts';
import { ALICE, DEMO, startHarness, type Harness } from './testkit.ts';

// Sign-in anti-automation, black box through the BFF in front of the emulator's IAM. Delays
// are recorded instead of slept, so the test asserts their growth without timing anything.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

function throttledConsole(env: Partial<Harness['deps']['env']> = {}) {
  const delays: number[] = [];
  const throttle = createSignInThrottle(defaultThrottlePolicy, undefined, async (ms) => {
    delays.push(ms);
  });
  const app = createApp({
    ...h.deps,
    env: { ...h.deps.env, TRUSTED_PROXY_HOPS: 1, ...env },
    signInThrottle: throttle,
  });
  const signIn = async (
    who: { domain: string; user?: string; password: string },
    from = '198.51.100.7',
  ) => {
    const res = await app.request('http://127.0.0.1/api/session', {
      method: 'POST',
      headers: {
        'X-CCI-Console': '1',
        Origin: 'http://127.0.0.1',
        'Content-Type': 'application/json',
        'X-Forwarded-For': from,
      },
      body: JSON.stringify({
        region: 'cn-north-4',
        method: 'password',
        domainName: who.domain,
        userName: who.user ?? who.domain,
        password: who.password,
      }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
  };
  return { signIn, delays };
}

describe('sign-in throttling', () => {
  it('20 wrong passwords in a row: growing delays, then 429 with Retry-After, and the right password waits too', async () => {
    const { signIn, delays } = throttledConsole();
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await signIn({ ...DEMO, password: `wrong-${i}` }));
    const statuses = answers.map((a) => a.status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    const refused = answers[10] as (typeof answers)[number];
    expect(Number(refused.retryAfter)).toBeGreaterThan(60);
    expect(refused.body).toMatchObject({
      kind: 'Status',
      code: 429,
      reason: 'TooManyRequests',
      messageKey: 'signIn.throttled',
      details: { retryAfterSeconds: Number(refused.retryAfter) },
    });
    expect((refused.body['messages'] as Record<string, string>)['zh-CN']).toContain(
      '登录尝试次数过多',
    );
    // Three free failures, then each attempt waits twice as long, up to the cap.
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
    const right = await signIn(DEMO);
    expect(right.status).toBe(429);
  });

  it('an unknown user is answered exactly as a known user with a wrong password (no enumeration)', async () => {
    const known = throttledConsole();
    const unknown = throttledConsole();
    const seq = async (
      c: ReturnType<typeof throttledConsole>,
      who: { domain: string; user: string },
    ) => {
      const out = [];
      for (let i = 0; i < 12; i++) {
        const a = await c.signIn({ ...who, password: `guess-${i}` });
        out.push([a.status, a.body['messageKey'], a.body['message']]);
      }
      return out;
    };
    const a = await seq(known, { domain: ALICE.domain, user: ALICE.user });
    const b = await seq(unknown, { domain: ALICE.domain, user: 'nobody-here' });
    expect(b).toEqual(a);
    expect(unknown.delays).toEqual(known.delays);
  });

  it("a successful sign-in resets the account's counter", async () => {
    const { signIn } = throttledConsole();
    for (let i = 0; i < 9; i++)
      expect((await signIn({ ...ALICE, password: 'nope' })).status).toBe(401);
    expect((await signIn(ALICE)).status).toBe(201);
    for (let i = 0; i < 10; i++)
      expect((await signIn({ ...ALICE, password: 'nope' })).status).toBe(401);
  });

  it('counts per client address across accounts, behind a trusted proxy', async () => {
    const { signIn } = throttledConsole();
    const from = '203.0.113.9';
    for (let i = 0; i < 100; i++) {
      const res = await signIn({ domain: `nobody-${i}`, password: 'x' }, from);
      expect(res.status).toBe(401);
    }
    expect((await signIn({ domain: 'nobody-x', password: 'x' }, from)).status).toBe(429);
    // Another client of the same proxy is not affected; X-Forwarded-For entries left of the
    // trusted hop are the client's own claim and do not pick the counter.
    expect((await signIn(ALICE, '192.0.2.1')).status).toBe(201);
    expect((await signIn({ ...ALICE, password: 'x' }, `192.0.2.55, ${from}`)).status).toBe(429);
  });

  it('requires application/json: text/plain, form posts and no Content-Type are refused with 415', async () => {
    const body = JSON.stringify({
      region: 'cn-north-4',
      method: 'password',
      domainName: DEMO.domain,
      password: DEMO.password,
    });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const res = await h.send('POST', '/api/session', {
        headers: type ? { 'Content-Type': type } : {},
        raw: body,
      });
      expect(res.status, String(type)).toBe(415);
      expect(JSON.parse(res.body)).toMatchObject({ code: 415, messageKey: 'request.jsonRequired' });
    }
    const ok = await h.send('POST', '/api/session', {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      raw: body,
    });
    expect(ok.status).toBe(201);
  });
});
