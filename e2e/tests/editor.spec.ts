import { expect, test } from '@playwright/test';
import { EditorPage, MONACO_FIRST_LOAD_MS } from '../pages/EditorPage.ts';
import { DEMO } from '../pages/LoginPage.ts';
import { ResourceListPage } from '../pages/ResourceListPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { recordCspViolations } from '../support/cspViolations.ts';
import { emulatorApi, type EmulatorApi } from '../support/emulatorApi.ts';

// The editor workflow against the real console: templates of the guide, markers, dry run and
// apply through the BFF, edit with a diff, and the 409 flow when someone else changed the object.

// Monaco loads and renders per test; several editor rounds per test need more than 30 s on a busy host.
test.describe.configure({ timeout: 60_000 });

let api: EmulatorApi;
test.beforeAll(async () => {
  api = await emulatorApi(DEMO);
});

async function createConfigMap(name: string, data: Record<string, string>): Promise<void> {
  const created = await api.post('/api/v1/namespaces/demo/configmaps', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name },
    data,
  });
  expect(created.status, created.body).toBe(201);
}

test('Y1: a template with a typo gets a marker; fixed, it applies and shows in its list', async ({
  page,
}) => {
  const csp = await recordCspViolations(page);
  await signInToDemoNamespace(page);
  const editor = new EditorPage(page);
  await editor.openTemplate('14-01');
  // The template is in the current namespace.
  await expect.poll(() => editor.text()).toContain('namespace: demo');
  await expect.poll(() => editor.text()).toContain('name: configmap-test');

  const fixed = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: e2e-editor-template',
    '  namespace: demo',
    'data:',
    '  property_1: Hello',
    '',
  ].join('\n');
  await editor.setText(fixed.replace('name: e2e-editor-template', 'name:e2e-editor-template'));
  await expect(editor.problems).toContainText('is one plain string, not a key and value');
  // Drawn, not just attached: Monaco's wavy SVG (a data: image) over the marked text's width.
  const squiggle = await editor.drawn(editor.errorMarkers().first());
  expect(squiggle.backgroundImage).toContain('data:image/svg+xml');
  expect(squiggle.width).toBeGreaterThan(0);
  expect(squiggle.height).toBeGreaterThan(0);
  await editor.expectLineNumbersAligned();
  // Under the BFF's strict CSP (docs/architecture.md, Editor): nothing was refused.
  expect(await csp.all()).toEqual([]);

  await editor.setText(fixed);
  await expect(editor.problems).toHaveCount(0);
  await editor.dryRun();
  await editor.expectOutcome(0, 'created');
  await expect(editor.results).toHaveAttribute('data-applied', 'false');

  await editor.apply();
  await editor.expectOutcome(0, 'created');
  await expect(editor.results).toHaveAttribute('data-applied', 'true');
  await editor.result(0).getByRole('link').click();
  await expect(new ResourceListPage(page).row('e2e-editor-template')).toBeVisible();
});

test('P1: a refused document shows the server message at its line and nothing is written', async ({
  page,
}) => {
  await signInToDemoNamespace(page);
  const editor = new EditorPage(page);
  await editor.openTemplate('14-01');
  // Two documents: the first is fine, the second breaks P1 (limits must equal requests).
  await editor.setText(
    [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: e2e-editor-not-written',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: e2e-editor-bad-pod',
      'spec:',
      '  containers:',
      '    - name: c',
      '      image: nginx:alpine',
      '      resources:',
      '        limits:',
      '          cpu: 500m',
      '          memory: 1Gi',
      '        requests:',
      '          cpu: 250m',
      '          memory: 1Gi',
      '  imagePullSecrets:',
      '    - name: imagepull-secret',
      '',
    ].join('\n'),
  );
  await editor.apply();
  await editor.expectOutcome(1, 'error');
  await expect(editor.results).toHaveAttribute('data-applied', 'false');
  // The server's cause is spec.containers[0].resources.requests.cpu: line 19 of the whole text.
  await expect(editor.result(1)).toContainText('line 19');
  await expect(editor.result(1)).toContainText('must equal requests.cpu');
  await new ResourceListPage(page).goto('cn-north-4', 'demo', 'configmaps');
  await expect(page.getByTestId('resource-table')).toBeVisible();
  await expect(new ResourceListPage(page).row('e2e-editor-not-written')).toHaveCount(0);
});

test('edit from details: server fields stripped, diff, apply', async ({ page }) => {
  await createConfigMap('e2e-editor-edit', { greeting: 'hello' });
  const csp = await recordCspViolations(page);
  await signInToDemoNamespace(page);
  await page.goto('/r/cn-north-4/ns/demo/configmaps/e2e-editor-edit');
  const editor = new EditorPage(page);
  await editor.openEditFromDetails();
  await expect.poll(() => editor.text()).toContain('greeting: hello');
  const text = await editor.text();
  expect(text).toContain('resourceVersion');
  expect(text).not.toContain('uid:');
  expect(text).not.toContain('creationTimestamp');
  expect(text).not.toContain('managedFields');

  await editor.setText(text.replace('greeting: hello', 'greeting: bonjour'));
  await editor.review();
  await expect(editor.diff).toBeVisible();
  // The diff's colours cover the changed line and the changed characters on both sides.
  for (const change of ['.line-delete', '.line-insert', '.char-delete', '.char-insert']) {
    const drawn = await editor.drawn(editor.diff.locator(change).first());
    expect(drawn.width, change).toBeGreaterThan(0);
    expect(drawn.backgroundColor, change).not.toBe('rgba(0, 0, 0, 0)');
  }
  await editor.expectLineNumbersAligned(editor.diff);
  expect(await csp.all()).toEqual([]);
  await editor.apply();
  await editor.expectOutcome(0, 'configured');
  await expect.poll(() => editor.text()).toContain('greeting: bonjour');
});

test('409: someone changes the object meanwhile; the change is re-applied on the newer version', async ({
  page,
}) => {
  await createConfigMap('e2e-editor-conflict', { mine: 'before', theirs: 'before' });
  await signInToDemoNamespace(page);
  await page.goto('/r/cn-north-4/ns/demo/editor?resource=configmaps&name=e2e-editor-conflict');
  const editor = new EditorPage(page);
  await expect(editor.editor.locator('.view-lines')).toBeVisible({
    timeout: MONACO_FIRST_LOAD_MS,
  });
  // The editor opens empty and fills once the object is read.
  await expect.poll(() => editor.text()).toContain('mine: before');
  const text = await editor.text();
  await editor.setText(text.replace('mine: before', 'mine: changed'));

  const patched = await api.mergePatch('/api/v1/namespaces/demo/configmaps/e2e-editor-conflict', {
    data: { theirs: 'changed' },
  });
  expect(patched.status, patched.body).toBe(200);

  await editor.review();
  await editor.apply();
  await expect(editor.conflict).toBeVisible();
  await editor.reapplyAfterConflict();
  const merged = await editor.text(editor.diff);
  expect(merged).toContain('mine: changed');
  expect(merged).toContain('theirs: changed');
  await editor.apply();
  await editor.expectOutcome(0, 'configured');
});

test('drafts survive a reload, Secret values excepted', async ({ page }) => {
  await signInToDemoNamespace(page);
  const editor = new EditorPage(page);
  await editor.openTemplate('14-01');
  const secret = [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: e2e-editor-secret',
    '  namespace: demo',
    'data:',
    '  key1: c3VwZXJzZWNyZXQ=',
    '',
  ].join('\n');
  await editor.setText(secret);
  await expect(editor.draftNotice).toHaveAttribute('data-save', 'savedWithoutSecretValues');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).toContain('e2e-editor-secret');
  expect(stored).not.toContain('c3VwZXJzZWNyZXQ=');

  await page.reload();
  await expect(editor.draftNotice).toBeVisible();
  await expect.poll(() => editor.text()).toContain('name: e2e-editor-secret');
  expect(await editor.text()).not.toContain('c3VwZXJzZWNyZXQ=');
  // Applying the blanked copy would store an empty value: Apply waits for it to be typed again.
  await expect(editor.missingSecretValues).toContainText('e2e-editor-secret: data.key1');
  await expect(editor.applyButton()).toBeDisabled();
  await editor.setText(secret);
  await expect(editor.missingSecretValues).toHaveCount(0);
  await expect(editor.applyButton()).toBeEnabled();
});
