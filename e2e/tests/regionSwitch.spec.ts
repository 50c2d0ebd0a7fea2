import { expect, test } from '@playwright/test';
import { DEMO, LoginPage } from '../pages/LoginPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { testIds } from '../pages/testIds.ts';

test('A1 switching the region asks for a sign-in there and lands in the same list', async ({
  page,
}) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('configmaps');
  await page.getByTestId(testIds.regionSwitcher).click();
  await page.getByRole('option', { name: /cn-east-3/ }).click();

  await expect(page).toHaveURL(/\/login\?/);
  const login = new LoginPage(page);
  await expect(page.getByTestId(testIds.loginRegion)).toHaveValue(/cn-east-3/);
  await login.signIn(DEMO);
  await expect(page).toHaveURL(/\/r\/cn-east-3\/ns\/demo\/configmaps$/);
  await frame.expectShown();
});
