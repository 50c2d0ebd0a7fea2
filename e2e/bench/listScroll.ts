/**
 * List scrolling benchmark: seeds 10,000 pods (and, as the baseline, 100 pods) into the
 * emulator of a local console, opens both pods lists in Chromium and scrolls each the same
 * number of frames, recording frame intervals and long tasks. Speed on a shared machine says
 * little by itself, so the report is the ratio 10,000 / 100 within one run: a virtualized
 * table should scroll 10,000 rows about as smoothly as 100 (ratio near 1).
 *
 *   npm run bench -w @cci/e2e                    (builds the SPA first when it is stale)
 *   CCI_BENCH_STATIC_DIR=/tmp/dist npm run bench -w @cci/e2e
 */
import { chromium, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { DEMO_ACCOUNT, startConsole } from '../../scripts/console.ts';
import { ensureWebBuilt } from '../../scripts/webBuild.ts';
import { seedPods } from './seedPods.ts';
import { measureScroll, type ScrollStats } from './scrollProbe.ts';

const BIG = Number(process.env['CCI_BENCH_PODS'] ?? '10000');
const SMALL = 100;
const FRAMES = Number(process.env['CCI_BENCH_FRAMES'] ?? '240');

async function openPods(page: Page, namespace: string, expected: number): Promise<void> {
  await page.goto(`/r/cn-north-4/ns/${namespace}/pods`);
  await page
    .getByTestId('resource-count')
    .filter({ hasText: String(expected) })
    .waitFor({ timeout: 300_000 });
}

async function main(): Promise<void> {
  // The e2e build: this bench finds the list by its test ids.
  const staticDir =
    process.env['CCI_BENCH_STATIC_DIR'] ??
    (await ensureWebBuilt({ always: false, quiet: true, flavor: 'e2e', say: console.log }));
  const running = await startConsole({
    port: 0,
    emulatorPort: 0,
    demo: true,
    staticDir: resolve(staticDir),
    say: () => {},
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    seedPods(running.emulator, 'bench-small', SMALL);
    seedPods(running.emulator, 'bench-big', BIG);
    const page = await browser.newPage({
      baseURL: running.url,
      viewport: { width: 1400, height: 900 },
    });
    // The emulator's controllers first reconcile every seeded pod, on a possibly busy machine.
    page.setDefaultTimeout(600_000);
    await page.goto('/login');
    await page.getByTestId('login-domain').fill(DEMO_ACCOUNT.domain);
    await page.getByTestId('login-password').fill(DEMO_ACCOUNT.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();

    const results: Record<string, ScrollStats> = {};
    // Small first, then big, then small again: the two small runs show the run-to-run noise.
    for (const [label, namespace, count] of [
      ['100 pods', 'bench-small', SMALL],
      [`${BIG} pods`, 'bench-big', BIG],
      ['100 pods (again)', 'bench-small', SMALL],
    ] as const) {
      console.error(`opening the list of ${label}…`);
      await openPods(page, namespace, count);
      console.error(`scrolling ${label} for ${FRAMES} frames…`);
      results[label] = await measureScroll(page, FRAMES);
    }
    report(results, `${BIG} pods`);
  } finally {
    await browser.close();
    await running.close();
  }
}

function report(results: Record<string, ScrollStats>, bigLabel: string): void {
  console.table(results);
  const big = results[bigLabel];
  const small = results['100 pods'];
  const again = results['100 pods (again)'];
  if (!big || !small || !again) return;
  const base = (small.meanFrameMs + again.meanFrameMs) / 2;
  const baseP95 = (small.p95FrameMs + again.p95FrameMs) / 2;
  const baseLong = (small.longTaskMs + again.longTaskMs) / 2;
  console.log(
    JSON.stringify(
      {
        ratioMeanFrame: +(big.meanFrameMs / base).toFixed(2),
        ratioP95Frame: +(big.p95FrameMs / baseP95).toFixed(2),
        longTaskMs: { big: big.longTaskMs, small: +baseLong.toFixed(1) },
        noiseMeanFrame: +(again.meanFrameMs / small.meanFrameMs).toFixed(2),
      },
      null,
      2,
    ),
  );
}

await main();
