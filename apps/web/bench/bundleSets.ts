/**
 * Which built JavaScript files a first visit downloads, and which hold Monaco or recharts: the
 * pure half of bundleReport.ts (no build, no I/O), from Vite's manifest and the chunks' modules.
 */
import { gzipSync } from 'node:zlib';

/**
 * The budget of issue #12 ("Performance", was 300 KB in issue #5): entry + first list screen,
 * gzip level 9, 1 KB = 1000 B.
 */
export const INITIAL_BUDGET_BYTES = 200_000;

/** The first screen after sign-in (/r/:region/ns/:namespace/pods): used if split off the entry. */
export const FIRST_SCREEN_SOURCES = [
  'src/features/frame/Frame.tsx',
  'src/features/resources/List.tsx',
] as const;

/**
 * The string catalogs the first screen downloads (i18n/catalogs.ts: startup namespaces plus the
 * frame route's), in Chinese, the larger language: loaded on demand, yet part of a first visit.
 */
export const FIRST_SCREEN_CATALOGS = [
  'src/i18n/zhCN.ts',
  'src/features/session/session.zhCN.ts',
  'src/features/errors/errors.zhCN.ts',
  'src/features/actions/actions.zhCN.ts',
  'src/features/editor/workflow/workflow.zhCN.ts',
] as const;

/** Libraries that must only arrive with the screens that need them (module id fragments). */
export const HEAVY_LIBRARIES = {
  monaco: ['/node_modules/monaco-editor/', '/node_modules/monaco-yaml/'],
  recharts: ['/node_modules/recharts/'],
} as const;

export type HeavyLibrary = keyof typeof HEAVY_LIBRARIES;

/** The fields of Vite's .vite/manifest.json this report reads. */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** One emitted JavaScript file: a chunk (with its modules) or a worker asset (modules unknown). */
export interface BuiltFile {
  fileName: string;
  code: string;
  moduleIds: readonly string[];
}

/** Manifest keys reachable from `roots` through static imports (what loading them fetches). */
export function staticClosure(manifest: Manifest, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = [...roots];
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no entry "${key}"`);
    seen.add(key);
    pending.push(...(chunk.imports ?? []));
  }
  return [...seen];
}

/**
 * The initial set as file names: the HTML entry with its static imports, plus the first list
 * screen's chunks when they are lazily loaded (a statically imported screen is in the entry),
 * plus its string catalogs in one language.
 */
export function initialFiles(manifest: Manifest): string[] {
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) throw new Error('manifest has no entry chunk');
  const screens = FIRST_SCREEN_SOURCES.filter((src) => manifest[src]?.isDynamicEntry);
  const keys = staticClosure(manifest, [...entries, ...screens, ...FIRST_SCREEN_CATALOGS]);
  return keys.map((key) => manifest[key]?.file ?? key).filter((file) => file.endsWith('.js'));
}

/** Which heavy library a file carries: by its modules, or for workers by the library's name. */
export function heavyLibraryOf(file: BuiltFile): HeavyLibrary | undefined {
  for (const [library, fragments] of Object.entries(HEAVY_LIBRARIES) as [
    HeavyLibrary,
    readonly string[],
  ][]) {
    const byModule = file.moduleIds.some((id) => fragments.some((f) => id.includes(f)));
    // Worker bundles reach the output as assets without module ids; their code names monaco.
    const byWorkerCode =
      file.moduleIds.length === 0 && library === 'monaco' && /monaco-(editor|yaml)/.test(file.code);
    if (byModule || byWorkerCode) return library;
  }
  return undefined;
}

export interface SizedFile {
  fileName: string;
  bytes: number;
  gzipBytes: number;
}

/** Raw and gzip (level 9) sizes, largest first. */
export function sizeFiles(files: readonly BuiltFile[]): SizedFile[] {
  return files
    .map((file) => ({
      fileName: file.fileName,
      bytes: Buffer.byteLength(file.code),
      gzipBytes: gzipSync(file.code, { level: 9 }).length,
    }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

export function totalGzip(files: readonly SizedFile[]): number {
  return files.reduce((sum, file) => sum + file.gzipBytes, 0);
}
