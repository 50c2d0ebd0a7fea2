import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, DEMO, cookieFrom, findLeaks, startHarness, type Harness } from './testkit.ts';

// Session lifetime through the real BFF and emulator: idle timeout, absolute lifetime, token
// expiry, one session per sign-in, and a token revoked at IAM (A3).

const IDLE = 600;
const ABSOLUTE = 1800;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    SESSION_IDLE_SECONDS: String(IDLE),
    SESSION_ABSOLUTE_SECONDS: String(ABSOLUTE),
  });
});

afterAll(async () => {
  await h?.close();
});

const signIn = async (who = DEMO as { domain: string; user: string; password: string }) => {
  const res = await h.send('POST', '/api/session', {
    json: {
      region: 'cn-north-4',
      method: 'password',
      domainName: who.domain,
      userName: who.user,
      password: who.password,
    },
  });
  expect(res.status, res.body).toBe(201);
  return cookieFrom(res) as string;
};
const whoAmI = async (cookie: string) => {
  const res = await h.send('GET', '/api/session', { cookie });
  return { status: res.status, body: JSON.parse(res.body) as Record<string, unknown>, res };
};
const advance = (seconds: number) => {
  h.clock.now += seconds * 1000;
};

describe('session lifetime', () => {
  it('ends after SESSION_IDLE_SECONDS without a request; each request restarts the wait', async () => {
    const cookie = await signIn();
    advance(IDLE - 1);
    expect((await whoAmI(cookie)).status).toBe(200);
    advance(IDLE - 1);
    expect((await whoAmI(cookie)).status).toBe(200);
    advance(IDLE);
    const ended = await whoAmI(cookie);
    expect(ended.status).toBe(401);
    expect(ended.body).toMatchObject({ reason: 'Unauthorized', messageKey: 'session.expired' });
    expect(ended.res.headers['set-cookie']?.[0]).toMatch(/^__Host-cci-session=; Max-Age=0/);
    expect(await h.store.get(cookie.split('=')[1]!)).toBeUndefined();
  });

  it('ends at SESSION_ABSOLUTE_SECONDS however active it is', async () => {
    const cookie = await signIn();
    for (let t = 0; t + 500 < ABSOLUTE; t += 500) {
      advance(500);
      expect((await whoAmI(cookie)).status).toBe(200);
    }
    advance(500);
    expect((await whoAmI(cookie)).body).toMatchObject({ messageKey: 'session.expired' });
  });

  it('never outlives its IAM token minus TOKEN_EXPIRY_MARGIN_SECONDS', async () => {
    // Emulator tokens live 24 h; a margin of 24 h - 100 s leaves a 100 s session.
    const short = await startHarness({ TOKEN_EXPIRY_MARGIN_SECONDS: String(86_400 - 100) });
    try {
      const res = await short.send('POST', '/api/session', {
        json: {
          region: 'cn-north-4',
          method: 'password',
          domainName: DEMO.domain,
          password: DEMO.password,
        },
      });
      const cookie = cookieFrom(res);
      const expiresAt = Date.parse((JSON.parse(res.body) as { expiresAt: string }).expiresAt);
      expect(Math.abs(expiresAt - (short.clock.now + 100_000))).toBeLessThan(5_000);
      short.clock.now += 90_000;
      expect((await short.send('GET', '/api/session', { cookie })).status).toBe(200);
      short.clock.now += 15_000;
      expect((await short.send('GET', '/api/session', { cookie })).status).toBe(401);
      expect(findLeaks(short)).toEqual([]);
    } finally {
      await short.close();
    }
  });

  it('sweeps idle sessions from the store', async () => {
    await signIn();
    advance(IDLE + 1);
    h.store.sweep();
    expect(h.store.size).toBe(0);
  });
});

describe('one session per sign-in', () => {
  it("two users' sessions stay apart: each cookie is its own user", async () => {
    const demo = await signIn();
    const alice = await signIn(ALICE);
    expect((await whoAmI(demo)).body).toMatchObject({ user: DEMO.user, domain: DEMO.domain });
    expect((await whoAmI(alice)).body).toMatchObject({ user: ALICE.user, domain: ALICE.domain });
    await h.send('DELETE', '/api/cci/api/v1/namespaces/demo/pods/nginx', { cookie: alice });
    const line = h.logs.filter((l) => l['type'] === 'audit').at(-1);
    expect(line).toMatchObject({ user: ALICE.user, domain: ALICE.domain, name: 'nginx' });
  });

  it('a sign-in in a browser holding a session replaces it: the old cookie is dead', async () => {
    const first = await signIn();
    const res = await h.send('POST', '/api/session', {
      cookie: first,
      json: {
        region: 'cn-north-4',
        method: 'password',
        domainName: ALICE.domain,
        userName: ALICE.user,
        password: ALICE.password,
      },
    });
    const second = cookieFrom(res) as string;
    expect(second).not.toBe(first);
    expect((await whoAmI(first)).status).toBe(401);
    expect((await whoAmI(second)).body).toMatchObject({ user: ALICE.user });
  });

  it('a planted cookie value is never adopted (no session fixation)', async () => {
    const planted = `__Host-cci-session=${'A'.repeat(43)}`;
    const res = await h.send('POST', '/api/session', {
      cookie: planted,
      json: {
        region: 'cn-north-4',
        method: 'password',
        domainName: DEMO.domain,
        password: DEMO.password,
      },
    });
    expect(cookieFrom(res)).not.toBe(planted);
    expect((await whoAmI(planted)).status).toBe(401);
  });
});

describe('A3 credentials revoked upstream', () => {
  it('a CCI 401 during a session ends it with a sign-in-again answer', async () => {
    const cookie = await signIn(ALICE);
    const list = () => h.send('GET', '/api/cci/api/v1/namespaces', { cookie });
    expect((await list()).status).toBe(200);
    const domain = h.emulator.directory.domainByName(ALICE.domain)!;
    h.emulator.tokens.revokeUser(h.emulator.directory.userByName(domain, ALICE.user)!.id);
    const refused = await list();
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({
      kind: 'Status',
      reason: 'Unauthorized',
      messageKey: 'session.revoked',
    });
    expect(refused.headers['set-cookie']?.[0]).toMatch(/^__Host-cci-session=; Max-Age=0/);
    expect(await h.store.get(cookie.split('=')[1]!)).toBeUndefined();
    expect((await whoAmI(cookie)).body).toMatchObject({ messageKey: 'session.expired' });
    // A new sign-in gets a new token, which works.
    const again = await signIn(ALICE);
    expect((await h.send('GET', '/api/cci/api/v1/namespaces', { cookie: again })).status).toBe(200);
  });

  it('no response or log line of this run holds a password, token, AK, SK (or id in logs)', () => {
    expect(findLeaks(h)).toEqual([]);
  });
});
