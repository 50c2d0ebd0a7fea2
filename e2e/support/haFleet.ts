import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..', '..');

export interface HaFleet {
  url: string;
  emulatorUrl: string;
  caFile: string;
  redis: { port: number; pid: number; config: string };
  /** HAProxy's stats socket (support/haOperator.ts reads it). */
  statsSocket: string;
  replicas: { name: string; url: string; pid: number }[];
  stop(): Promise<void>;
}

/**
 * `npm run start:ha` in a child process (redis-server, emulator, two BFF replicas, HAProxy) on
 * free loopback ports, serving the e2e build the global setup made. The emulator API helpers
 * read its address from the environment while the fleet runs; stop() puts the old one back.
 */
export async function startHaFleet(): Promise<HaFleet> {
  const child = spawn(
    process.execPath,
    [
      ...['--import', 'tsx', 'scripts/startHa.ts', '--ready-json'],
      ...['--port', '0', '--emulator-port', '0', '--redis-port', '0'],
      ...['--static-dir', join(ROOT, 'apps', 'web', 'dist-e2e')],
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const ready = await new Promise<Omit<HaFleet, 'stop'>>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('{"ready":true')) resolve(JSON.parse(line) as Omit<HaFleet, 'stop'>);
      else process.stderr.write(`[ha] ${line}\n`);
    });
    child.once('exit', (code) => reject(new Error(`start:ha exited (code ${code}) before ready`)));
  });
  const saved = {
    url: process.env['CCI_E2E_EMULATOR_URL'],
    ca: process.env['CCI_E2E_CA_FILE'],
  };
  process.env['CCI_E2E_EMULATOR_URL'] = ready.emulatorUrl;
  process.env['CCI_E2E_CA_FILE'] = ready.caFile;
  return {
    ...ready,
    async stop() {
      process.env['CCI_E2E_EMULATOR_URL'] = saved.url;
      process.env['CCI_E2E_CA_FILE'] = saved.ca;
      await stopChild(child);
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
