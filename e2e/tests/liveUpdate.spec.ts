import { expect, test } from '@playwright/test';
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
