import { expect, test, type Browser } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { DEMO, LoginPage } from '../pages/LoginPage.ts';
import { ResourceListPage } from '../pages/ResourceListPage.ts';
import { SessionDialog } from '../pages/SessionDialog.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { emulatorApi } from '../support/emulatorApi.ts';
import { startHaFleet, type HaFleet } from '../support/haFleet.ts';
import { backendServers, crashRedis, type ServerStat } from '../support/haOperator.ts';

// Two BFF replicas on one Redis behind HAProxy (round robin, no sticky sessions), as
// `npm run start:ha` runs them. Tests run in order: one kills Redis, the last one a replica.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let fleet: HaFleet;
/** redis-server as started again by a test (the fleet's own was killed). */
let restartedRedis: ChildProcess | undefined;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  fleet = await startHaFleet();
});
test.afterAll(async () => {
  await fleet?.stop();
  restartedRedis?.kill('SIGKILL');
});

const servers = () => backendServers(fleet.statsSocket);
const byName = (stats: ServerStat[]) => new Map(stats.map((s) => [s.name, s]));

const throughBalancer = (browser: Browser) => browser.newContext({ baseURL: fleet.url });

async function createConfigMap(name: string): Promise<void> {
  const api = await emulatorApi(DEMO);
  const created = await api.post('/api/v1/namespaces/demo/configmaps', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name },
    data: { created: 'by the multi-replica e2e test' },
  });
  expect(created.status, created.body).toBe(201);
}

test('sign-out on one tab ends the live streams the session holds on both replicas', async ({
  browser,
}) => {
  const context = await throughBalancer(browser);
  const page = await context.newPage();
  const frame = await signInToDemoNamespace(page);
  // A second tab (a plain page of the console's origin, no app of its own) with three streams:
  // round robin puts them on both replicas. Chromium allows six connections per origin, and
  // every open stream holds one.
  const other = await context.newPage();
  await other.goto('/healthz');
  await other.evaluate(async () => {
    const w = window as unknown as { ended: number };
    w.ended = 0;
    await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<void>((resolve) => {
            const source = new EventSource('/api/stream');
            source.addEventListener('ready', () => resolve(), { once: true });
            source.addEventListener('end', () => {
              w.ended += 1;
              source.close();
            });
          }),
      ),
    );
  });
  await frame.signOut();
  await expect
    .poll(() => other.evaluate(() => (window as unknown as { ended: number }).ended), {
      timeout: 2_000,
    })
    .toBe(3);
  await context.close();
});

test('failed sign-ins through the balancer are counted once across both replicas: the 11th is throttled', async ({
  browser,
}) => {
  const context = await throughBalancer(browser);
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  // An account of its own: the demo account must stay usable for the other tests.
  const account = { ...DEMO, user: `throttled-${Date.now().toString(36)}`, password: 'wrong-1' };
  const before = byName(await servers());
  const attempt = async () => {
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/api/session') && r.request().method() === 'POST',
    );
    await login.signIn(account);
    return (await answered).status();
  };
  // 10 failures per account are allowed (3 free, then growing delays: ~16 s in all).
  for (let i = 0; i < 10; i++) expect(await attempt()).toBe(401);
  await expect(login.error).toContainText('The account name, user name or password is wrong.');
  expect(await attempt()).toBe(429);
  await expect(login.error).toContainText(/Too many sign-in attempts\. Wait \d+ s/);

  // Both replicas answered some, neither all 10 failures: only a shared count reaches the limit.
  const after = await servers();
  const served = after.map((s) => s.total - (before.get(s.name)?.total ?? 0));
  expect(served).toHaveLength(2);
  for (const n of served) {
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(10);
  }
  await context.close();
});

test('Redis killed: the replicas answer 503 and the UI says the console is unreachable; Redis back: a clean sign-in (no persistence)', async ({
  browser,
}) => {
  const context = await throughBalancer(browser);
  const page = await context.newPage();
  const frame = await signInToDemoNamespace(page);
  await frame.open('configmaps');
  const list = new ResourceListPage(page);
  await expect(list.row('app-config')).toBeVisible();

  // The session's cookie, as the browser sends it (cookies are per host, not per port).
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const startRedis = crashRedis(fleet.redis);
  // Each replica says why, with a Status and Retry-After (what HAProxy's health check reads).
  for (const replica of fleet.replicas) {
    await expect
      .poll(async () => (await fetch(`${replica.url}/healthz`)).status, { timeout: 10_000 })
      .toBe(503);
    const answer = await fetch(`${replica.url}/api/session`, { headers: { cookie } });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(((await answer.json()) as { message: string }).message).toContain(
      'cannot reach its session store (Redis)',
    );
  }
  // Readiness takes both replicas out of the balancer; the page keeps its place and says so.
  await expect
    .poll(async () => (await servers()).map((s) => s.status), { timeout: 10_000 })
    .toEqual(['DOWN', 'DOWN']);
  await frame.open('secrets');
  const banner = page
    .getByRole('status')
    .filter({ hasText: 'The console server is not reachable' });
  await expect(banner).toBeVisible();
  await frame.expectShown();

  // Redis without persistence comes back empty: the session is gone, so the page asks to sign
  // in again in place (docs/architecture.md, "Replicas share state through Redis").
  restartedRedis = await startRedis();
  const dialog = new SessionDialog(page);
  await expect(dialog.root).toBeVisible({ timeout: 20_000 });
  await expect(banner).toBeHidden();
  await dialog.signInAgain(DEMO.password);
  await frame.open('configmaps');
  await expect(list.row('app-config')).toBeVisible();
  await context.close();
});

test('live updates arrive; after kill -9 of the replica holding the stream the user stays signed in and the stream resumes within 5 s', async ({
  browser,
}) => {
  const context = await throughBalancer(browser);
  const page = await context.newPage();
  const frame = await signInToDemoNamespace(page);
  await frame.open('configmaps');
  const list = new ResourceListPage(page);
  await expect(list.row('app-config')).toBeVisible();
  const before = `ha-${Date.now().toString(36)}`;
  await createConfigMap(before);
  await expect(list.row(before)).toBeVisible({ timeout: 20_000 });

  // The page's one live stream is the only session HAProxy keeps open: its server holds it.
  let holder: string | undefined;
  await expect
    .poll(
      async () => {
        const open = (await servers()).filter((s) => s.current > 0);
        holder = open.length === 1 && open[0]?.current === 1 ? open[0].name : undefined;
        return holder;
      },
      { timeout: 10_000 },
    )
    .toMatch(/^bff\d$/);
  const victim = fleet.replicas.find((r) => r.name === holder);
  if (!victim) throw new Error(`no replica named ${holder}`);
  process.kill(victim.pid, 'SIGKILL');
  const after = `ha-${Date.now().toString(36)}-after`;
  await createConfigMap(after);
  await expect(list.row(after)).toBeVisible({ timeout: 5_000 });
  // The stream now lives on the other replica.
  const survivor = byName(await servers()).get(
    fleet.replicas.find((r) => r !== victim)?.name ?? '',
  );
  expect(survivor?.current).toBe(1);

  // Still signed in: a reload is served by the surviving replica from the shared session.
  await page.reload();
  await frame.expectShown();
  await expect(page.getByRole('dialog', { name: 'Your session has ended' })).toHaveCount(0);
  await context.close();
});
