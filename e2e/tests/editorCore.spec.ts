import { expect, test } from '@playwright/test';
import { EditorPage, MONACO_FIRST_LOAD_MS } from '../pages/EditorPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { recordCspViolations } from '../support/cspViolations.ts';

// The Monaco editor itself (features/editor/) under the real BFF and its CSP: it renders with
// workers from our own origin, shows diagnoseYaml's markers with their messages, and applies a
// rule's quick fix, all drawn (squiggles, line numbers, hover) with no CSP violation. The
// workflow around it (templates, apply) is editor.spec.ts.

const deployment = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: e2e-editor-core',
  'spec:',
  '  replica: 1',
  '  selector:',
  '    matchLabels: { app: web }',
  '  template:',
  '    metadata:',
  '      labels: { app: web }',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:alpine',
  '          resources:',
  '            limits: { cpu: 500m, memory: 1Gi }',
  '            requests: { cpu: 250m, memory: 1Gi }',
  '      imagePullSecrets:',
  '        - name: imagepull-secret',
  '',
].join('\n');

test('a typo gets a marker with its message, and P1 is fixed by its quick fix', async ({
  page,
}) => {
  test.slow(); // Monaco is a big download and parse
  const csp = await recordCspViolations(page);
  await signInToDemoNamespace(page);
  const editor = new EditorPage(page);
  await editor.newEntry().click();
  const host = editor.editor;
  await expect(host.locator('.monaco-editor .view-lines')).toBeVisible({
    timeout: MONACO_FIRST_LOAD_MS,
  });

  await editor.setText(deployment, host);
  // Drawn: Monaco sizes decorations with style attributes in its HTML, which the CSP refuses;
  // monacoStyleAttributes.ts applies them through the CSSOM (docs/architecture.md, Editor).
  const squiggle = await editor.drawn(host.locator('.squiggly-error').first());
  expect(squiggle.backgroundImage).toContain('data:image/svg+xml');
  expect(squiggle.width).toBeGreaterThan(0);
  expect(squiggle.height).toBeGreaterThan(0);
  await editor.expectLineNumbersAligned(host);
  const cursor = await editor.drawn(host.locator('.cursors-layer .cursor').first());
  expect(cursor.height).toBeGreaterThan(0);

  // Hover docs come from the CCI schemas through monaco-yaml's worker.
  await host
    .locator('.view-line span', { hasText: /^selector$/ })
    .first()
    .hover();
  await expect(page.locator('.monaco-hover').first()).toContainText(
    'A label selector is a label query',
  );
  await expect(page.locator('.monaco-hover').first()).toBeVisible();
  await page.mouse.move(0, 0);

  // F8 opens the marker under/after the cursor with its message (first: the replica typo).
  await host.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  const markerWidget = page.locator('.marker-widget');
  await expect(markerWidget).toContainText(
    'Unknown field "replica" in spec (did you mean "replicas"?)',
  );
  await page.keyboard.press('Escape');

  // P1's quick fix: cursor onto requests.cpu, Ctrl+. lists the fix, Enter applies it.
  await page.keyboard.press('F8');
  await page.keyboard.press('F8');
  await expect(markerWidget).toContainText('limits.cpu (500m) must equal requests.cpu (250m)');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+Period');
  await page.getByText('Set requests.cpu to 500m').click();
  await expect.poll(() => editor.text(host)).toContain('requests: { cpu: 500m, memory: 1Gi }');

  // Scripts, workers, Monaco's <style> elements (monacoStyles.ts) and the style attributes in
  // its HTML (monacoStyleAttributes.ts): nothing was refused by the BFF's CSP.
  expect(await csp.all()).toEqual([]);
});
