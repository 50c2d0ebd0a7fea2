import { expect, test } from '@playwright/test';
import { DEMO, LoginPage } from '../pages/LoginPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';

test('A1 switching the region asks for a sign-in there and lands in the same list', async ({
  page,
}) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('configmaps');
  // A native select (the first screen carries no popover code): picked by option value.
  await page.getByRole('combobox', { name: 'Region' }).selectOption('cn-east-3');

  await expect(page).toHaveURL(/\/login\?/);
  // Why the sign-in page: each region needs its own sign-in; the method used so far is kept.
  await expect(
    page.getByRole('note').filter({ hasText: 'Each region needs its own sign-in' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/[?&]method=password(&|$)/);
  const login = new LoginPage(page);
  await expect(page.getByRole('combobox', { name: 'Region' })).toHaveValue('cn-east-3');
  await login.signIn(DEMO);
  await expect(page).toHaveURL(/\/r\/cn-east-3\/ns\/demo\/configmaps$/);
  await frame.expectShown();
});

test('A1 the sign-in page after a region switch keeps the AK/SK method', async ({ page }) => {
  await page.goto('/login?region=cn-east-3&from=cn-north-4&method=aksk');
  await expect(page.getByRole('button', { name: 'AK/SK', pressed: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Access key ID' })).toBeVisible();
  await expect(
    page.getByRole('note').filter({ hasText: 'Each region needs its own sign-in' }),
  ).toBeVisible();
});
