import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 180_000; // includes a cold SPA build

interface Ready {
  ready: true;
  url: string;
  emulatorUrl: string;
  caFile: string;
}

/**
 * Starts the whole console exactly as `npm start` does (scripts/start.ts: emulator with demo
 * data, BFF serving the built SPA), on free loopback ports, in a child process so Playwright's
 * own module loader never sees the servers' code. The URLs reach the tests through env vars,
 * which the workers (started after this) inherit; the returned function is the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // The e2e build keeps the test ids the page objects use (production strips them).
  const args = ['--port', '0', '--emulator-port', '0', '--ready-json', '--e2e-build'];
  // CCI_E2E_STATIC_DIR runs the tests against a build made elsewhere (no build here).
  const staticDir = process.env['CCI_E2E_STATIC_DIR'];
  if (staticDir) args.push('--static-dir', staticDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = await waitForReady(child);
  process.env['CCI_E2E_URL'] = ready.url;
  process.env['CCI_E2E_EMULATOR_URL'] = ready.emulatorUrl;
  process.env['CCI_E2E_CA_FILE'] = ready.caFile;
  return () => stop(child);
}

function waitForReady(child: ChildProcess): Promise<Ready> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the console did not start within ${READY_TIMEOUT_MS / 1000} s`));
    }, READY_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('{"ready":true')) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Ready);
      } else {
        process.stderr.write(`[console] ${line}\n`);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the console exited (code ${code}) before it was ready`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
