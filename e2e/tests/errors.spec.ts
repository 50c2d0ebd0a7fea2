import { expect, test, type Route } from '@playwright/test';
import { DEMO } from '../pages/LoginPage.ts';
import { ResourceListPage } from '../pages/ResourceListPage.ts';
import { SessionDialog } from '../pages/SessionDialog.ts';
import { signInToDemoNamespace } from '../pages/session.ts';

test('an expired session signs in again in place: the typed filter stays and the list reloads', async ({
  page,
}) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('configmaps');
  const list = new ResourceListPage(page);
  await expect(list.row('app-config')).toBeVisible();
  await list.nameSearch.fill('app-');

  const dialog = new SessionDialog(page);
  await dialog.expireFromElsewhere();
  // The next request (polling, or moving to another list) answers 401: the dialog opens over
  // the screen instead of leaving for /login.
  await frame.open('secrets');
  await expect(dialog.root).toBeVisible();
  await expect(page).toHaveURL(/\/ns\/demo\/secrets$/);
  await expect(dialog.domain).toHaveValue(DEMO.domain);

  await dialog.signInAgain(DEMO.password);
  await expect(list.table).toBeVisible();
  await frame.open('configmaps');
  await expect(list.row('app-config')).toBeVisible();
});

test('an expired session keeps a half-typed form: the input survives the re-sign-in', async ({
  page,
}) => {
  await signInToDemoNamespace(page);
  const list = new ResourceListPage(page);
  await list.goto('cn-north-4', 'demo', 'pods');
  await expect(list.table).toBeVisible();
  await list.nameSearch.fill('nginx');
  const label = list.labelFilter;
  await label.fill('app=nginx');

  const dialog = new SessionDialog(page);
  await dialog.expireFromElsewhere();
  // The live list does not poll: its stream ends at the BFF's next heartbeat (<= 15 s after the
  // sign-out), then the list's next poll (<= 5 s) gets the 401.
  await expect(dialog.root).toBeVisible({ timeout: 30_000 });
  await dialog.signInAgain(DEMO.password);

  await expect(list.nameSearch).toHaveValue('nginx');
  await expect(label).toHaveValue('app=nginx');
  await expect(list.rows().first()).toBeVisible();
});

test('a wrong password in the session dialog shows the error and keeps the dialog open', async ({
  page,
}) => {
  const frame = await signInToDemoNamespace(page);
  const dialog = new SessionDialog(page);
  await dialog.expireFromElsewhere();
  await frame.open('services');
  await dialog.password.fill('not-the-password');
  await dialog.submit.click();
  await expect(dialog.error).toBeVisible();
  await expect(dialog.root).toBeVisible();
  await dialog.signInAgain(DEMO.password);
});

test('the BFF going away shows a banner; requests resume by themselves when it is back', async ({
  page,
}) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('configmaps');
  const list = new ResourceListPage(page);
  await expect(list.row('app-config')).toBeVisible();

  // Every request to the BFF fails at the network level, as when it is down.
  const down = async (route: Route) => route.abort('connectionrefused');
  await page.route('**/api/**', down);
  await page.route('**/healthz', down);
  await frame.open('services');
  const banner = page
    .getByRole('status')
    .filter({ hasText: 'The console server is not reachable' });
  await expect(banner).toBeVisible();

  await page.unroute('**/api/**', down);
  await page.unroute('**/healthz', down);
  await expect(banner).toBeHidden();
  await expect(list.row('nginx')).toBeVisible();
});

test('an upstream Status is shown in full with its code and reason', async ({ page }) => {
  await signInToDemoNamespace(page);
  await page.goto('/r/cn-north-4/ns/demo/pods/no-such-pod');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('404');
  await expect(alert).toContainText('NotFound');
  await expect(alert).toContainText('pods "no-such-pod" not found');
});
