import { expect, test, type Page } from '@playwright/test';
import { DEMO } from '../pages/LoginPage.ts';
import { ResourceListPage } from '../pages/ResourceListPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { emulatorApi } from '../support/emulatorApi.ts';

test('an object created outside the console appears in the open list without a reload', async ({
  page,
}) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('configmaps');
  const list = new ResourceListPage(page);
  await expect(list.row('app-config')).toBeVisible();

  const name = `live-${Date.now().toString(36)}`;
  await expect(list.row(name)).toHaveCount(0);
  let navigations = 0;
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations += 1;
  });

  const api = await emulatorApi(DEMO);
  const created = await api.post('/api/v1/namespaces/demo/configmaps', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name },
    data: { created: 'by the e2e test, through the emulator API' },
  });
  expect(created.status, created.body).toBe(201);

  // Lists refresh on their own (stream or polling); no reload, no navigation.
  await expect(list.row(name)).toBeVisible({ timeout: 20_000 });
  expect(navigations).toBe(0);
});

/** Counts the list requests (GET of the collection) through the proxy for one resource path. */
function countProxyLists(page: Page, collection: string): () => number {
  let lists = 0;
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === 'GET' && path === `/api/cci${collection}`) lists += 1;
  });
  return () => lists;
}

test('an open list is listed once, by the live stream: no list request goes through the proxy', async ({
  page,
}) => {
  const proxyLists = countProxyLists(page, '/api/v1/namespaces/demo/configmaps');
  const frame = await signInToDemoNamespace(page);
  await frame.open('configmaps');
  const list = new ResourceListPage(page);
  await expect(list.row('app-config')).toBeVisible();
  // Longer than the proxy poll interval (5 s): a list kept live by the stream never polls.
  await page.waitForTimeout(6_000);
  expect(proxyLists()).toBe(0);
});

test('without the live stream a list is fetched and polled through the proxy', async ({ page }) => {
  await page.route('**/api/stream', (route) => route.abort());
  const proxyLists = countProxyLists(page, '/api/v1/namespaces/demo/configmaps');
  const frame = await signInToDemoNamespace(page);
  await frame.open('configmaps');
  const list = new ResourceListPage(page);
  await expect(list.row('app-config')).toBeVisible();
  await expect.poll(proxyLists, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
});
