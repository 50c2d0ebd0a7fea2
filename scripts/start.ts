import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_ACCOUNT, startConsole } from './console.ts';
import { ensureWebBuilt } from './webBuild.ts';

const usage = `Usage: npm start -- [--port 8080] [--emulator-port 6443] [--no-demo] [--rebuild]
       [--static-dir DIR] [--e2e-build] [--verbose]
  Starts the CCI emulator (TLS, demo data) and the console (BFF + built SPA) on 127.0.0.1.
  The SPA is built first when apps/web/dist is missing or older than its sources (--rebuild:
  always); --static-dir serves another build and skips that. --e2e-build serves the build with
  test ids (apps/web/dist-e2e) that the Playwright tests need; never use it for a deployment.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      'emulator-port': { type: 'string', default: '6443' },
      'no-demo': { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
      'static-dir': { type: 'string' },
      'e2e-build': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      // For the Playwright global setup: one JSON line on stdout once everything listens.
      'ready-json': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = portNumber('--port', values.port);
  const emulatorPort = portNumber('--emulator-port', values['emulator-port']);
  const say = (line: string) => console.log(line);
  const staticDir =
    values['static-dir'] ??
    (await ensureWebBuilt({
      always: values.rebuild,
      quiet: values['ready-json'],
      flavor: values['e2e-build'] ? 'e2e' : 'production',
      say,
    }));
  const demo = !values['no-demo'];
  const running = await startConsole({
    port,
    emulatorPort,
    demo,
    verbose: values.verbose,
    // The e2e run (Playwright global setup) needs metrics charts to fill within seconds.
    ...(values['ready-json'] ? { metricsIntervalSeconds: 2 } : {}),
    say,
    staticDir: resolve(staticDir),
  });

  if (values['ready-json']) {
    console.log(
      JSON.stringify({
        ready: true,
        url: running.url,
        emulatorUrl: running.emulator.url,
        caFile: running.caFile,
      }),
    );
  } else {
    say(`CCI emulator (TLS, self-signed) on ${running.emulator.url}; its CA: ${running.caFile}`);
    say(
      demo
        ? `CCI Console: open ${running.url} — sign in as ${DEMO_ACCOUNT.user} / ${DEMO_ACCOUNT.password}`
        : `CCI Console: open ${running.url}`,
    );
    say('Press Ctrl-C to stop.');
  }

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`cci-console: stopping failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function portNumber(flag: string, raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${flag}: "${raw}" is not a port number (0-65535)`);
  }
  return port;
}

main().catch((error: unknown) => {
  console.error(`cci-console: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
