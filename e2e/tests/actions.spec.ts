import { expect, test, type Page } from '@playwright/test';
import { ActionsDialogs } from '../pages/ActionsDialogs.ts';
import { DetailsPage } from '../pages/DetailsPage.ts';
import { DEMO } from '../pages/LoginPage.ts';
import { ResourceListPage } from '../pages/ResourceListPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { emulatorApi, type EmulatorApi } from '../support/emulatorApi.ts';

// Every test works on objects it creates itself (never the demo's), named uniquely per run.
const run = Date.now().toString(36);
let api: EmulatorApi;

test.beforeAll(async () => {
  api = await emulatorApi(DEMO);
});

async function createConfigMap(name: string, labels: Record<string, string> = {}) {
  const created = await api.post('/api/v1/namespaces/demo/configmaps', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, labels },
    data: { purpose: 'actions e2e' },
  });
  expect(created.status, created.body).toBe(201);
}

/** A CCI-valid Deployment: limits equal requests (P1), the one pull secret (P2). */
async function createDeployment(name: string, image: string, replicas: number) {
  const labels = { app: name };
  const resources = { cpu: '250m', memory: '512Mi' };
  const created = await api.post('/apis/apps/v1/namespaces/demo/deployments', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels, annotations: { 'kubernetes.io/change-cause': `image ${image}` } },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            { name: 'container-0', image, resources: { limits: resources, requests: resources } },
          ],
          imagePullSecrets: [{ name: 'imagepull-secret' }],
        },
      },
    },
  });
  expect(created.status, created.body).toBe(201);
}

/** Reads an object through the console's own API (the browser's session). */
async function readThroughConsole(page: Page, path: string): Promise<Record<string, unknown>> {
  const response = await page.request.get(`/api/cci${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

test('P11 deletes several objects selected in the list, naming each in the confirmation', async ({
  page,
}) => {
  const [a, b, keep] = ['a', 'b', 'keep'].map((s) => `del-${run}-${s}`) as [string, string, string];
  for (const name of [a, b, keep]) await createConfigMap(name);
  const frame = await signInToDemoNamespace(page);
  await frame.open('configmaps');
  const list = new ResourceListPage(page);
  const actions = new ActionsDialogs(page);
  await expect(list.row(keep)).toBeVisible();

  await actions.select(a, b);
  await expect(actions.button('deleteSelected')).toHaveText('Delete selected (2)');
  await actions.button('deleteSelected').click();
  expect(await actions.targetNames()).toEqual([a, b]);
  await actions.submit.click();

  // The live list drops them on its own; the unselected one stays.
  await expect(list.row(a)).toHaveCount(0);
  await expect(list.row(b)).toHaveCount(0);
  await expect(list.row(keep)).toBeVisible();
  await expect(actions.button('deleteSelected')).toHaveText('Delete selected (0)');
});

test('P11 deletes one object from its details page and returns to the list', async ({ page }) => {
  const name = `del-${run}-one`;
  await createConfigMap(name);
  await signInToDemoNamespace(page);
  const details = new DetailsPage(page);
  await details.goto('cn-north-4', 'demo', 'configmaps', name);
  const actions = new ActionsDialogs(page);
  await actions.fromMenu('delete');
  expect(await actions.targetNames()).toEqual([name]);
  await actions.submit.click();
  await expect(page).toHaveURL(/\/ns\/demo\/configmaps$/);
  await expect(new ResourceListPage(page).row(name)).toHaveCount(0);
});

test('P11 deletes by label selector after listing the matching objects', async ({ page }) => {
  const batch = `batch-${run}`;
  const [x, y, other] = ['x', 'y', 'other'].map((s) => `sel-${run}-${s}`) as [
    string,
    string,
    string,
  ];
  await createConfigMap(x, { batch });
  await createConfigMap(y, { batch });
  await createConfigMap(other, { batch: `${batch}-no` });
  const frame = await signInToDemoNamespace(page);
  await frame.open('configmaps');
  const list = new ResourceListPage(page);
  const actions = new ActionsDialogs(page);
  await expect(list.row(x)).toBeVisible();

  await actions.button('deleteBySelector').click();
  await actions.selector.fill(`batch=${batch}`);
  await expect(actions.dialog).toContainText(`Objects matching batch=${batch} (2):`);
  expect(await actions.targetNames()).toEqual([x, y]);
  await actions.submit.click();
  await expect(list.row(x)).toHaveCount(0);
  await expect(list.row(y)).toHaveCount(0);
  await expect(list.row(other)).toBeVisible();
});

test('L1 changing an existing label asks to overwrite, then applies; adding is direct', async ({
  page,
}) => {
  const name = `lbl-${run}`;
  await createConfigMap(name, { tier: 'front' });
  const frame = await signInToDemoNamespace(page);
  await frame.open('configmaps');
  const list = new ResourceListPage(page);
  const actions = new ActionsDialogs(page);
  await expect(list.row(name)).toContainText('tier=front');

  await actions.select(name);
  await actions.button('editLabels').click();
  await actions.labelsInput.fill('tier=back');
  await actions.submit.click();
  await expect(actions.overwritePrompt).toContainText('tier: front → back');
  await expect(list.row(name)).toContainText('tier=front'); // nothing sent yet
  await expect(actions.submit).toHaveText('Overwrite');
  await actions.submit.click();
  await expect(actions.dialog).toHaveCount(0);
  await expect(list.row(name)).toContainText('tier=back');

  await actions.button('editLabels').click();
  await actions.labelsInput.fill('owner=e2e');
  await actions.submit.click();
  await expect(actions.dialog).toHaveCount(0);
  await expect(list.row(name)).toContainText('owner=e2e');
  await expect(list.row(name)).toContainText('tier=back');
});

test('D6 scaling a Deployment shows current/desired and the list follows the new replicas', async ({
  page,
}) => {
  const name = `scale-${run}`;
  await createDeployment(name, 'nginx:1.25', 1);
  const frame = await signInToDemoNamespace(page);
  await frame.open('deployments');
  const list = new ResourceListPage(page);
  const actions = new ActionsDialogs(page);
  await expect(list.row(name)).toContainText('/1');

  await actions.select(name);
  await actions.button('scale').click();
  await expect(actions.scaleDesired).toHaveText('1');
  await expect(actions.scaleCurrent).toHaveText(/^[01]$/);
  await actions.scaleInput.fill('3');
  await actions.submit.click();
  await expect(actions.dialog).toHaveCount(0);
  await expect(list.row(name)).toContainText('/3');
  // The controller follows: three pods become ready (D6 READY 3/3).
  await expect(list.row(name)).toContainText('3/3', { timeout: 25_000 });
});

test('D5 rollout undo returns a Deployment to the previous revision’s template', async ({
  page,
}) => {
  const name = `undo-${run}`;
  await createDeployment(name, 'nginx:1.24', 1);
  await signInToDemoNamespace(page);
  const path = `/apis/apps/v1/namespaces/demo/deployments/${name}`;
  await expect
    .poll(async () => {
      const d = await readThroughConsole(page, path);
      return (d['metadata'] as { annotations?: Record<string, string> }).annotations?.[
        'deployment.kubernetes.io/revision'
      ];
    })
    .toBe('1');
  // A new template (revision 2), sent from the page through the console's proxy like any edit.
  const patched = await page.evaluate(async (url) => {
    const response = await fetch(url, {
      method: 'PATCH',
      headers: {
        'X-CCI-Console': '1',
        'Content-Type': 'application/strategic-merge-patch+json',
      },
      body: JSON.stringify({
        metadata: { annotations: { 'kubernetes.io/change-cause': 'image nginx:1.25' } },
        spec: {
          template: { spec: { containers: [{ name: 'container-0', image: 'nginx:1.25' }] } },
        },
      }),
    });
    return `${response.status} ${await response.text()}`;
  }, `/api/cci${path}`);
  expect(patched).toMatch(/^200 /);

  const details = new DetailsPage(page);
  await details.goto('cn-north-4', 'demo', 'deployments', name);
  const actions = new ActionsDialogs(page);
  await actions.fromMenu('rollback');
  await expect(actions.dialog).toContainText('Current revision: 2');
  await expect(actions.revision).toHaveValue('1');
  await expect(actions.revision).toContainText('Revision 1: nginx:1.24');
  await expect(actions.dialog).toContainText('Change cause: image nginx:1.24');
  await actions.submit.click();
  await expect(actions.dialog).toHaveCount(0);

  await expect
    .poll(async () => {
      const d = await readThroughConsole(page, path);
      const spec = d['spec'] as { template: { spec: { containers: { image: string }[] } } };
      const annotations = (d['metadata'] as { annotations: Record<string, string> }).annotations;
      return [
        spec.template.spec.containers[0]?.image,
        annotations['deployment.kubernetes.io/revision'],
        annotations['kubernetes.io/change-cause'],
      ];
    })
    .toEqual(['nginx:1.24', '3', 'image nginx:1.24']);
});
