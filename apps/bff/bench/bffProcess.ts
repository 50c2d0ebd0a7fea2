import { serve } from '@hono/node-server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.ts';
import { createDefaultDeps } from '../src/defaultDeps.ts';
import { parseEnv } from '../src/env.ts';

/**
 * The bench's BFF: the real app (createApp with production wiring, log lines dropped) pointed
 * at the emulator, plus a bare node:http server answering "ok" as the baseline for a trivial
 * route. Both in this one process; the parent loads one at a time.
 */
const upstream = process.env['BENCH_UPSTREAM'] as string;
const env = parseEnv({
  CCI_REGION_CN_NORTH_4_CCI_ENDPOINT: upstream,
  CCI_REGION_CN_NORTH_4_IAM_ENDPOINT: upstream,
});
const app = createApp({ ...createDefaultDeps(env), log: () => {} });
const listening = (server: { address(): unknown }) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const bff = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
  });
  bare.listen(0, '127.0.0.1', () => process.send?.({ bff: listening(bff), bare: listening(bare) }));
});

// The parent asks for a clean exit (so --cpu-prof can write its profile).
process.on('message', (message) => {
  if (message === 'exit') process.exit(0);
});
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
});
