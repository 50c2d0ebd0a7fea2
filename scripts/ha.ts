import { startEmulator, type Emulator } from '@cci/emulator';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNT, portOrFree, regionEndpoints } from './console.ts';
import { seedDemoData } from './demoSeed.ts';
import { WEB_DIST } from './webBuild.ts';

const LOOPBACK = '127.0.0.1';
const ROOT = join(import.meta.dirname, '..');
export const HAPROXY_CONFIG = join(ROOT, 'deploy', 'haproxy.cfg');

export interface HaOptions {
  /** HAProxy's port, the console's address (default 8080, a free one if taken). */
  port?: number;
  emulatorPort?: number;
  redisPort?: number;
  replicas?: number;
  staticDir?: string;
  verbose?: boolean;
  metricsIntervalSeconds?: number;
  say?: (line: string) => void;
}

export interface Replica {
  name: string;
  url: string;
  process: ChildProcess;
}

export interface RunningHa {
  url: string;
  emulator: Emulator;
  /** PEM file of the emulator's self-signed certificate, which the replicas trust. */
  caFile: string;
  redisPort: number;
  /** redis-server's process id (an operator stops and starts Redis by it). */
  redisPid: number | undefined;
  /** redis-server's config file (mode 600; holds the password): `redis-server <it>` restarts it. */
  redisConfig: string;
  /** HAProxy's stats socket (`show stat`: each replica's state and open sessions). */
  statsSocket: string;
  replicas: Replica[];
  /** Starts a replica again after it was killed (same port, same environment). */
  restart(replica: Replica): Promise<Replica>;
  close(): Promise<void>;
}

/**
 * The console as a fleet on loopback: redis-server (an ACL user with a random password), the
 * CCI emulator, N BFF replicas as separate processes sharing Redis, and HAProxy in front
 * (deploy/haproxy.cfg: round robin, no stickiness, health checks on /healthz).
 */
export async function startHa(options: HaOptions = {}): Promise<RunningHa> {
  const say = options.say ?? (() => {});
  const children: ChildProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'cci-console-ha-'));
  const stopAll = async () => {
    for (const child of children.reverse()) await stop(child);
  };
  try {
    const emulator = await startEmulator({
      port: await portOrFree(options.emulatorPort ?? 6443),
      host: LOOPBACK,
      tls: true,
    });
    const caFile = join(dir, 'emulator-ca.pem');
    writeFileSync(caFile, emulator.caCertificate ?? '');
    say(await seedDemoData(emulator));

    const redisPort = await portOrFree(options.redisPort ?? 6379);
    const password = randomBytes(18).toString('base64url');
    // A config file readable by this user only, not arguments: any local user can read a
    // process's arguments. Its path is how Redis is started again (RunningHa.redisConfig).
    const redisConfig = join(dir, 'redis.conf');
    writeFileSync(
      redisConfig,
      [
        `port ${redisPort}`,
        `bind ${LOOPBACK}`,
        'save ""',
        'appendonly no',
        `user console on >${password} ~* &* +@all`,
        'user default off',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    const redis = child('redis', 'redis-server', [redisConfig], {}, options.verbose);
    children.push(redis);
    await untilListening(redisPort);

    const port = await portOrFree(options.port ?? 8080);
    const replicaPorts: number[] = [];
    for (let i = 0; i < (options.replicas ?? 2); i++) replicaPorts.push(await portOrFree(0));
    const env: Record<string, string> = {
      ...regionEndpoints(emulator.url),
      PUBLIC_ORIGIN: `http://${LOOPBACK}:${port},http://localhost:${port}`,
      HOST: LOOPBACK,
      CCI_CA_FILE: caFile,
      STATIC_DIR: options.staticDir ?? WEB_DIST,
      DEMO_ACCOUNT: JSON.stringify(DEMO_ACCOUNT),
      REDIS_URL: `redis://console:${password}@${LOOPBACK}:${redisPort}`,
      SESSION_ENCRYPTION_KEYS: `ha1:${randomBytes(32).toString('base64')}`,
      TRUSTED_PROXY_HOPS: '1', // HAProxy's X-Forwarded-For
      ...(options.metricsIntervalSeconds
        ? { METRICS_SCRAPE_INTERVAL_SECONDS: String(options.metricsIntervalSeconds) }
        : {}),
    };
    const startReplica = async (name: string, replicaPort: number): Promise<Replica> => {
      const bff = child(
        name,
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'apps', 'bff', 'src', 'index.ts')],
        { ...env, PORT: String(replicaPort) },
        options.verbose,
      );
      children.push(bff);
      const url = `http://${LOOPBACK}:${replicaPort}`;
      await untilHealthy(`${url}/healthz`);
      return { name, url, process: bff };
    };
    const replicas: Replica[] = [];
    for (const [i, p] of replicaPorts.entries())
      replicas.push(await startReplica(`bff${i + 1}`, p));

    const statsSocket = join(dir, 'haproxy-stats.sock');
    children.push(
      child(
        'haproxy',
        'haproxy',
        ['-db', '-f', HAPROXY_CONFIG],
        {
          CCI_HA_BIND: `${LOOPBACK}:${port}`,
          CCI_HA_STATS_SOCKET: statsSocket,
          CCI_BFF1_ADDR: `${LOOPBACK}:${replicaPorts[0]}`,
          CCI_BFF2_ADDR: `${LOOPBACK}:${replicaPorts[1] ?? replicaPorts[0]}`,
        },
        true,
      ),
    );
    const url = `http://${LOOPBACK}:${port}`;
    await untilHealthy(`${url}/healthz`);
    return {
      url,
      emulator,
      caFile,
      redisPort,
      redisPid: redis.pid,
      redisConfig,
      statsSocket,
      replicas,
      restart: (replica) => startReplica(replica.name, Number(new URL(replica.url).port)),
      async close() {
        await stopAll();
        await emulator.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A child whose stderr is shown with its name; stdout (JSON lines) only warnings and errors. */
function child(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  verbose = false,
): ChildProcess {
  const started = spawn(command, args, {
    cwd: ROOT,
    // Debian puts haproxy in /usr/sbin, which a non-login PATH may lack.
    env: { PATH: `${process.env['PATH'] ?? ''}:/usr/sbin:/sbin`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const show = (chunk: Buffer, all: boolean) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.trim() === '') continue;
      if (all || verbose || /"level":"(warn|error)"/.test(line)) console.error(`[${name}] ${line}`);
    }
  };
  // Whatever ends this process, no redis-server, replica or HAProxy outlives it.
  const orphaned = () => started.kill('SIGKILL');
  process.once('exit', orphaned);
  started.once('exit', () => process.off('exit', orphaned));
  started.stdout?.on('data', (c: Buffer) => show(c, false));
  started.stderr?.on('data', (c: Buffer) => show(c, true));
  started.on('error', (error) =>
    console.error(`[${name}] cannot start ${command}: ${error.message}`),
  );
  return started;
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = once(proc, 'exit');
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

async function untilHealthy(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

async function untilListening(port: number): Promise<void> {
  const { createConnection } = await import('node:net');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: LOOPBACK });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not listen on ${LOOPBACK}:${port}`);
}
