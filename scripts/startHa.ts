import { parseArgs } from 'node:util';
import { closeOnSignals, commonOptions, portNumber, runMain, staticDirFor } from './cli.ts';
import { DEMO_ACCOUNT } from './console.ts';
import { startHa } from './ha.ts';

const usage = `Usage: npm run start:ha -- [--port 8080] [--emulator-port 6443] [--redis-port 6379]
       [--rebuild] [--static-dir DIR] [--e2e-build] [--verbose]
  Starts the console as a fleet on 127.0.0.1: redis-server, the CCI emulator (TLS, demo data),
  two BFF replicas sharing Redis, and HAProxy in front (deploy/haproxy.cfg: round robin, no
  sticky sessions). Needs Debian's redis-server and haproxy. Ports that are taken are replaced
  by free ones.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...commonOptions,
      'redis-port': { type: 'string', default: '6379' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const say = (line: string) => console.log(line);
  const staticDir = await staticDirFor(values, say);
  const running = await startHa({
    port: portNumber('--port', values.port),
    emulatorPort: portNumber('--emulator-port', values['emulator-port']),
    redisPort: portNumber('--redis-port', values['redis-port']),
    staticDir,
    verbose: values.verbose,
    ...(values['ready-json'] ? { metricsIntervalSeconds: 2 } : {}),
    say: values['ready-json'] ? () => {} : say,
  });
  if (values['ready-json']) {
    console.log(
      JSON.stringify({
        ready: true,
        url: running.url,
        emulatorUrl: running.emulator.url,
        caFile: running.caFile,
        redis: { port: running.redisPort, pid: running.redisPid, config: running.redisConfig },
        statsSocket: running.statsSocket,
        replicas: running.replicas.map((r) => ({ name: r.name, url: r.url, pid: r.process.pid })),
      }),
    );
  } else {
    say(`redis-server on 127.0.0.1:${running.redisPort}; CCI emulator on ${running.emulator.url}`);
    for (const r of running.replicas)
      say(`BFF replica ${r.name} on ${r.url} (pid ${r.process.pid})`);
    say(
      `CCI Console through HAProxy: open ${running.url} — sign in as ${DEMO_ACCOUNT.user} / ${DEMO_ACCOUNT.password}`,
    );
    say('Press Ctrl-C to stop.');
  }
  closeOnSignals(running, 'cci-console (ha)');
}

runMain(main, 'cci-console (ha)');
