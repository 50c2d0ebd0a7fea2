/**
 * Bundle report: builds the SPA in memory (nothing written, dist/ untouched), twice: the
 * production build (what `npm start` and deployments serve) and the e2e build (`--mode e2e`,
 * test ids kept, what e2e/tests/bundleBudget.spec.ts measures in a browser). For each it prints
 * the gzip size (level 9) of every JavaScript file of the initial set (Vite manifest: the entry,
 * its static imports, the first list screen and its string catalogs in one language), and for
 * production the lazy Monaco and recharts chunks, then the verdicts. Exits non-zero when a build
 * exceeds the 200 KB budget, a heavy library reaches the initial set, or a test id reaches the
 * production JavaScript.
 *
 *   npm run bench -w @cci/web     (after the YAML validation benchmark)
 */
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { ATTRIBUTE } from '../build/testIds.ts';
import {
  heavyLibraryOf,
  initialFiles,
  INITIAL_BUDGET_BYTES,
  sizeFiles,
  totalGzip,
  type BuiltFile,
  type HeavyLibrary,
  type Manifest,
  type SizedFile,
} from './bundleSets.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

interface BuiltApp {
  jsFiles: BuiltFile[];
  initial: BuiltFile[];
}

/** A build of vite.config.ts in `mode`, with a manifest, kept in memory. */
async function buildInMemory(mode: 'production' | 'e2e'): Promise<BuiltApp> {
  const result = await build({
    root,
    mode,
    logLevel: 'error',
    build: { write: false, manifest: true, chunkSizeWarningLimit: Number.POSITIVE_INFINITY },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((output) =>
    'output' in output ? output.output : [],
  );
  const manifestAsset = outputs.find((o) => o.fileName === '.vite/manifest.json');
  if (!manifestAsset || manifestAsset.type !== 'asset')
    throw new Error('the build emitted no manifest');
  const manifest = JSON.parse(String(manifestAsset.source)) as Manifest;
  const jsFiles: BuiltFile[] = outputs
    .filter((o) => o.fileName.endsWith('.js'))
    .map((o: Rolldown.OutputChunk | Rolldown.OutputAsset) =>
      o.type === 'chunk'
        ? { fileName: o.fileName, code: o.code, moduleIds: o.moduleIds }
        : { fileName: o.fileName, code: String(o.source), moduleIds: [] },
    );
  const byName = new Map(jsFiles.map((file) => [file.fileName, file]));
  const initial = initialFiles(manifest).map((name) => {
    const file = byName.get(name);
    if (!file) throw new Error(`manifest names ${name}, which the build did not emit`);
    return file;
  });
  return { jsFiles, initial };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** One line per file, largest first; past `limit` files the rest are summed on one line. */
function table(title: string, files: readonly SizedFile[], limit = files.length): string[] {
  const lines = [`${title}: ${kb(totalGzip(files))} gzip in ${files.length} files`];
  for (const file of files.slice(0, limit)) {
    lines.push(
      `  ${kb(file.gzipBytes).padStart(10)}  (raw ${kb(file.bytes).padStart(9)})  ${file.fileName}`,
    );
  }
  const rest = files.slice(limit);
  if (rest.length > 0)
    lines.push(`  ${kb(totalGzip(rest)).padStart(10)}  in ${rest.length} more files`);
  return lines;
}

const production = await buildInMemory('production');
const e2e = await buildInMemory('e2e');
const heavy = (library: HeavyLibrary) =>
  production.jsFiles.filter((f) => heavyLibraryOf(f) === library);

const initialSized = sizeFiles(production.initial);
const initialGzip = totalGzip(initialSized);
const e2eGzip = totalGzip(sizeFiles(e2e.initial));
const heavyInInitial = production.initial.filter((file) => heavyLibraryOf(file) !== undefined);
const withTestIds = production.jsFiles.filter((file) => file.code.includes(ATTRIBUTE));
const e2eHasTestIds = e2e.initial.some((file) => file.code.includes(ATTRIBUTE));

const lines = [
  ...table(
    'Initial JavaScript, production (entry + first list screen + its catalogs)',
    initialSized,
  ),
  '',
  ...table('Lazy Monaco (monaco-editor, monaco-yaml, workers)', sizeFiles(heavy('monaco')), 6),
  '',
  ...table('Lazy recharts', sizeFiles(heavy('recharts')), 6),
  '',
];
const verdict = (bytes: number) => (bytes <= INITIAL_BUDGET_BYTES ? 'OK' : 'OVER BUDGET');
lines.push(
  `Budget, production build: ${kb(initialGzip)} of ${kb(INITIAL_BUDGET_BYTES)} gzip: ${verdict(initialGzip)}`,
  `Budget, e2e build (test ids kept; what bundleBudget.spec.ts measures): ${kb(e2eGzip)} (+${kb(e2eGzip - initialGzip)}): ${verdict(e2eGzip)}`,
  heavyInInitial.length === 0
    ? 'Monaco and recharts: lazy only: OK'
    : `Monaco or recharts in the initial set: ${heavyInInitial.map((f) => f.fileName).join(', ')}`,
  withTestIds.length === 0
    ? `Test ids ("${ATTRIBUTE}") in the production JavaScript (${production.jsFiles.length} files): none: OK`
    : `Test ids in the production JavaScript: ${withTestIds.map((f) => f.fileName).join(', ')}`,
  // The check above means something only if the e2e build, from the same sources, has them.
  e2eHasTestIds ? 'Test ids in the e2e build: present: OK' : 'Test ids missing from the e2e build',
);
console.log(lines.join('\n'));
const failed =
  initialGzip > INITIAL_BUDGET_BYTES ||
  e2eGzip > INITIAL_BUDGET_BYTES ||
  heavyInInitial.length > 0 ||
  withTestIds.length > 0 ||
  !e2eHasTestIds;
if (failed) process.exitCode = 1;
