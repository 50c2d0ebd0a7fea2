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
  const login = new LoginPage(page);
  await expect(page.getByRole('combobox', { name: 'Region' })).toHaveValue('cn-east-3');
  await login.signIn(DEMO);
  await expect(page).toHaveURL(/\/r\/cn-east-3\/ns\/demo\/configmaps$/);
  await frame.expectShown();
});
