import { startEmulator, type Emulator } from '@cci/emulator';
import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { regions } from '@cci/model';
// The BFF package exports createApp only; its env parser and production wiring are reached by
// path until it exports them too.
import {
  bffWebSocketOption,
  createApp,
  createDefaultDeps,
  nodeFetchHandler,
  parseEnv,
} from '@cci/bff';
import { seedDemoData } from './demoSeed.ts';
import { WEB_DIST } from './webBuild.ts';

export const DEMO_ACCOUNT = { domain: 'cci-demo', user: 'cci-demo', password: 'Demo@12345' };
const LOOPBACK = '127.0.0.1';

export interface ConsoleOptions {
  /** The BFF's port; 0 picks a free one. If the port is taken, a free one is used instead. */
  port?: number;
  /** The emulator's port (default 6443, a free one if taken). */
  emulatorPort?: number;
  /** Seed the emulator with demo objects and offer the demo account on the sign-in page. */
  demo?: boolean;
  /** The built SPA to serve (default apps/web/dist). */
  staticDir?: string;
  /** Every BFF log line (JSON); by default only warnings and errors. */
  verbose?: boolean;
  /** Pod metrics scrape interval (default 15 s); e2e runs use a short one so charts fill fast. */
  metricsIntervalSeconds?: number;
  say?: (line: string) => void;
}

export interface RunningConsole {
  /** The console's origin, http://127.0.0.1:<port>. */
  url: string;
  emulator: Emulator;
  /** PEM file of the emulator's self-signed certificate, which the BFF trusts. */
  caFile: string;
  close(): Promise<void>;
}

/** The port if it can be bound on loopback now, else a free one the system picks. */
export async function portOrFree(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(undefined));
      probe.listen(port, LOOPBACK, () => {
        const bound = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(bound));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0)) ?? 0;
}

/** Every A1 region's CCI and IAM endpoints, pointed at the one emulator. */
export function regionEndpoints(url: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const region of regions) {
    const key = `CCI_REGION_${region.id.toUpperCase().replace(/-/g, '_')}`;
    env[`${key}_CCI_ENDPOINT`] = url;
    env[`${key}_IAM_ENDPOINT`] = url;
  }
  return env;
}

/**
 * The whole console on loopback: the CCI emulator over TLS, and the BFF serving the built SPA
 * (apps/web/dist) with every region pointed at the emulator. Used by `npm start` and by the
 * Playwright global setup, so the e2e tests run exactly what a developer runs.
 */
export async function startConsole(options: ConsoleOptions = {}): Promise<RunningConsole> {
  const say = options.say ?? (() => {});
  const demo = options.demo ?? true;
  const preferredEmulatorPort = options.emulatorPort ?? 6443;
  const emulatorPort = await portOrFree(preferredEmulatorPort);
  if (preferredEmulatorPort !== 0 && emulatorPort !== preferredEmulatorPort) {
    say(`Port ${preferredEmulatorPort} is taken; the emulator uses ${emulatorPort} instead`);
  }
  const emulator = await startEmulator({ port: emulatorPort, host: LOOPBACK, tls: true });
  const dir = mkdtempSync(join(tmpdir(), 'cci-console-'));
  const caFile = join(dir, 'emulator-ca.pem');
  writeFileSync(caFile, emulator.caCertificate ?? '');
  if (demo) {
    const seeded = await seedDemoData(emulator);
    say(seeded);
  }

  const preferredPort = options.port ?? 8080;
  const port = await portOrFree(preferredPort);
  if (preferredPort !== 0 && port !== preferredPort) {
    say(`Port ${preferredPort} is taken; the console uses ${port} instead`);
  }
  const env = parseEnv({
    ...regionEndpoints(emulator.url),
    // The origins the console is reached at: without them the BFF would take the Host header's
    // word, which a DNS-rebinding page controls.
    PUBLIC_ORIGIN: `http://${LOOPBACK}:${port},http://localhost:${port}`,
    HOST: LOOPBACK,
    CCI_CA_FILE: caFile,
    STATIC_DIR: options.staticDir ?? WEB_DIST,
    ...(demo ? { DEMO_ACCOUNT: JSON.stringify(DEMO_ACCOUNT) } : {}),
    ...(options.metricsIntervalSeconds
      ? { METRICS_SCRAPE_INTERVAL_SECONDS: String(options.metricsIntervalSeconds) }
      : {}),
  });
  const deps = createDefaultDeps(env);
  deps.log = (line) => {
    if (options.verbose || line['level'] === 'error' || line['level'] === 'warn') {
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  };
  const shutdown = new AbortController();
  deps.shutdown = shutdown.signal;
  const app = createApp(deps);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      { fetch: nodeFetchHandler(app), websocket: bffWebSocketOption(), port, hostname: LOOPBACK },
      () => resolve(s),
    );
  });
  const url = `http://${LOOPBACK}:${port}`;

  return {
    url,
    emulator,
    caFile,
    async close() {
      shutdown.abort(); // the BFF's own timers (metrics rounds)
      // Open event streams would hold close() forever; end them first.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      // AppDeps types neither close(); the default upstream client and session store have one.
      for (const part of [deps.upstream, deps.sessions] as object[]) {
        if ('close' in part && typeof part.close === 'function') part.close();
      }
      await deps.redis?.close();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
