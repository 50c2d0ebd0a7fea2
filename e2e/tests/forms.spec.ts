import { expect, test } from '@playwright/test';
import { DEMO } from '../pages/LoginPage.ts';
import { EditorPage } from '../pages/EditorPage.ts';
import { ObjectFormPage } from '../pages/ObjectFormPage.ts';
import { ResourceListPage } from '../pages/ResourceListPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { emulatorApi } from '../support/emulatorApi.ts';

test.describe.configure({ timeout: 180_000 });

const deployments = '/apis/apps/v1/namespaces/demo/deployments';
const cronjobs = '/apis/batch/v1/namespaces/demo/cronjobs';

interface DeploymentJson {
  spec: {
    replicas: number;
    template: {
      spec: { terminationGracePeriodSeconds?: number; containers: { image: string }[] };
    };
  };
}

interface RolloutJson {
  metadata: { generation?: number };
  status?: { readyReplicas?: number; observedGeneration?: number };
}

/** The manifest a user pastes into the YAML panel: a new image, 2 replicas, a field no input shows. */
function pastedManifest(name: string): string {
  const resources = '{cpu: 500m, memory: 1024Mi}';
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    '  namespace: demo',
    'spec:',
    '  replicas: 2',
    '  selector:',
    `    matchLabels: {app: ${name}}`,
    '  template:',
    '    metadata:',
    `      labels: {app: ${name}}`,
    '    spec:',
    '      terminationGracePeriodSeconds: 20',
    '      containers:',
    '        - name: container-0',
    '          image: nginx:1.27-alpine',
    `          resources: {limits: ${resources}, requests: ${resources}}`,
    '      imagePullSecrets: [{name: imagepull-secret}]',
  ].join('\n');
}

test('a Deployment made by form, the YAML panel in step, then edited by form through a diff', async ({
  page,
}) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('deployments');
  await page.getByRole('link', { name: 'Create Deployment' }).click();
  const form = new ObjectFormPage(page);
  const name = `e2e-form-${Date.now().toString(36)}`;
  await form.name.fill(name);
  await form.image.fill('nginx:alpine');

  // The panel shows the form's object live; an edit there comes back into the form.
  await form.showYaml();
  await expect.poll(() => form.yamlText()).toContain(`name: ${name}`);
  await form.setYaml(pastedManifest(name));
  await expect(form.image).toHaveValue('nginx:1.27-alpine');
  await expect(form.replicas).toHaveValue('2');
  await expect(form.kept()).toContainText('spec.template.spec.terminationGracePeriodSeconds');

  const api = await emulatorApi(DEMO);
  try {
    await form.createButton.click();
    await expect(page).toHaveURL(/\/deployments$/);
    const list = new ResourceListPage(page);
    await expect(list.row(name)).toBeVisible({ timeout: 20_000 });

    // Edit once the rollout settled: its status writes change the resourceVersion, and an
    // update read before one of them is refused as a conflict (409), as it should be.
    await expect
      .poll(
        async () => {
          const d = JSON.parse((await api.get(`${deployments}/${name}`)).body) as RolloutJson;
          return (
            d.status?.readyReplicas === 2 && d.status.observedGeneration === d.metadata.generation
          );
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    await list.row(name).getByRole('link', { name, exact: true }).click();
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/form/deployment\\?name=${name}$`));
    await expect(form.replicas).toHaveValue('2');
    await form.replicas.fill('3');
    await expect(form.updateButton).toBeDisabled(); // the diff comes first
    await form.review();
    await expect.poll(() => form.diffText()).toContain('replicas: 3');
    await form.updateButton.click();
    await expect(page).toHaveURL(new RegExp(`/ns/demo/deployments/${name}$`));

    const stored = JSON.parse((await api.get(`${deployments}/${name}`)).body) as DeploymentJson;
    expect(stored.spec.replicas).toBe(3);
    expect(stored.spec.template.spec.containers[0]?.image).toBe('nginx:1.27-alpine');
    // The field no input shows went through the create and the update untouched.
    expect(stored.spec.template.spec.terminationGracePeriodSeconds).toBe(20);
  } finally {
    await api.delete(`${deployments}/${name}`);
  }
});

test('P3 the editor flags a GPU container in a general-computing namespace', async ({ page }) => {
  await signInToDemoNamespace(page);
  const editor = new EditorPage(page);
  await editor.openTemplate('04-02');
  await expect(editor.problems).toContainText(
    /GPUs are only available in gpu-accelerated namespaces; namespace "demo" is general-computing/,
  );
});

test.describe('in Shanghai time', () => {
  test.use({ timezoneId: 'Asia/Shanghai' });

  test('J3 a CronJob by form: its schedule in words and next runs, in the list and on details', async ({
    page,
  }) => {
    const frame = await signInToDemoNamespace(page);
    await frame.open('cronjobs');
    await page.getByRole('link', { name: 'Create CronJob' }).click();
    const form = new ObjectFormPage(page);
    const name = `e2e-cron-${Date.now().toString(36)}`;
    await form.name.fill(name);
    await form.image.fill('busybox:latest');
    await form.schedule.fill('0 2 * * *');
    await expect(page.getByLabel('Schedule in words')).toHaveText('At 02:00 (UTC)');
    // 02:00 UTC is 10:00 in Shanghai: five runs, each at 10:00 local time.
    const runs = page.getByRole('region', { name: 'Next runs' }).getByRole('listitem');
    await expect(runs).toHaveCount(5);
    for (const run of await runs.allTextContents()) expect(run).toContain('10:00');

    const api = await emulatorApi(DEMO);
    try {
      await form.createButton.click();
      await expect(page).toHaveURL(/\/cronjobs$/);
      const row = new ResourceListPage(page).row(name);
      await expect(row).toContainText('At 02:00', { timeout: 20_000 });
      await expect(row).toContainText('10:00');

      await row.getByRole('link', { name, exact: true }).click();
      const schedule = page.getByRole('region', { name: 'Schedule', exact: true });
      await expect(schedule).toContainText('0 2 * * *');
      await expect(schedule).toContainText('At 02:00 (UTC)');
      await expect(schedule.getByRole('listitem')).toHaveCount(5);
    } finally {
      await api.delete(`${cronjobs}/${name}`);
    }
  });
});
