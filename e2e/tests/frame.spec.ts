import { expect, test } from '@playwright/test';
import { ConsoleFrame } from '../pages/ConsoleFrame.ts';
import { DEMO, LoginPage } from '../pages/LoginPage.ts';

test.beforeEach(async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO);
  await new ConsoleFrame(page).expectShown();
});

test('switching the language changes the console text (zh-CN ↔ en)', async ({ page }) => {
  const frame = new ConsoleFrame(page);
  await frame.switchLanguage('中文');
  await expect(frame.nav('configmaps')).toHaveText('配置项');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await frame.switchLanguage('English');
  await expect(frame.nav('configmaps')).toHaveText('ConfigMaps');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('switching the namespace moves the current list to it', async ({ page }) => {
  const frame = new ConsoleFrame(page);
  await frame.open('configmaps');
  await frame.switchNamespace('demo');
  await expect(page).toHaveURL(/\/ns\/demo\/configmaps/);
  await expect(frame.namespaceSwitcher).toHaveValue('demo');
});
