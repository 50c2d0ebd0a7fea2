import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export const WEB_DIR = join(import.meta.dirname, '..', 'apps', 'web');
/** The production build: what `npm start` and deployments serve (no test ids). */
export const WEB_DIST = join(WEB_DIR, 'dist');
/** The build the Playwright tests and browser benches run: test ids kept (`--mode e2e`). */
export const WEB_DIST_E2E = join(WEB_DIR, 'dist-e2e');

export type WebFlavor = 'production' | 'e2e';
export const webDist = (flavor: WebFlavor = 'production') =>
  flavor === 'e2e' ? WEB_DIST_E2E : WEB_DIST;

/** Inputs of the SPA build besides src/: a change to any of them makes dist stale. */
const BUILD_INPUTS = [
  'index.html',
  'package.json',
  'vite.config.ts',
  'tsconfig.json',
  'public',
  'build', // build-time plugins (test id removal)
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why a build must be redone, or undefined when it is newer than every source. */
export function staleReason(flavor: WebFlavor = 'production'): string | undefined {
  const dist = webDist(flavor);
  const built = join(dist, 'index.html');
  if (!existsSync(built)) return `apps/web/${basename(dist)} is missing`;
  const builtAt = statSync(built).mtimeMs;
  const sourcesAt = Math.max(
    newestMtime(join(WEB_DIR, 'src')),
    ...BUILD_INPUTS.map((name) => newestMtime(join(WEB_DIR, name))),
    // @cci/model feeds the SPA (kinds, rules), so its changes count too.
    newestMtime(join(WEB_DIR, '..', '..', 'packages', 'cci-model', 'src')),
  );
  return sourcesAt > builtAt ? 'apps/web sources changed since the last build' : undefined;
}

/**
 * Runs `vite build` for @cci/web into a private directory, then swaps it in for dist with
 * renames: `npm start` and the e2e setup may build at the same time, and neither may serve (or
 * delete) the other's half-written files. Resolves with the duration in milliseconds.
 */
export async function buildWeb(
  options: { quiet?: boolean; flavor?: WebFlavor } = {},
): Promise<number> {
  const started = performance.now();
  const dist = webDist(options.flavor);
  const staging = `${dist}.building-${process.pid}`;
  await runViteBuild(staging, options);
  const retired = `${dist}.old-${process.pid}`;
  try {
    renameSync(dist, retired);
  } catch {
    // No dist yet, or a concurrent build just moved it away.
  }
  try {
    renameSync(staging, dist);
  } catch {
    // A concurrent build put its dist in place first; it was built from the same sources.
  }
  rmSync(staging, { recursive: true, force: true });
  rmSync(retired, { recursive: true, force: true });
  return performance.now() - started;
}

function runViteBuild(
  outDir: string,
  options: { quiet?: boolean; flavor?: WebFlavor },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ['run', 'build', '-w', '@cci/web', '--', '--outDir', outDir, '--emptyOutDir'];
    if (options.flavor === 'e2e') args.push('--mode', 'e2e');
    const child = spawn('npm', args, {
      cwd: join(WEB_DIR, '..', '..'),
      stdio: options.quiet ? ['ignore', 'ignore', 'pipe'] : 'inherit',
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`SPA build failed (exit ${code})\n${errors}`));
    });
  });
}

/**
 * Builds the SPA when its build (production: dist, e2e: dist-e2e) is missing or older than its
 * sources (or always, if asked). Resolves with the directory to serve.
 */
export async function ensureWebBuilt(
  options: {
    always?: boolean;
    quiet?: boolean;
    flavor?: WebFlavor;
    say?: (line: string) => void;
  } = {},
): Promise<string> {
  const dist = webDist(options.flavor);
  const reason = options.always ? 'a fresh build was asked for' : staleReason(options.flavor);
  if (!reason) return dist;
  const what =
    options.flavor === 'e2e' ? 'the web console for e2e (test ids kept)' : 'the web console';
  options.say?.(`Building ${what} (${reason})…`);
  const ms = await buildWeb(options);
  options.say?.(`Web console built in ${(ms / 1000).toFixed(1)} s`);
  return dist;
}
