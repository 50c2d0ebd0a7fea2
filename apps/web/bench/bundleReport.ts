/**
 * Bundle report: builds the SPA in memory (nothing written, dist/ untouched) and prints the gzip
 * size (level 9) of every JavaScript file of the initial set (Vite manifest: the entry, its
 * static imports and the first list screen) and of the lazy Monaco and recharts chunks, then the
 * verdict against the 300 KB budget. Exits non-zero when the budget is exceeded or a heavy
 * library reaches the initial set. The browser-side check is e2e/tests/bundleBudget.spec.ts.
 *
 *   npm run bench -w @cci/web     (after the YAML validation benchmark)
 */
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
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

/** The production build (vite.config.ts) with a manifest, kept in memory. */
async function buildInMemory(): Promise<Rolldown.OutputBundle[keyof Rolldown.OutputBundle][]> {
  const result = await build({
    root,
    logLevel: 'error',
    build: { write: false, manifest: true, chunkSizeWarningLimit: Number.POSITIVE_INFINITY },
  });
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((output) => ('output' in output ? output.output : []));
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

const output = await buildInMemory();
const manifestAsset = output.find((o) => o.fileName === '.vite/manifest.json');
if (!manifestAsset || manifestAsset.type !== 'asset')
  throw new Error('the build emitted no manifest');
const manifest = JSON.parse(String(manifestAsset.source)) as Manifest;

const jsFiles: BuiltFile[] = output
  .filter((o) => o.fileName.endsWith('.js'))
  .map((o) =>
    o.type === 'chunk'
      ? { fileName: o.fileName, code: o.code, moduleIds: o.moduleIds }
      : { fileName: o.fileName, code: String(o.source), moduleIds: [] },
  );
const byName = new Map(jsFiles.map((file) => [file.fileName, file]));
const initialNames = new Set(initialFiles(manifest));
const initial = [...initialNames].map((name) => {
  const file = byName.get(name);
  if (!file) throw new Error(`manifest names ${name}, which the build did not emit`);
  return file;
});
const heavy = (library: HeavyLibrary) => jsFiles.filter((f) => heavyLibraryOf(f) === library);

const initialSized = sizeFiles(initial);
const initialGzip = totalGzip(initialSized);
const heavyInInitial = initial.filter((file) => heavyLibraryOf(file) !== undefined);
const lines = [
  ...table('Initial JavaScript (entry + first list screen)', initialSized),
  '',
  ...table('Lazy Monaco (monaco-editor, monaco-yaml, workers)', sizeFiles(heavy('monaco')), 6),
  '',
  ...table('Lazy recharts', sizeFiles(heavy('recharts')), 6),
  '',
];
const withinBudget = initialGzip <= INITIAL_BUDGET_BYTES;
lines.push(
  `Budget: ${kb(initialGzip)} of ${kb(INITIAL_BUDGET_BYTES)} gzip: ${withinBudget ? 'OK' : 'OVER BUDGET'}`,
  heavyInInitial.length === 0
    ? 'Monaco and recharts: lazy only: OK'
    : `Monaco or recharts in the initial set: ${heavyInInitial.map((f) => f.fileName).join(', ')}`,
);
console.log(lines.join('\n'));
if (!withinBudget || heavyInInitial.length > 0) process.exitCode = 1;
