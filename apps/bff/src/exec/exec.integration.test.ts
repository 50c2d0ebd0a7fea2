import { ExecChannel, ExecCloseCode, resizeFrame } from '@cci/model';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cookieFrom, DEMO, signInCookie, startHarness, type Harness } from '../session/testkit.ts';
import { openTerminal, podPath, putRunningPod, type Terminal } from './exec.testkit.ts';

// The terminal endpoint, black box: a `ws` client → the real BFF → the emulator's pods/exec.

let h: Harness;
const ns = 'term';
beforeAll(async () => {
  h = await startHarness();
  h.emulator.store.put('/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns },
  });
  putRunningPod(h, ns, 'web');
});
afterAll(() => h.close());

const web = podPath(ns, 'web');
const whenClosed = async (t: Terminal, timeout = 5_000) => {
  await vi.waitFor(() => expect(t.closed()).toBeDefined(), { timeout });
  return t.closed() as { code: number; reason: string };
};

describe('who may open a terminal', () => {
  it('refuses a cross-origin upgrade before upgrading, even with a valid session (CVE-2021-44458)', async () => {
    const cookie = await signInCookie(h);
    for (const o of [
      { origin: 'http://evil.example' },
      { origin: h.origin.replace('127.0.0.1', 'localhost') },
      { origin: null },
      { headers: { 'Sec-Fetch-Site': 'same-site' } },
    ]) {
      const t = await openTerminal(h, web, { cookie, ...o });
      expect(t.status).toBe(403);
      expect(h.logs.some((l) => l['action'] === 'exec' && l['status'] === 101)).toBe(false);
    }
  });

  it('refuses an upgrade without a live session: no cookie, an unknown one', async () => {
    for (const cookie of [undefined, `__Host-cci-session=${'a'.repeat(43)}`]) {
      const t = await openTerminal(h, web, cookie === undefined ? {} : { cookie });
      expect(t.status).toBe(401);
    }
  });

  it('starts only an allowed shell: any other command, or a second argument, is a 400', async () => {
    const cookie = await signInCookie(h);
    for (const query of ['command=cat', 'command=sh&command=-c', 'command=rm%20-rf%20/']) {
      const t = await openTerminal(h, web, { cookie, query });
      expect(t.status).toBe(400);
    }
    const wrongProtocol = await openTerminal(h, web, { cookie, protocols: ['v4.channel.k8s.io'] });
    expect(wrongProtocol.status).toBe(400);
  });
});

describe('a terminal session', () => {
  it('relays `echo hello` and the exit Status; one audit line, without keystrokes or output', async () => {
    const cookie = await signInCookie(h);
    const t = await openTerminal(h, web, { cookie });
    expect(t.status).toBe(101);
    t.sendFrame(resizeFrame(120, 40));
    t.type('echo hello-kst-7c1\n');
    await vi.waitFor(() => expect(t.stdout()).toContain('hello-kst-7c1\r\n'));
    t.type('exit 3\n');
    expect((await whenClosed(t)).code).toBe(ExecCloseCode.normal);
    expect(t.errorStatus()).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode' });
    const lines = h.logs.filter((l) => l['action'] === 'exec' && l['status'] === 101);
    expect(lines.at(-1)).toMatchObject({
      type: 'audit',
      user: 'cci-demo',
      namespace: ns,
      pod: 'web',
      container: 'app',
      command: 'sh',
    });
    expect(JSON.stringify(h.logs)).not.toContain('kst-7c1');
  });

  it('opens CCI exec with an AK/SK session too (the upgrade GET signed), its keys never relayed', async () => {
    const signedIn = await h.send('POST', '/api/session', {
      json: { region: 'cn-north-4', method: 'aksk', accessKey: DEMO.ak, secretKey: DEMO.sk },
    });
    const cookie = cookieFrom(signedIn) as string;
    const t = await openTerminal(h, web, { cookie });
    t.type(`echo signed ${DEMO.ak}\n`);
    await vi.waitFor(() => expect(t.stdout()).toContain('signed'));
    await vi.waitFor(() => expect(t.stdout()).toContain(`signed ${'*'.repeat(DEMO.ak.length)}`));
    t.close();
  });

  it('typed keys that could start a key are echoed after a pause; a longer start waits for the next key', async () => {
    const signedIn = await h.send('POST', '/api/session', {
      json: { region: 'cn-north-4', method: 'aksk', accessKey: DEMO.ak, secretKey: DEMO.sk },
    });
    const t = await openTerminal(h, web, { cookie: cookieFrom(signedIn) as string });
    const start = DEMO.ak.slice(0, 4);
    // Typed keys are echoed as they come (a tty); the line is not ended, so nothing follows.
    t.type(`echo tail-${start}`);
    await vi.waitFor(() => expect(t.stdout()).toContain(`tail-${start}`), { timeout: 2_000 });
    // A longer start of the key is held until the next key shows it is not the key.
    t.type(DEMO.ak.slice(4, 8));
    await new Promise((r) => setTimeout(r, 300));
    expect(t.stdout()).not.toContain(DEMO.ak.slice(0, 8));
    t.type('+');
    await vi.waitFor(() => expect(t.stdout()).toContain(`tail-${DEMO.ak.slice(0, 8)}+`));
    expect(t.closed()).toBeUndefined();
    t.close();
  });

  it('drops frames on channels the browser may not use (stdout, error) instead of relaying them', async () => {
    const cookie = await signInCookie(h);
    const t = await openTerminal(h, web, { cookie });
    t.sendFrame(new Uint8Array([ExecChannel.error, 0x7b, 0x7d]));
    t.sendFrame('echo as text\n');
    t.type('echo still-open\n');
    await vi.waitFor(() => expect(t.stdout()).toContain('still-open'));
    t.close();
  });

  it('says why when CCI refuses: a pod that does not exist is a 404 Status, then close', async () => {
    const cookie = await signInCookie(h);
    const t = await openTerminal(h, podPath(ns, 'missing'), { cookie });
    expect((await whenClosed(t)).code).toBe(ExecCloseCode.upstream);
    expect(t.errorStatus()).toMatchObject({ code: 404, messageKey: 'exec.upstreamFailed' });
    expect(t.errorStatus()?.message).toContain('missing');
  });

  it('sign-out closes an open terminal within 1 s, with a Status saying the session ended', async () => {
    const cookie = await signInCookie(h);
    const t = await openTerminal(h, web, { cookie });
    t.type('echo up\n');
    await vi.waitFor(() => expect(t.stdout()).toContain('up'));
    expect((await h.send('DELETE', '/api/session', { cookie })).status).toBe(204);
    expect((await whenClosed(t, 1_000)).code).toBe(ExecCloseCode.sessionEnded);
    expect(t.errorStatus()).toMatchObject({ code: 401, messageKey: 'exec.sessionEnded' });
    const again = await openTerminal(h, web, { cookie });
    expect(again.status).toBe(401);
  });

  it('caps terminals per session (5): the 6th is told why and closed; closing one frees a place', async () => {
    const cookie = await signInCookie(h);
    const open: Terminal[] = [];
    for (let i = 0; i < 5; i++) open.push(await openTerminal(h, web, { cookie }));
    for (const t of open) {
      t.type('echo ok\n');
      await vi.waitFor(() => expect(t.stdout()).toContain('ok'));
    }
    const sixth = await openTerminal(h, web, { cookie });
    expect((await whenClosed(sixth)).code).toBe(ExecCloseCode.tooMany);
    expect(sixth.errorStatus()).toMatchObject({ code: 429, messageKey: 'live.capSession' });
    expect(h.logs.some((l) => l['action'] === 'exec' && l['status'] === 429)).toBe(true);
    open[0]?.close();
    await whenClosed(open[0] as Terminal);
    // The BFF sees the close a moment after the client: retry until the place is free.
    await vi.waitFor(async () => {
      const t = await openTerminal(h, web, { cookie });
      open.push(t);
      t.type('echo back\n');
      await vi.waitFor(() =>
        expect(`${t.stdout()} ${t.closed()?.code ?? ''}`).toMatch(/back|4429/),
      );
      expect(t.stdout()).toContain('back');
    });
    for (const t of open) t.close();
  });

  it('a pod deleted under an open terminal ends it with a message, not a hang', async () => {
    putRunningPod(h, ns, 'doomed');
    const cookie = await signInCookie(h);
    const t = await openTerminal(h, podPath(ns, 'doomed'), { cookie });
    t.type('echo alive\n');
    await vi.waitFor(() => expect(t.stdout()).toContain('alive'));
    h.emulator.store.remove('/pods', ns, 'doomed');
    expect((await whenClosed(t)).code).toBe(ExecCloseCode.normal);
    expect(t.errorStatus()).toMatchObject({ status: 'Failure' });
    expect(t.errorStatus()?.message).toContain('deleted');
  });
});

describe('an idle terminal', () => {
  let idle: Harness;
  beforeAll(async () => {
    idle = await startHarness({ LIVE_IDLE_SECONDS: '1' });
    idle.emulator.store.put('/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns },
    });
    putRunningPod(idle, ns, 'web');
  });
  afterAll(() => idle.close());

  it('is closed after LIVE_IDLE_SECONDS without a frame either way, saying so', async () => {
    const cookie = await signInCookie(idle);
    const t = await openTerminal(idle, web, { cookie });
    t.type('echo once\n');
    await vi.waitFor(() => expect(t.stdout()).toContain('once'));
    expect((await whenClosed(t)).code).toBe(ExecCloseCode.idle);
    expect(t.errorStatus()).toMatchObject({ code: 408, messageKey: 'exec.idle' });
  });
});

describe('a terminal in use and the session (one live idle policy)', () => {
  const IDLE = 600;
  const ABSOLUTE = 1800;
  let busy: Harness;
  beforeAll(async () => {
    busy = await startHarness({
      SESSION_IDLE_SECONDS: String(IDLE),
      SESSION_ABSOLUTE_SECONDS: String(ABSOLUTE),
    });
    busy.emulator.store.put('/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns },
    });
    putRunningPod(busy, ns, 'web');
  });
  afterAll(() => busy.close());
  const advance = (seconds: number) => (busy.clock.now += seconds * 1000);
  const whoAmI = async (cookie: string) =>
    (await busy.send('GET', '/api/session', { cookie })).status;

  it('typing keeps the session from idling out; a session without it ends', async () => {
    const typing = await signInCookie(busy);
    const quiet = await signInCookie(busy);
    const t = await openTerminal(busy, web, { cookie: typing });
    for (const word of ['one', 'two']) {
      advance(IDLE - 10);
      t.type(`echo ${word}\n`);
      await vi.waitFor(() => expect(t.stdout()).toContain(word));
    }
    advance(IDLE - 10);
    expect(await whoAmI(typing)).toBe(200);
    expect(await whoAmI(quiet)).toBe(401);
    expect(t.closed()).toBeUndefined();
    t.close();
  });

  it('the absolute lifetime still ends the session and its terminal, however busy', async () => {
    const cookie = await signInCookie(busy);
    const t = await openTerminal(busy, web, { cookie });
    for (let at = 0; at + 500 < ABSOLUTE; at += 500) {
      advance(500);
      t.type(`echo at${at}\n`);
      await vi.waitFor(() => expect(t.stdout()).toContain(`at${at}`));
    }
    advance(500);
    expect((await whenClosed(t, 3_000)).code).toBe(ExecCloseCode.sessionEnded);
    expect(await whoAmI(cookie)).toBe(401);
  });
});
