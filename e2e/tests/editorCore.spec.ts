import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from '../pages/EditorPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { testIds } from '../pages/testIds.ts';

// The Monaco editor itself (features/editor/) under the real BFF and its CSP: it renders with
// workers from our own origin, shows diagnoseYaml's markers with their messages, and applies a
// rule's quick fix. The workflow around it (templates, apply) is editor.spec.ts.

/** CSP violations the page reports, collected from the start of every document. */
async function collectCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(
        `${e.effectiveDirective} ${e.blockedURI || 'inline'} ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

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
  const cspViolations = await collectCspViolations(page);
  await signInToDemoNamespace(page);
  const editor = new EditorPage(page);
  await page.getByTestId(testIds.editorEntryNew).click();
  const host = page.getByTestId(testIds.yamlEditor);
  await expect(host.locator('.monaco-editor .view-lines')).toBeVisible();

  await editor.setText(deployment, host);
  // Attached, not visible: Monaco sizes decorations with style attributes, which the CSP's
  // style-src 'self' refuses (see docs/architecture.md, Editor). The marker itself is there:
  await expect(host.locator('.squiggly-error').first()).toBeAttached();

  // Hover docs come from the CCI schemas through monaco-yaml's worker.
  await host
    .locator('.view-line span', { hasText: /^selector$/ })
    .first()
    .hover();
  await expect(page.locator('.monaco-hover').first()).toContainText(
    'A label selector is a label query',
  );
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
  await expect(markerWidget).toContainText('P1: limits.cpu (500m) must equal requests.cpu (250m)');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+Period');
  await page.getByText('Set requests.cpu to 500m').click();
  await expect.poll(() => editor.text(host)).toContain('requests: { cpu: 500m, memory: 1Gi }');

  // Scripts and workers all come from our origin. Monaco's <style> elements and style
  // attributes are still refused by style-src 'self' (monacoStyles.ts mirrors the <style> ones
  // into constructable stylesheets: theme and token colours apply).
  const directives = new Set((await cspViolations()).map((v) => v.split(' ')[0]));
  expect([...directives].filter((d) => d !== 'style-src-elem' && d !== 'style-src-attr')).toEqual(
    [],
  );
});
