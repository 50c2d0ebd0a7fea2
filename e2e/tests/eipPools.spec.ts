import { expect, test } from '@playwright/test';
import { EipPoolsPage } from '../pages/EipPoolsPage.ts';
import { DEMO } from '../pages/LoginPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { emulatorApi } from '../support/emulatorApi.ts';

test.describe.configure({ timeout: 120_000 });

function deploymentOnPool(name: string, pool: string, replicas: number) {
  const resources = { cpu: '250m', memory: '512Mi' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, annotations: { 'yangtse.io/eip-pool': pool } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx:alpine',
              resources: { limits: resources, requests: resources },
            },
          ],
        },
      },
    },
  };
}

test('E1 E2 E4 E5 E6 E8 create a dynamic pool, see who holds its EIPs, scale it, delete is blocked', async ({
  page,
}) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('eippools');
  const pools = new EipPoolsPage(page);
  await pools.openCreateFromList();

  await pools.fillName('a-very-long-eip-pool-name-over-29b');
  await expect(page.getByText('the name has 34 bytes', { exact: false })).toBeVisible();
  const name = `e2e-pool-${Date.now().toString(36)}`;
  await pools.fillName(name);
  await pools.fillAmount(501);
  await expect(pools.createButton).toBeDisabled();
  await pools.fillAmount(2);
  await expect(pools.yaml).toContainText('amount: 2');
  await pools.create();

  await expect(page).toHaveURL(/\/manage\/eippools/);
  await expect(pools.usage(name)).toHaveText('0/2', { timeout: 30_000 });

  // Two replicas plus the default 25% surge need three EIPs: the pool of two is short (E8).
  const api = await emulatorApi(DEMO);
  const web = `e2e-eip-${Date.now().toString(36)}`;
  const created = await api.post(
    '/apis/apps/v1/namespaces/demo/deployments',
    deploymentOnPool(web, name, 2),
  );
  expect(created.status, created.body).toBe(201);
  await expect(pools.usage(name)).toHaveText('2/2', { timeout: 60_000 });
  await expect(pools.card(name)).toContainText(web);
  await expect(pools.capacityShort(name)).toBeVisible({ timeout: 30_000 });
  await expect(pools.capacityOk(name)).toHaveCount(0);
  await expect(pools.capacityShort(name)).toContainText('maxSurge: 0');

  await pools.scale(name, 1);
  await expect(pools.dialog().getByRole('list', { name: 'Checks of the change' })).toContainText(
    'kept until',
  );
  await pools.dialog().getByLabel('Number of EIPs (amount)').fill('3');
  await pools.submitDialog();
  await expect(pools.usage(name)).toHaveText('2/3', { timeout: 30_000 });
  await expect(pools.capacityOk(name)).toBeVisible();
  await expect(pools.capacityShort(name)).toHaveCount(0);

  await pools.openDelete(name);
  await expect(
    pools.dialog().getByRole('alert').filter({ hasText: 'Pods still use this pool' }),
  ).toContainText(web);
  await expect(pools.dialogSubmit()).toBeDisabled();
});

test('E3 a static pool refuses an EIP a NAT gateway uses, with the reason', async ({ page }) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('eippools');
  const pools = new EipPoolsPage(page);
  await pools.openCreateFromList();
  await pools.chooseStatic();
  await pools.fillName(`e2e-static-${Date.now().toString(36)}`);
  await pools.fillAddresses(['203.0.113.15']);
  await expect(pools.refusal).toContainText('NAT', { timeout: 20_000 });
  await expect(pools.createButton).toBeDisabled();
});
