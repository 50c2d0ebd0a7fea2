/**
 * List benchmark: seeds 30,000 pods (and, as the baseline, 1,000) into a local emulator, runs
 * the BFF in a process of its own and opens both pods lists in Chromium: small, big, small
 * again (the two small runs show the run-to-run noise). Per page open: time to the first row
 * and to the whole list (from navigation start), bytes over the wire, upstream-list requests
 * through the proxy, BFF CPU time, JS heap; then long tasks and frame times while scrolling.
 * Targets (issue #12): first row at 30,000 pods ≤ 1.5 s and ≤ 1.5x the 1,000-pod time, no long
 * task over 50 ms while scrolling.
 *
 *   npm run bench -w @cci/e2e                    (builds the SPA first when it is stale)
 *   CCI_BENCH_PODS=10000 CCI_BENCH_STATIC_DIR=/tmp/dist npm run bench -w @cci/e2e
 */
import { chromium } from '@playwright/test';
import { startEmulator } from '@cci/emulator';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_ACCOUNT, regionEndpoints } from '../../scripts/console.ts';
import { seedDemoData } from '../../scripts/demoSeed.ts';
import { ensureWebBuilt } from '../../scripts/webBuild.ts';
import { ConsoleFrame } from '../pages/ConsoleFrame.ts';
import { LoginPage } from '../pages/LoginPage.ts';
import { startBff } from './bffChild.ts';
import { openList, pageProbe, type OpenStats } from './pageOpen.ts';
import { seedPods } from './seedPods.ts';
import { measureScroll, type ScrollStats } from './scrollProbe.ts';

const BIG = Number(process.env['CCI_BENCH_PODS'] ?? '30000');
const SMALL = Number(process.env['CCI_BENCH_SMALL_PODS'] ?? '1000');
const FRAMES = Number(process.env['CCI_BENCH_FRAMES'] ?? '240');

async function main(): Promise<void> {
  // The e2e build: this bench finds the list by its test ids.
  const staticDir =
    process.env['CCI_BENCH_STATIC_DIR'] ??
    (await ensureWebBuilt({ always: false, quiet: true, flavor: 'e2e', say: console.error }));
  const load = [loadavg()];
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', tls: true });
  const dir = mkdtempSync(join(tmpdir(), 'cci-list-bench-'));
  const caFile = join(dir, 'emulator-ca.pem');
  writeFileSync(caFile, emulator.caCertificate ?? '');
  await seedDemoData(emulator);
  seedPods(emulator, 'bench-small', SMALL);
  seedPods(emulator, 'bench-big', BIG);
  await emulator.settle();
  const bff = await startBff({
    ...regionEndpoints(emulator.url),
    HOST: '127.0.0.1',
    CCI_CA_FILE: caFile,
    STATIC_DIR: resolve(staticDir),
    DEMO_ACCOUNT: JSON.stringify(DEMO_ACCOUNT),
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({
      baseURL: bff.url,
      viewport: { width: 1400, height: 900 },
    });
    await context.addInitScript(pageProbe);
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto('/login');
    await new LoginPage(page).signIn(DEMO_ACCOUNT);
    await new ConsoleFrame(page).userMenu.waitFor();

    // The first open after start-up is slow for reasons of its own (connections, JIT, caches).
    console.error('warming up…');
    await openList(page, bff, 'bench-small', SMALL);
    const results: Record<string, OpenStats & ScrollStats> = {};
    for (const [label, namespace, count] of [
      [`${SMALL} pods`, 'bench-small', SMALL],
      [`${BIG} pods`, 'bench-big', BIG],
      [`${SMALL} pods (again)`, 'bench-small', SMALL],
    ] as const) {
      console.error(`opening the list of ${label}…`);
      const opened = await openList(page, bff, namespace, count);
      console.error(`scrolling ${label} for ${FRAMES} frames…`);
      results[label] = { ...opened, ...(await measureScroll(page, FRAMES)) };
      load.push(loadavg());
    }
    report(results, `${BIG} pods`, `${SMALL} pods`, `${SMALL} pods (again)`, load);
  } finally {
    await browser.close();
    bff.stop();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(
  results: Record<string, OpenStats & ScrollStats>,
  bigLabel: string,
  smallLabel: string,
  againLabel: string,
  load: number[][],
): void {
  console.table(results);
  const big = results[bigLabel];
  const small = results[smallLabel];
  const again = results[againLabel];
  if (!big || !small || !again) return;
  const avg = (f: (s: OpenStats & ScrollStats) => number) => (f(small) + f(again)) / 2;
  const ratio = (a: number, b: number) => +(a / b).toFixed(2);
  console.log(
    JSON.stringify(
      {
        firstRowMs: { big: big.firstRowMs, small: avg((s) => s.firstRowMs) },
        ratioFirstRow: ratio(
          big.firstRowMs,
          avg((s) => s.firstRowMs),
        ),
        ratioAllRows: ratio(
          big.allRowsMs,
          avg((s) => s.allRowsMs),
        ),
        ratioMeanFrame: ratio(
          big.meanFrameMs,
          avg((s) => s.meanFrameMs),
        ),
        longTasksWhileScrolling: { count: big.longTasks, maxMs: big.maxLongTaskMs },
        noiseFirstRow: ratio(again.firstRowMs, small.firstRowMs),
        loadAverage1m: load.map((l) => +(l[0] ?? 0).toFixed(2)),
      },
      null,
      2,
    ),
  );
}

await main();
