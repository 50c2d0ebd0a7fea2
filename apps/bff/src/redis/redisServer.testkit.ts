import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';

/**
 * A real redis-server (Debian's /usr/bin/redis-server) on a free loopback port, for tests and
 * benches: no persistence, no config file, stopped by stop(). start() again brings it back on
 * the same port (the "Redis came back" half of an outage test).
 */
export interface RedisServer {
  port: number;
  /** redis://127.0.0.1:<port> (with the ACL user when one was asked for). */
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  /** An ACL user with every right; the default user then needs this password too. */
  acl?: { user: string; password: string };
}

const REDIS_SERVER = process.env['REDIS_SERVER_BIN'] ?? 'redis-server';

export async function freeLoopbackPort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = await freeLoopbackPort();
  let child: ChildProcess | undefined;
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--loglevel',
    'warning',
    ...(options.acl
      ? [
          ...['--user', options.acl.user, 'on', `>${options.acl.password}`, '~*', '&*', '+@all'],
          ...['--user', 'default', 'off'],
        ]
      : []),
  ];
  const auth = options.acl
    ? `${encodeURIComponent(options.acl.user)}:${encodeURIComponent(options.acl.password)}@`
    : '';
  const server: RedisServer = {
    port,
    url: `redis://${auth}127.0.0.1:${port}`,
    async start() {
      const started = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      child = started;
      // A test run that ends without stop() (a hook timed out) leaves no redis-server behind.
      const orphaned = () => started.kill('SIGKILL');
      process.once('exit', orphaned);
      started.once('exit', () => process.off('exit', orphaned));
      await waitForPort(port, started);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = once(running, 'exit');
      running.kill('SIGKILL');
      await exited;
    },
  };
  await server.start();
  return server;
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
    const up = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(true)); // taken: redis-server listens
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`redis-server did not listen on 127.0.0.1:${port} within 10 s`);
}
