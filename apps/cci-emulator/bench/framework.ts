/**
 * Why the emulator uses plain node:http: a trivial JSON route served by node:http and by Hono
 * (@hono/node-server), measured in the same run with the same load.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { load, percentile } from './http-load.ts';

const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Success' });

async function nodeServer(): Promise<{ url: string; close: () => void }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/version`,
    close: () => server.close(),
  };
}

async function honoServer(): Promise<{ url: string; close: () => void }> {
  const app = new Hono().get('/version', (c) =>
    c.body(body, 200, { 'Content-Type': 'application/json' }),
  );
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ url: `http://127.0.0.1:${info.port}/version`, close: () => server.close() }),
    );
  });
}

export async function compareFrameworks(requests = 20_000, concurrency = 32): Promise<string[]> {
  const results: { name: string; rps: number; p50: number; p99: number }[] = [];
  for (const [name, start] of [
    ['node:http', nodeServer],
    ['hono', honoServer],
    ['node:http (again)', nodeServer],
  ] as const) {
    const server = await start();
    await load(server.url, {}, 2_000, concurrency); // warm-up
    const t = performance.now();
    const lat = await load(server.url, {}, requests, concurrency);
    const secs = (performance.now() - t) / 1000;
    results.push({
      name,
      rps: requests / secs,
      p50: percentile(lat, 50),
      p99: percentile(lat, 99),
    });
    server.close();
  }
  const base = results[0]?.rps ?? 1;
  return results.map(
    (r) =>
      `trivial route ${r.name}: ${r.rps.toFixed(0)} req/s (ratio to node:http ${(r.rps / base).toFixed(2)}), p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`,
  );
}
