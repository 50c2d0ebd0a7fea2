import { expect, test, type Page } from '@playwright/test';
import { DEMO } from '../pages/LoginPage.ts';
import { ResourceListPage } from '../pages/ResourceListPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { SnapshotsPage } from '../pages/SnapshotsPage.ts';
import { WorkloadWizardPage } from '../pages/WorkloadWizardPage.ts';
import { emulatorApi, type EmulatorApi } from '../support/emulatorApi.ts';

test.describe.configure({ timeout: 120_000 });

const deploymentsPath = '/apis/apps/v1/namespaces/demo/deployments';

interface KubeObjectJson {
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: { template?: { metadata?: { annotations?: Record<string, string> } } };
}

async function getJson<T>(api: EmulatorApi, path: string): Promise<T> {
  const answer = await api.get(path);
  expect(answer.status, answer.body).toBe(200);
  return JSON.parse(answer.body) as T;
}

/** The text of one column of a list row, found by its header (the pods list's EIP column). */
async function cellText(page: Page, row: string, header: string): Promise<string> {
  const headers = (await page.locator('thead th').allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(header);
  expect(index, `column "${header}" in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  const list = new ResourceListPage(page);
  return ((await list.row(row).locator('td').nth(index).textContent()) ?? '').trim();
}

test('S3 from an Available demo snapshot: create a Deployment that names it', async ({ page }) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('imagesnapshots');
  const snapshots = new SnapshotsPage(page);
  await snapshots.openOverviewFromList();
  await expect(snapshots.card('web-cache')).toHaveAttribute('data-phase', 'Available');
  // Only an Available snapshot offers the action (S3: a named snapshot must be Available).
  // (ml-toolchain builds for minutes after the demo starts: its phase depends on the run order.)
  const wizard = new WorkloadWizardPage(page);
  await expect(
    page
      .getByRole('article')
      .and(page.locator(':not([data-phase="Available"])'))
      .getByRole('link', { name: 'Create a workload using it' }),
  ).toHaveCount(0);
  await expect(wizard.useSnapshotLink('web-cache')).toHaveCount(1);

  await wizard.openFromSnapshotCard('web-cache');
  const name = `e2e-snapwl-${Date.now().toString(36)}`;
  await wizard.fillBasics(name, 'nginx:alpine', 1);
  await wizard.create();

  const api = await emulatorApi(DEMO);
  try {
    await expect(page).toHaveURL(/\/deployments$/);
    await expect(new ResourceListPage(page).row(name)).toBeVisible({ timeout: 20_000 });
    const created = await getJson<KubeObjectJson>(api, `${deploymentsPath}/${name}`);
    expect(created.spec?.template?.metadata?.annotations).toEqual({
      'cci.io/image-snapshot-auto-match': 'false',
      'cci.io/image-snapshot-specified-name': 'web-cache',
    });
  } finally {
    await api.delete(`${deploymentsPath}/${name}`);
  }
});

test('E4 E8 EIP7 a Deployment on demo-pool with the wait-for-EIP init container gets EIPs', async ({
  page,
}) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('deployments');
  const wizard = new WorkloadWizardPage(page);
  await wizard.openFromList();
  const name = `e2e-eipwl-${Date.now().toString(36)}`;
  // One replica: demo-pool holds three EIPs and web-eip uses two of them.
  await wizard.fillBasics(name, 'nginx:alpine', 1);
  await wizard.chooseCpu('250m');
  await wizard.useEipPool('demo-pool');
  await wizard.waitForEip();
  await expect(page.getByText(/^A pod binds at most one EIP/)).toBeVisible();
  await expect(page.getByText(/^EIP annotations only count when a pod is created/)).toBeVisible();
  // web-eip (2 + 1 surge) and this one (1 + 1 surge) need 5 EIPs during a rolling update.
  await expect(page.getByText(/^Pool demo-pool holds 3 EIPs/)).toBeVisible();
  await wizard.create();

  const api = await emulatorApi(DEMO);
  try {
    await expect(page).toHaveURL(/\/deployments$/);
    await expect(new ResourceListPage(page).row(name)).toBeVisible({ timeout: 20_000 });
    const created = await getJson<{ spec: { template: { spec: Record<string, unknown> } } }>(
      api,
      `${deploymentsPath}/${name}`,
    );
    expect(created.spec.template.spec['initContainers']).toEqual([
      expect.objectContaining({ name: 'init', image: 'busybox:latest' }),
    ]);

    // The pod list's EIP column shows the address the pool allocated to the pod (E4).
    const pods = new ResourceListPage(page);
    await pods.goto('cn-north-4', 'demo', 'pods');
    await pods.nameSearch.fill(name);
    await expect(pods.rows()).toHaveCount(1, { timeout: 30_000 });
    const podName = ((await pods.rows().first().getAttribute('data-testid')) ?? '').slice(4);
    await expect
      .poll(() => cellText(page, podName, 'EIP'), { timeout: 60_000 })
      .toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const pod = await getJson<KubeObjectJson>(api, `/api/v1/namespaces/demo/pods/${podName}`);
    expect(await cellText(page, podName, 'EIP')).toBe(
      pod.metadata.annotations?.['yangtse.io/allocated-ipv4-eip'],
    );
  } finally {
    await api.delete(`${deploymentsPath}/${name}`);
  }
});

test('S3 a specified snapshot plus auto-match is refused before sending', async ({ page }) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('deployments');
  const wizard = new WorkloadWizardPage(page);
  await wizard.openFromList();
  await wizard.fillBasics(`e2e-conflict-${Date.now().toString(36)}`, 'nginx:alpine', 1);
  await wizard.chooseSnapshotMode('A specified snapshot');
  await wizard.snapshotSelect.click();
  await page.getByRole('option', { name: 'web-cache (Available)' }).click();
  await expect(wizard.createButton).toBeEnabled();

  await wizard.turnOnAutoMatchToo();
  await expect(wizard.snapshotError()).toContainText(/conflict/);
  await expect(wizard.createButton).toBeDisabled();

  // Turning auto-match off again resolves the conflict (auto-match "false", seed 9.2).
  await wizard.autoMatchToo.uncheck();
  await expect(wizard.snapshotError()).toHaveCount(0);
  await expect(wizard.createButton).toBeEnabled();
});

test('EIP2 a refusal only CCI can make lands on the EIP ID field; nothing is created', async ({
  page,
}) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('deployments');
  const wizard = new WorkloadWizardPage(page);
  await wizard.openFromList();
  const name = `e2e-eipid-${Date.now().toString(36)}`;
  await wizard.fillBasics(name, 'nginx:alpine', 1);
  await wizard.chooseEipMode('Existing EIP');
  await wizard.fillEipId('eip-that-does-not-exist');
  await wizard.create();

  await expect(wizard.refusal).toContainText('change the form and try again');
  await expect(
    page.getByRole('textbox', { name: 'EIP ID', exact: true }),
  ).toHaveAccessibleDescription(/eip "eip-that-does-not-exist" not found/i);
  await expect(page).toHaveURL(/\/form\/deployment/);
  const api = await emulatorApi(DEMO);
  expect((await api.get(`${deploymentsPath}/${name}`)).status).toBe(404);
});
