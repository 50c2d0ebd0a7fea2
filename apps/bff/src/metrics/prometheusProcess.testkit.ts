import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's package `prometheus` (installed on the CI image). */
export const PROMETHEUS_BIN = '/usr/bin/prometheus';

export interface PrometheusProcess {
  url: string;
  dir: string;
  query(promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  targets(): Promise<{ health: string; labels: Record<string, string>; lastError: string }[]>;
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A real Prometheus on a free loopback port with a temporary data directory. `config` gets the
 * directory so it can write credential files beside prometheus.yml (never on the command line).
 */
export async function startPrometheus(config: (dir: string) => string): Promise<PrometheusProcess> {
  if (!existsSync(PROMETHEUS_BIN)) {
    throw new Error(
      `${PROMETHEUS_BIN} is missing: install the Debian package "prometheus" (apt-get install --no-install-recommends prometheus)`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'bff-prometheus-'));
  writeFileSync(join(dir, 'prometheus.yml'), config(dir));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${url}${path}`);
    const body = (await res.json()) as { status: string; data: T };
    if (body.status !== 'success') throw new Error(`prometheus ${path}: ${JSON.stringify(body)}`);
    return body.data;
  };

  return {
    url,
    dir,
    async query(promql) {
      const data = await api<{
        result: { metric: Record<string, string>; value: [number, string] }[];
      }>(`/api/v1/query?query=${encodeURIComponent(promql)}`);
      return data.result;
    },
    async targets() {
      const data = await api<{
        activeTargets: { health: string; labels: Record<string, string>; lastError: string }[];
      }>('/api/v1/targets');
      return data.activeTargets;
    },
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `probe` returns a value (not undefined) or `attempts` × `everyMs` have passed. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  attempts = 120,
  everyMs = 250,
): Promise<T | undefined> {
  for (let i = 0; i < attempts; i++) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return undefined;
}
