import { expect, test, type Page } from '@playwright/test';
import { MetricsPanel } from '../pages/MetricsPanel.ts';
import { ResourceListPage } from '../pages/ResourceListPage.ts';
import { ConsoleFrame } from '../pages/ConsoleFrame.ts';
import { DEMO, LoginPage } from '../pages/LoginPage.ts';

const REGION = 'cn-north-4';

// Sign-in plus two or more scrape intervals (15 s by default) per test; the time bounds below
// are scrape counts, not speed claims.
test.describe.configure({ timeout: 180_000 });

/** Lengthens the running test's timeout to at least `ms` (intervals longer than the default). */
function atLeast(ms: number): void {
  test.setTimeout(Math.max(test.info().timeout, ms));
}

/**
 * CSP violations the page reports (the BFF sends style-src 'self'): recharts styles its SVG
 * through React, i.e. CSSOM, which the policy allows; style attributes in markup it would block.
 */
async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(
      () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
    )),
  ];
}

/** Demo sign-in; generous waits because the metrics tests run long on a loaded machine anyway. */
async function signIn(page: Page): Promise<void> {
  const login = new LoginPage(page);
  await login.goto();
  await expect(login.submit).toBeEnabled({ timeout: 60_000 });
  await login.signIn(DEMO);
  await expect(new ConsoleFrame(page).userMenu).toBeVisible({ timeout: 60_000 });
}

/** The first pod of a demo deployment, by its generated name. */
async function demoPod(page: Page, deployment: string, namespace = 'demo'): Promise<string> {
  const list = new ResourceListPage(page);
  await list.goto(REGION, namespace, 'pods');
  const row = page.locator(`[data-testid^="row-${deployment}-"]`).first();
  await expect(row).toBeVisible({ timeout: 60_000 });
  return ((await row.getAttribute('data-testid')) ?? '').slice('row-'.length);
}

/** Opens a pod's Metrics tab and returns the BFF's scrape interval from the first answer. */
async function openPodMetrics(
  metrics: MetricsPanel,
  pod: string,
  namespace = 'demo',
): Promise<number> {
  const answer = metrics.page.waitForResponse(
    (r) => r.url().includes(`/api/metrics/namespaces/${namespace}/pods/${pod}?`) && r.ok(),
  );
  await metrics.open(REGION, namespace, 'pods', pod);
  const body = (await (await answer).json()) as { intervalSeconds: number };
  return body.intervalSeconds;
}

test('M3 a demo pod’s charts fill within two scrape intervals and keep moving', async ({
  page,
}) => {
  const violations = await recordCspViolations(page);
  await signIn(page);
  const pod = await demoPod(page, 'nginx');
  const metrics = new MetricsPanel(page);
  const interval = await openPodMetrics(metrics, pod);
  // Rates need two scrapes; the generous bounds add one interval of slack for the refetch.
  const scrapes = (n: number) => (n * interval + 5) * 1000;
  atLeast(scrapes(6) + 60_000);

  await metrics.expectState('ok');
  for (const chart of ['cpu', 'memory', 'network', 'processes'] as const) {
    await expect.poll(() => metrics.points(chart), { timeout: scrapes(3) }).toBeGreaterThan(0);
  }
  // Drawn, not just counted: the SVG path exists, so the chart got a size under the CSP.
  await expect(metrics.lines('cpu').first()).toHaveAttribute('d', /^M/, { timeout: 30_000 });
  await expect(metrics.lines('memory')).toHaveCount(3);
  await expect(metrics.chart('cpu')).toContainText('Limit');
  await expect(metrics.chart('gpuDuty')).toHaveCount(0); // P3: no GPU, no GPU charts

  const last = await metrics.lastSampleMs('cpu');
  const points = await metrics.points('cpu');
  await expect
    .poll(() => metrics.lastSampleMs('cpu'), { timeout: scrapes(2) })
    .toBeGreaterThan(last);
  expect(await metrics.points('cpu')).toBeGreaterThanOrEqual(points);

  // Another range asks the BFF again and keeps drawing.
  const shortRange = page.waitForResponse((r) => r.url().includes(`/pods/${pod}?range=300`));
  await metrics.chooseRange('5 min');
  expect((await shortRange).ok()).toBe(true);
  await expect.poll(() => metrics.points('cpu')).toBeGreaterThan(0);

  expect(await violations()).toEqual([]);
});

test('P3 M3 a GPU pod shows duty cycle and GPU memory charts', async ({ page }) => {
  await signIn(page);
  const pod = await demoPod(page, 'gpu-train', 'gpu-lab');
  const metrics = new MetricsPanel(page);
  const interval = await openPodMetrics(metrics, pod, 'gpu-lab');
  atLeast((interval * 3 + 5) * 1000 + 60_000);
  await metrics.expectState('ok');
  // Gauges: the first scrape already gives a point.
  for (const chart of ['gpuDuty', 'gpuMemory'] as const) {
    await expect
      .poll(() => metrics.points(chart), { timeout: (interval * 2 + 5) * 1000 })
      .toBeGreaterThan(0);
  }
  await expect(metrics.chart('gpuDuty')).toContainText('GPU duty cycle');
  await expect(metrics.lines('gpuMemory')).toHaveCount(2); // used and total
  await expect(metrics.chart('gpuMemory')).toContainText('Memory total');
});

test('M1 a pod with metrics disabled explains how to enable them', async ({ page }) => {
  await signIn(page);
  const pod = await demoPod(page, 'redis');
  const metrics = new MetricsPanel(page);
  await openPodMetrics(metrics, pod);
  await metrics.expectState('metrics-off');
  await expect(metrics.state).toContainText('Metrics are off for this pod');
  await expect(metrics.state).toContainText('monitoring.cci.io/enable-pod-metrics: "false"');
  await expect(metrics.state).toContainText('monitoring.cci.io/enable-pod-metrics: "true"');
  await expect(metrics.chart('cpu')).toHaveCount(0);
});

test('M3 the namespace overview lists top pods by CPU and memory with sparklines', async ({
  page,
}) => {
  await signIn(page);
  const pod = await demoPod(page, 'nginx');
  const metrics = new MetricsPanel(page);
  const answer = page.waitForResponse((r) => r.url().includes('/api/metrics/namespaces/demo/top?'));
  await metrics.open(REGION, 'demo', 'namespaces', 'demo');
  const { intervalSeconds } = (await (await answer).json()) as { intervalSeconds: number };
  atLeast((intervalSeconds * 4 + 5) * 1000 + 60_000);
  const row = metrics.overviewRow('cpu', pod);
  await expect(row).toBeVisible({ timeout: (intervalSeconds * 3 + 5) * 1000 });
  await expect(row.getByRole('link', { name: pod })).toBeVisible();
  await expect(row.locator('polyline')).toHaveAttribute('points', /\d/);
  await expect(metrics.overviewRow('memory', pod)).toBeVisible();
});
