import { resolve } from 'node:path';
import { ensureWebBuilt } from './webBuild.ts';

/** The options `npm start` and `npm run start:ha` share (each adds its own). */
export const commonOptions = {
  port: { type: 'string', default: '8080' },
  'emulator-port': { type: 'string', default: '6443' },
  rebuild: { type: 'boolean', default: false },
  'static-dir': { type: 'string' },
  'e2e-build': { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  // For the Playwright global setup: one JSON line on stdout once everything listens.
  'ready-json': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

interface CommonValues {
  rebuild: boolean;
  'static-dir'?: string | undefined;
  'e2e-build': boolean;
  'ready-json': boolean;
}

/** The SPA directory to serve: --static-dir, or the build made (when stale) for this run. */
export async function staticDirFor(
  values: CommonValues,
  say: (line: string) => void,
): Promise<string> {
  const dir =
    values['static-dir'] ??
    (await ensureWebBuilt({
      always: values.rebuild,
      quiet: values['ready-json'],
      flavor: values['e2e-build'] ? 'e2e' : 'production',
      say,
    }));
  return resolve(dir);
}

export function portNumber(flag: string, raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${flag}: "${raw}" is not a port number (0-65535)`);
  }
  return port;
}

/** Ctrl-C and SIGTERM close what runs (once), then exit. */
export function closeOnSignals(running: { close(): Promise<void> }, name: string): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${name}: stopping failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Runs a command's main; a failure prints its message (no stack) and exits 1. */
export function runMain(main: () => Promise<void>, name: string): void {
  main().catch((error: unknown) => {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
