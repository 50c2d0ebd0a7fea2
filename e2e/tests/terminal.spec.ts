import { expect, test, type Page } from '@playwright/test';
import { DetailsPage } from '../pages/DetailsPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { TerminalTab } from '../pages/TerminalTab.ts';

const REGION = 'cn-north-4';
const NAMESPACE = 'demo';

test.describe.configure({ timeout: 120_000 });

/** A pod whose readiness is an exec probe on /ready (the seed's `touch /ready` example). */
function readyFilePod(name: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NAMESPACE },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'busybox:latest',
          command: ['sh', '-c', 'sleep 3600'],
          resources: {
            limits: { cpu: '500m', memory: '1024Mi' },
            requests: { cpu: '500m', memory: '1024Mi' },
          },
          readinessProbe: { exec: { command: ['cat', '/ready'] }, periodSeconds: 1 },
        },
      ],
    },
  };
}

/** Creates the pod through the console's own API (the page's session and CSRF header). */
async function createPod(page: Page, pod: ReturnType<typeof readyFilePod>): Promise<void> {
  const answer = await page.evaluate(async (body) => {
    const response = await fetch(`/api/cci/api/v1/namespaces/${body.metadata.namespace}/pods`, {
      method: 'POST',
      headers: { 'X-CCI-Console': '1', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return `${response.status} ${await response.text()}`;
  }, pod);
  expect(answer).toMatch(/^201 /);
}

/** CSP violations the page reports: xterm's styles must go through constructable sheets. */
async function recordCspViolations(page: Page): Promise<() => string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) seen.push(m.text());
  });
  return () => seen;
}

test('a pod terminal runs `echo hello` and shows hello, under the CSP', async ({ page }) => {
  const violations = await recordCspViolations(page);
  await signInToDemoNamespace(page);
  const name = `term-echo-${Date.now().toString(36)}`;
  await createPod(page, readyFilePod(name));
  const details = new DetailsPage(page);
  await details.goto(REGION, NAMESPACE, 'pods', name);
  const terminal = new TerminalTab(page);
  await expect(async () => {
    await page.reload();
    await terminal.open();
  }).toPass({ timeout: 60_000 });
  await terminal.run('echo hello');
  await terminal.expectOutput(/echo hello\s*hello/);
  await terminal.run('exit 4');
  await expect(terminal.notice).toContainText('The shell exited with code 4.');
  await expect(terminal.reconnect).toBeVisible();
  expect(violations()).toEqual([]);
});

test('`touch /ready` in the terminal turns the pod Ready live', async ({ page }) => {
  await signInToDemoNamespace(page);
  const name = `term-ready-${Date.now().toString(36)}`;
  await createPod(page, readyFilePod(name));
  const details = new DetailsPage(page);
  await details.goto(REGION, NAMESPACE, 'pods', name);
  const readyRow = details.conditions.getByRole('row').filter({ hasText: /^Ready/ });
  await expect(readyRow).toContainText('False', { timeout: 60_000 });
  const terminal = new TerminalTab(page);
  await terminal.open();
  await terminal.run('touch /ready');
  await terminal.run('ls /');
  await terminal.expectOutput('ready');
  await details.openTab('overview');
  await expect(readyRow).toContainText('True', { timeout: 30_000 });
});

test('xterm.js arrives only with the Terminal tab, not with the pod details', async ({ page }) => {
  const scripts: Promise<string>[] = [];
  page.on('response', (response) => {
    if (/javascript/.test(response.headers()['content-type'] ?? '')) {
      const text = response.text();
      text.catch(() => undefined);
      scripts.push(text.catch(() => ''));
    }
  });
  // A string literal of xterm's own code that minifying cannot rename.
  const xtermLoaded = async () =>
    (await Promise.all(scripts)).some((body) => body.includes('xterm-helper-textarea'));
  await signInToDemoNamespace(page);
  const name = `term-lazy-${Date.now().toString(36)}`;
  await createPod(page, readyFilePod(name));
  const details = new DetailsPage(page);
  await details.goto(REGION, NAMESPACE, 'pods', name);
  await expect(details.conditions).toBeVisible();
  expect(await xtermLoaded()).toBe(false);
  await new TerminalTab(page).tab.click();
  await expect(new TerminalTab(page).screen).toBeVisible();
  await expect.poll(xtermLoaded).toBe(true);
});
