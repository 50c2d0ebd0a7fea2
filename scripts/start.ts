import { parseArgs } from 'node:util';
import { closeOnSignals, commonOptions, portNumber, runMain, staticDirFor } from './cli.ts';
import { DEMO_ACCOUNT, startConsole } from './console.ts';

const usage = `Usage: npm start -- [--port 8080] [--emulator-port 6443] [--no-demo] [--rebuild]
       [--static-dir DIR] [--e2e-build] [--verbose]
  Starts the CCI emulator (TLS, demo data) and the console (BFF + built SPA) on 127.0.0.1.
  The SPA is built first when apps/web/dist is missing or older than its sources (--rebuild:
  always); --static-dir serves another build and skips that. --e2e-build serves the build with
  test ids (apps/web/dist-e2e) that the Playwright tests need; never use it for a deployment.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...commonOptions,
      'no-demo': { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = portNumber('--port', values.port);
  const emulatorPort = portNumber('--emulator-port', values['emulator-port']);
  const say = (line: string) => console.log(line);
  const staticDir = await staticDirFor(values, say);
  const demo = !values['no-demo'];
  const running = await startConsole({
    port,
    emulatorPort,
    demo,
    verbose: values.verbose,
    // The e2e run (Playwright global setup) needs metrics charts to fill within seconds.
    ...(values['ready-json'] ? { metricsIntervalSeconds: 2 } : {}),
    say,
    staticDir,
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

  closeOnSignals(running, 'cci-console');
}

runMain(main, 'cci-console');
