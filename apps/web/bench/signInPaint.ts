/**
 * Sign-in first paint: serves the production build through the console (BFF + emulator, as
 * `npm start` does) and opens /login in a fresh Chromium context, ROUNDS times, recording First
 * Contentful Paint; a trivial static page (one heading, no script) served by the same BFF in the
 * same run is the baseline. The figure is the ratio of the medians: a machine's load moves both.
 *
 *   npm run bench -w @cci/web                                (builds apps/web/dist when stale)
 *   CCI_BENCH_STATIC_DIR=/path/to/another/dist npx tsx bench/signInPaint.ts   (e.g. an old build)
 */
import { chromium, type Browser } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startConsole } from '../../../scripts/console.ts';
import { ensureWebBuilt } from '../../../scripts/webBuild.ts';

const ROUNDS = Number(process.env['CCI_BENCH_ROUNDS'] ?? '7');
const TRIVIAL = '<!doctype html><html lang="en"><title>t</title><h1>CCI Console</h1></html>';

/** First Contentful Paint of `path` in a new context (empty cache), in milliseconds. */
async function firstPaint(browser: Browser, baseURL: string, path: string): Promise<number> {
  const context = await browser.newContext({ baseURL, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(path);
    return await page.evaluate(
      () =>
        new Promise<number>((done) => {
          new PerformanceObserver((list) => {
            const fcp = list.getEntriesByName('first-contentful-paint')[0];
            if (fcp) done(fcp.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function main(): Promise<void> {
  const source =
    process.env['CCI_BENCH_STATIC_DIR'] ??
    (await ensureWebBuilt({ quiet: true, say: (line) => console.log(line) }));
  // A copy: the BFF writes .br/.gz variants beside the files, and the trivial page joins them.
  const dir = mkdtempSync(join(tmpdir(), 'cci-paint-'));
  cpSync(resolve(source), dir, { recursive: true });
  writeFileSync(join(dir, 'trivial.html'), TRIVIAL);
  const running = await startConsole({ port: 0, emulatorPort: 0, demo: true, staticDir: dir });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    // One warm-up of each: the BFF precompresses on first requests and Chromium starts up.
    await firstPaint(browser, running.url, '/trivial.html');
    await firstPaint(browser, running.url, '/login');
    const trivial: number[] = [];
    const signIn: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      trivial.push(await firstPaint(browser, running.url, '/trivial.html'));
      signIn.push(await firstPaint(browser, running.url, '/login'));
    }
    const [t, s] = [median(trivial), median(signIn)];
    const ms = (values: number[]) => values.map((v) => v.toFixed(0)).join(' ');
    console.log(
      [
        `Sign-in first paint (FCP, fresh context, median of ${ROUNDS}), served from ${source}`,
        `  trivial page: ${t.toFixed(0)} ms   (${ms(trivial)})`,
        `  /login:       ${s.toFixed(0)} ms   (${ms(signIn)})`,
        `  ratio /login / trivial: ${(s / t).toFixed(1)}`,
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
