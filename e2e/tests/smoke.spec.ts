import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/LoginPage.ts';

test('the BFF serves the SPA: index.html with the app root, and /api stays JSON', async ({
  request,
}) => {
  const index = await request.get('/');
  expect(index.status()).toBe(200);
  expect(index.headers()['content-type']).toContain('text/html');
  expect(await index.text()).toContain('<div id="root"></div>');

  // A deep link of the SPA falls back to index.html; an unknown API path does not.
  const deep = await request.get('/r/cn-north-4/ns/demo/pods');
  expect(await deep.text()).toContain('<div id="root"></div>');
  const unknownApi = await request.get('/api/no-such-thing');
  expect(unknownApi.status()).toBe(404);
});

test('the sign-in page renders, offering the demo account', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(login.domain).toBeVisible();
  await expect(login.password).toBeVisible();
  await expect(login.demoHint).toContainText('cci-demo');
});
