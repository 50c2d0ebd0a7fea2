import { expect, test, type Browser } from '@playwright/test';
import { DEMO } from '../pages/LoginPage.ts';
import { ResourceListPage } from '../pages/ResourceListPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { emulatorApi } from '../support/emulatorApi.ts';
import { startHaFleet, type HaFleet } from '../support/haFleet.ts';

// Two BFF replicas on one Redis behind HAProxy (round robin, no sticky sessions), as
// `npm run start:ha` runs them. Tests run in order: the last one kills a replica.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let fleet: HaFleet;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  fleet = await startHaFleet();
});
test.afterAll(async () => {
  await fleet?.stop();
});

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

test('live updates arrive; after kill -9 of a replica the user stays signed in and the streams resume within 5 s', async ({
  browser,
}) => {
  const context = await throughBalancer(browser);
  // Two tabs, so their streams are on both replicas (round robin): whichever is killed held one.
  const page = await context.newPage();
  const frame = await signInToDemoNamespace(page);
  await frame.open('configmaps');
  const second = await context.newPage();
  await second.goto(page.url());
  const lists = [new ResourceListPage(page), new ResourceListPage(second)];
  for (const list of lists) await expect(list.row('app-config')).toBeVisible();
  const before = `ha-${Date.now().toString(36)}`;
  await createConfigMap(before);
  for (const list of lists) await expect(list.row(before)).toBeVisible({ timeout: 20_000 });

  const victim = fleet.replicas[0];
  if (!victim) throw new Error('start:ha reported no replica');
  process.kill(victim.pid, 'SIGKILL');
  const after = `ha-${Date.now().toString(36)}-after`;
  await createConfigMap(after);
  for (const list of lists) await expect(list.row(after)).toBeVisible({ timeout: 5_000 });

  // Still signed in: a reload is served by the surviving replica from the shared session.
  await page.reload();
  await frame.expectShown();
  await expect(page.getByRole('dialog', { name: 'Your session has ended' })).toHaveCount(0);
  await context.close();
});
