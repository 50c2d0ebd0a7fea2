import { expect, test, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { EditorPage } from '../pages/EditorPage.ts';
import { MetricsPanel } from '../pages/MetricsPanel.ts';
import { ResourceListPage } from '../pages/ResourceListPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';

// Issue #5 "Bundle", budget of issue #12 "Performance": the JavaScript a browser downloads from
// opening the console to the pods list of a freshly signed-in session stays within 200 KB gzip, and Monaco and recharts arrive
// only with the screens that use them. Sizes are our own gzip (node:zlib, level 9) of the
// decoded bodies, so they do not depend on the BFF's transfer encoding; 1 KB = 1000 bytes, as
// in apps/web/bench/bundleReport.ts (the build-side report of the same set).

const REGION = 'cn-north-4';
const BUDGET_BYTES = 200_000;
// String literals their code cannot minify away: Monaco's root CSS class and module names,
// recharts' SVG class names. The second test proves both are found when those screens load.
const MONACO = /monaco-editor|monaco-yaml/;
const RECHARTS = /recharts-(?:surface|wrapper)/;

/** Every JavaScript response of a page (scripts, module preloads, workers) with its body. */
class ScriptRecorder {
  private readonly bodies = new Map<string, Promise<Buffer>>();

  constructor(page: Page) {
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (response.ok() && /javascript/.test(type)) {
        // Taken when it arrives: a later navigation could discard the body.
        const body = response.body();
        // A script still arriving when the test ends (a prefetch) must not fail it; bodies the
        // test reads are awaited in scripts(), where a failure still counts.
        body.catch(() => undefined);
        this.bodies.set(response.url(), body);
      }
    });
  }

  async scripts(): Promise<Map<string, Buffer>> {
    const entries = await Promise.all(
      [...this.bodies].map(async ([url, body]) => [url, await body] as const),
    );
    return new Map(entries);
  }
}

/** The URLs of the .js resources the document itself reports (Resource Timing). */
function resourceTimingScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => new URL(name).pathname.endsWith('.js')),
  );
}

const gzipBytes = (body: Buffer) => gzipSync(body, { level: 9 }).length;
const fileOf = (url: string) => new URL(url).pathname;

test('the pods list after sign-in loads at most 200 KB of gzipped JavaScript, without Monaco or recharts', async ({
  page,
}) => {
  test.slow(); // sign-in on a shared, loaded machine; nothing here is a speed claim
  const recorder = new ScriptRecorder(page);
  const frame = await signInToDemoNamespace(page);
  await frame.open('pods');
  await expect(new ResourceListPage(page).rows().first()).toBeVisible();

  const scripts = await recorder.scripts();
  // Whatever the document loaded as JavaScript was recorded (none came from elsewhere unseen).
  for (const url of await resourceTimingScripts(page)) expect([...scripts.keys()]).toContain(url);
  expect(scripts.size).toBeGreaterThan(0);

  const sizes = [...scripts].map(([url, body]) => ({ file: fileOf(url), gzip: gzipBytes(body) }));
  sizes.sort((a, b) => b.gzip - a.gzip);
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  const breakdown = sizes.map((s) => `${(s.gzip / 1000).toFixed(1)} KB ${s.file}`).join('\n');
  test.info().annotations.push({
    type: 'initial JavaScript (gzip -9)',
    description: `${(total / 1000).toFixed(1)} KB in ${sizes.length} files\n${breakdown}`,
  });
  expect(total, `gzip total over the budget:\n${breakdown}`).toBeLessThanOrEqual(BUDGET_BYTES);

  const heavy = [...scripts]
    .filter(
      ([, body]) => MONACO.test(body.toString('utf8')) || RECHARTS.test(body.toString('utf8')),
    )
    .map(([url]) => fileOf(url));
  expect(heavy, 'Monaco or recharts loaded by the list').toEqual([]);
});

test('Monaco arrives with the editor and recharts with a pod Metrics tab (the markers above find them)', async ({
  page,
}) => {
  test.slow(); // Monaco is a big download and parse
  const recorder = new ScriptRecorder(page);
  await signInToDemoNamespace(page);
  const list = new ResourceListPage(page);
  await list.goto(REGION, 'demo', 'pods');
  const firstRow = list.rows().first();
  await expect(firstRow).toBeVisible();
  const pod = ((await firstRow.getAttribute('data-testid')) ?? '').slice('row-'.length);
  const loadedWith = async (marker: RegExp) =>
    [...(await recorder.scripts())]
      .filter(([, body]) => marker.test(body.toString('utf8')))
      .map(([url]) => fileOf(url));

  expect(await loadedWith(RECHARTS)).toEqual([]);
  const metrics = new MetricsPanel(page);
  await metrics.open(REGION, 'demo', 'pods', pod);
  await expect(metrics.panel).toBeVisible();
  expect(await loadedWith(RECHARTS)).not.toEqual([]);

  expect(await loadedWith(MONACO)).toEqual([]);
  await new EditorPage(page).openTemplate('14-01'); // waits for Monaco's editor to show
  expect(await loadedWith(MONACO)).not.toEqual([]);
});
