import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_ACCOUNT } from './console.ts';
import { startHa } from './ha.ts';
import { ensureWebBuilt } from './webBuild.ts';

const usage = `Usage: npm run start:ha -- [--port 8080] [--emulator-port 6443] [--redis-port 6379]
       [--rebuild] [--static-dir DIR] [--e2e-build] [--verbose]
  Starts the console as a fleet on 127.0.0.1: redis-server, the CCI emulator (TLS, demo data),
  two BFF replicas sharing Redis, and HAProxy in front (deploy/haproxy.cfg: round robin, no
  sticky sessions). Needs Debian's redis-server and haproxy. Ports that are taken are replaced
  by free ones.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      'emulator-port': { type: 'string', default: '6443' },
      'redis-port': { type: 'string', default: '6379' },
      rebuild: { type: 'boolean', default: false },
      'static-dir': { type: 'string' },
      'e2e-build': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'ready-json': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const say = (line: string) => console.log(line);
  const staticDir =
    values['static-dir'] ??
    (await ensureWebBuilt({
      always: values.rebuild,
      quiet: values['ready-json'],
      flavor: values['e2e-build'] ? 'e2e' : 'production',
      say,
    }));
  const running = await startHa({
    port: portNumber('--port', values.port),
    emulatorPort: portNumber('--emulator-port', values['emulator-port']),
    redisPort: portNumber('--redis-port', values['redis-port']),
    staticDir: resolve(staticDir),
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
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`cci-console (ha): stopping failed: ${String(error)}`);
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
  console.error(`cci-console (ha): ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
