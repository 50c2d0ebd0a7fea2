import { expect, test } from '@playwright/test';
import { DetailsPage } from '../pages/DetailsPage.ts';
import { EditorPage } from '../pages/EditorPage.ts';
import { EventsPage } from '../pages/EventsPage.ts';
import { DEMO } from '../pages/LoginPage.ts';
import { ObjectSections } from '../pages/ObjectSections.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { emulatorApi } from '../support/emulatorApi.ts';

const resources = {
  limits: { cpu: '500m', memory: '1Gi' },
  requests: { cpu: '500m', memory: '1Gi' },
};

test('the Events list shows a failing readiness probe as a Warning, live, linked to its pod', async ({
  page,
}) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('events');
  const events = new EventsPage(page);
  await expect(events.rows('Scheduled').first()).toBeVisible();

  // A pod whose exec readiness probe fails until /ready exists: the kubelet reports Unhealthy.
  const name = `unready-${Date.now().toString(36)}`;
  const api = await emulatorApi(DEMO);
  const created = await api.post('/api/v1/namespaces/demo/pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      imagePullSecrets: [{ name: 'imagepull-secret' }],
      containers: [
        {
          name: 'container-0',
          image: 'nginx:alpine',
          resources,
          readinessProbe: { exec: { command: ['ls', '/ready'] }, periodSeconds: 1 },
        },
      ],
    },
  });
  expect(created.status, created.body).toBe(201);
  try {
    // Live: no reload; the sidebar counts it too.
    const warning = events.rows('Warning', 'Unhealthy', `Pod/${name}`);
    await expect(warning).toHaveCount(1, { timeout: 30_000 });
    await expect(events.warningBadge).toBeVisible();

    await events.showType('Warning');
    await expect(events.rows('Scheduled')).toHaveCount(0);
    await events.showType('All');
    await events.filterObject(name);
    await expect(events.rows('Scheduled')).toHaveCount(1);

    await warning.getByRole('link', { name: `Pod/${name}`, exact: true }).click();
    await expect(new DetailsPage(page).title).toHaveText(name);
  } finally {
    await api.delete(`/api/v1/namespaces/demo/pods/${name}`);
  }
});

test('a pod overview shows its containers with image, state and restarts, and links its volumes', async ({
  page,
}) => {
  await signInToDemoNamespace(page);
  const details = new DetailsPage(page);
  await details.goto('cn-north-4', 'demo', 'deployments', 'redis');
  await details.relatedLinks('relPods', 'pods').first().click();

  const sections = new ObjectSections(page);
  const container = sections.container('container-0');
  await expect(container).toContainText('redis:6');
  await expect(container).toContainText(/\d+ restarts?/);
  await expect(container).toContainText('Running');
  await expect(container).toContainText('6379/TCP (redis)');
  // The Secret's value is named, never shown.
  await expect(container).toContainText('REDIS_PASSWORD from Secret db-credentials key password');
  await expect(container).not.toContainText('redis-demo-password');
  await expect(sections.volumes.getByRole('link', { name: 'data-evs' })).toBeVisible();
});

test('a Secret shows its values masked until revealed, in the Data section and the YAML tab', async ({
  page,
}) => {
  await signInToDemoNamespace(page);
  const details = new DetailsPage(page);
  await details.goto('cn-north-4', 'demo', 'secrets', 'db-credentials');
  const sections = new ObjectSections(page);
  const password = sections.dataEntry('password');
  await expect(password).toBeVisible();
  await expect(password).not.toContainText('redis-demo-password');
  await sections.reveal('password').click();
  await expect(password).toContainText('redis-demo-password');

  await details.openTab('raw');
  const json = details.tabPanel('raw');
  await page.getByText('JSON', { exact: true }).click();
  await expect(json).toContainText('"password": "••••••••"');
  await expect(json).not.toContainText(btoa('redis-demo-password'));
  await sections.revealInYaml().check();
  await expect(json).toContainText(btoa('redis-demo-password'));
});

test('Edit YAML of a Secret masks its values unless shown; applying keeps masked values as stored', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const api = await emulatorApi(DEMO);
  const name = `e2e-masked-${Date.now().toString(36)}`;
  const created = await api.post('/api/v1/namespaces/demo/secrets', {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name },
    type: 'Opaque',
    data: { username: btoa('demo'), password: btoa('kept-as-stored') },
  });
  expect(created.status, created.body).toBe(201);
  await signInToDemoNamespace(page);
  await page.goto(`/r/cn-north-4/ns/demo/secrets/${name}`);
  const editor = new EditorPage(page);
  await editor.openEditFromDetails();
  await expect.poll(() => editor.text()).toContain('password: ••••••••');
  const masked = await editor.text();
  expect(masked).not.toContain(btoa('kept-as-stored'));
  expect(masked).not.toContain(btoa('demo'));
  const reveal = page.getByRole('switch', { name: 'Show Secret values' });
  await reveal.check();
  await expect.poll(() => editor.text()).toContain(btoa('kept-as-stored'));
  await reveal.uncheck();
  await expect.poll(() => editor.text()).not.toContain(btoa('kept-as-stored'));

  // Only username is typed anew; password stays the mask and must be saved as stored.
  await editor.setText(
    (await editor.text()).replace('username: ••••••••', `username: ${btoa('admin')}`),
  );
  await editor.review();
  await editor.apply();
  await editor.expectOutcome(0, 'configured');
  const stored = JSON.parse((await api.get(`/api/v1/namespaces/demo/secrets/${name}`)).body) as {
    data: Record<string, string>;
  };
  expect(stored.data).toEqual({ username: btoa('admin'), password: btoa('kept-as-stored') });
  await expect.poll(() => editor.text()).toContain('password: ••••••••');
  await api.delete(`/api/v1/namespaces/demo/secrets/${name}`);
});

test('a ConfigMap shows a multi-line value as readable lines', async ({ page }) => {
  await signInToDemoNamespace(page);
  const details = new DetailsPage(page);
  await details.goto('cn-north-4', 'demo', 'configmaps', 'cci-logging-conf');
  const conf = new ObjectSections(page).dataEntry('output.conf');
  await expect(conf).toContainText('[OUTPUT]');
  await expect(conf).not.toContainText('\\n');
  await expect(conf.locator('pre')).toContainText(/\[OUTPUT\]\n/);
});
