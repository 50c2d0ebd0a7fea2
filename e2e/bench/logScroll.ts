/**
 * Log view benchmark (issue #15: "virtualized so 100,000 lines scroll smoothly"): a pod whose
 * container log has ~100,000 lines and, as the baseline in the same run, one with ~1,000, each
 * opened on its Logs tab in Chromium with the whole log loaded (no tail, follow off). Per log:
 * time until every line is in the view, JS heap after a full GC, then long tasks (> 50 ms) and
 * frame times while scrolling: a sweep top to bottom (a new window of lines every frame) and a
 * steady 120 px per frame. Small, big, small again (the two small runs show the noise).
 *
 *   npm run bench:logs -w @cci/e2e           (also part of `npm run bench -w @cci/e2e`)
 *   CCI_BENCH_LOG_LINES=200000 npm run bench:logs -w @cci/e2e
 */
import { chromium, type Page } from '@playwright/test';
import { startEmulator } from '@cci/emulator';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_ACCOUNT, regionEndpoints } from '../../scripts/console.ts';
import { seedDemoData } from '../../scripts/demoSeed.ts';
import { ensureWebBuilt } from '../../scripts/webBuild.ts';
import { ConsoleFrame } from '../pages/ConsoleFrame.ts';
import { LoginPage } from '../pages/LoginPage.ts';
import { LogsView } from '../pages/LogsView.ts';
import { startBff } from './bffChild.ts';
import { seedLogPod } from './seedLogPods.ts';
import { measureScroll, type ScrollStats } from './scrollProbe.ts';

const BIG = Number(process.env['CCI_BENCH_LOG_LINES'] ?? '100000');
const SMALL = Number(process.env['CCI_BENCH_SMALL_LOG_LINES'] ?? '1000');
const FRAMES = Number(process.env['CCI_BENCH_FRAMES'] ?? '240');
const NAMESPACE = 'bench-logs';

interface LogStats {
  lines: number;
  /** From clearing "Last lines" until the line count shows the whole log. */
  loadMs: number;
  heapMiB: number;
  sweep: ScrollStats;
  steady: ScrollStats;
}

/** Opens a pod's Logs tab, loads the whole still log and measures it. */
async function openLog(page: Page, pod: string, atLeast: number): Promise<LogStats> {
  await page.goto('about:blank');
  await page.goto(`/r/cn-north-4/ns/${NAMESPACE}/pods/${pod}?tab=logs`);
  const logs = new LogsView(page);
  await logs.output.waitFor();
  await logs.follow.click(); // a still log: nothing arrives while scrolling
  const started = Date.now();
  await page.getByRole('textbox', { name: 'Last lines' }).fill('');
  const count = page.getByText(/^\d+ lines?$/);
  const read = async () =>
    Number(((await count.textContent({ timeout: 1_000 }).catch(() => '0')) ?? '0').split(' ')[0]);
  let lines = 0;
  const deadline = Date.now() + 180_000;
  while (lines < atLeast) {
    if (Date.now() > deadline) {
      await page.screenshot({ path: join(tmpdir(), `cci-log-bench-${pod}.png`) });
      throw new Error(
        `the log of ${pod} never reached ${atLeast} lines (screenshot in ${tmpdir()})`,
      );
    }
    lines = await read();
    if (lines < atLeast) await page.waitForTimeout(50);
  }
  const loadMs = Date.now() - started;
  // Whole: the count holds still (the view reads one answer; this guards a chunked one).
  for (let last = -1; last !== lines;) {
    last = lines;
    await page.waitForTimeout(500);
    lines = await read();
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  const box = '[role="log"]';
  const sweep = await measureScroll(page, FRAMES, box, 0);
  const steady = await measureScroll(page, FRAMES, box, 120);
  return { lines, loadMs, heapMiB: +(heap.usedSize / 2 ** 20).toFixed(1), sweep, steady };
}

async function main(): Promise<void> {
  const staticDir =
    process.env['CCI_BENCH_STATIC_DIR'] ??
    (await ensureWebBuilt({ always: false, quiet: true, flavor: 'e2e', say: console.error }));
  const load = [loadavg()];
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', tls: true });
  const dir = mkdtempSync(join(tmpdir(), 'cci-log-bench-'));
  const caFile = join(dir, 'emulator-ca.pem');
  writeFileSync(caFile, emulator.caCertificate ?? '');
  await seedDemoData(emulator);
  seedLogPod(emulator, NAMESPACE, 'log-small', SMALL);
  seedLogPod(emulator, NAMESPACE, 'log-big', BIG);
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
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto('/login');
    await new LoginPage(page).signIn(DEMO_ACCOUNT);
    await new ConsoleFrame(page).userMenu.waitFor();
    console.error('warming up…');
    await openLog(page, 'log-small', SMALL);
    const results: Record<string, LogStats> = {};
    for (const [label, pod, lines] of [
      [`${SMALL} lines`, 'log-small', SMALL],
      [`${BIG} lines`, 'log-big', BIG],
      [`${SMALL} lines (again)`, 'log-small', SMALL],
    ] as const) {
      console.error(`opening and scrolling the log of ${label}…`);
      results[label] = await openLog(page, pod, lines);
      load.push(loadavg());
    }
    report(results, load);
  } finally {
    await browser.close();
    bff.stop();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(results: Record<string, LogStats>, load: number[][]): void {
  const rows = Object.fromEntries(
    Object.entries(results).map(([label, r]) => [
      label,
      {
        lines: r.lines,
        loadMs: r.loadMs,
        heapMiB: r.heapMiB,
        sweepMeanFrameMs: r.sweep.meanFrameMs,
        sweepP95FrameMs: r.sweep.p95FrameMs,
        sweepLongTasks: r.sweep.longTasks,
        sweepMaxLongTaskMs: r.sweep.maxLongTaskMs,
        steadyMeanFrameMs: r.steady.meanFrameMs,
        steadyLongTasks: r.steady.longTasks,
        steadyMaxLongTaskMs: r.steady.maxLongTaskMs,
      },
    ]),
  );
  console.table(rows);
  const big = results[`${BIG} lines`];
  const small = results[`${SMALL} lines`];
  const again = results[`${SMALL} lines (again)`];
  if (!big || !small || !again) return;
  const avg = (f: (s: LogStats) => number) => (f(small) + f(again)) / 2;
  const ratio = (a: number, b: number) => +(a / b).toFixed(2);
  console.log(
    JSON.stringify(
      {
        ratioSweepMeanFrame: ratio(
          big.sweep.meanFrameMs,
          avg((s) => s.sweep.meanFrameMs),
        ),
        ratioSteadyMeanFrame: ratio(
          big.steady.meanFrameMs,
          avg((s) => s.steady.meanFrameMs),
        ),
        ratioHeap: ratio(
          big.heapMiB,
          avg((s) => s.heapMiB),
        ),
        longTasksWhileScrolling: {
          count: big.sweep.longTasks + big.steady.longTasks,
          maxMs: Math.max(big.sweep.maxLongTaskMs, big.steady.maxLongTaskMs),
        },
        noiseSweepMeanFrame: ratio(again.sweep.meanFrameMs, small.sweep.meanFrameMs),
        loadAverage1m: load.map((l) => +(l[0] ?? 0).toFixed(2)),
      },
      null,
      2,
    ),
  );
}

await main();
