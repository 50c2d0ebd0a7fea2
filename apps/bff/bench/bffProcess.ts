import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Agent, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Agent as UndiciAgent } from 'undici';
import { createApp } from '../src/app.ts';
import { createDefaultDeps } from '../src/defaultDeps.ts';
import { parseEnv } from '../src/env.ts';
import { nodeFetchHandler } from '../src/node/fetchHandler.ts';
import { serveParent } from './child.ts';

/**
 * The bench's BFF process: the real app (createApp with production wiring, log lines dropped)
 * pointed at the emulator over TLS, trusting its CA through CCI_CA_FILE as a deployment (and
 * `npm start`) does, and two baselines in the same process, loaded one at a time:
 * - bare: node:http answering "ok" (for the trivial route);
 * - pipe: the least a Node proxy can do, node:http piping the upstream answer through a
 *   keep-alive agent with no checks at all (the floor for any proxy written in Node);
 * - undici pipe: the same with the BFF's HTTP client (undici) upstream: the floor for the BFF's
 *   design, whatever it checks on the way.
 */
const upstream = new URL(process.env['BENCH_UPSTREAM'] as string);
const token = process.env['BENCH_TOKEN'] as string;
const caFile = process.env['BENCH_CA_FILE'] as string;
const env = parseEnv({
  CCI_CA_FILE: caFile,
  CCI_REGION_CN_NORTH_4_CCI_ENDPOINT: upstream.origin,
  CCI_REGION_CN_NORTH_4_IAM_ENDPOINT: upstream.origin,
  // The metrics scrape bench tunes the metrics area (interval, pods per overview, ...).
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('METRICS_'))),
});
const app = createApp({ ...createDefaultDeps(env), log: () => {} });

// The pipe trusts only the emulator's CA (no public roots to carry) and relays any encoding.
const agent = new Agent({ keepAlive: true, ca: readFileSync(caFile, 'utf8') });
const pipe = createServer((req, res) => {
  const path = (req.url ?? '/').replace(/^\/api\/cci/, '');
  const encoding = req.headers['accept-encoding'];
  const outgoing = request(
    {
      host: upstream.hostname,
      port: upstream.port,
      path,
      agent,
      headers: { 'x-auth-token': token, ...(encoding ? { 'accept-encoding': encoding } : {}) },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, {
        'content-type': answer.headers['content-type'] ?? 'application/json',
        ...(answer.headers['content-encoding']
          ? { 'content-encoding': answer.headers['content-encoding'] }
          : {}),
      });
      answer.pipe(res);
    },
  );
  outgoing.on('error', () => res.destroy());
  outgoing.end();
});
const undici = new UndiciAgent({ connect: { ca: readFileSync(caFile, 'utf8') } });
const undiciPipe = createServer((req, res) => {
  const path = (req.url ?? '/').replace(/^\/api\/cci/, '');
  const encoding = req.headers['accept-encoding'];
  undici.request(
    {
      origin: upstream.origin,
      path,
      method: 'GET',
      headers: { 'x-auth-token': token, ...(encoding ? { 'accept-encoding': encoding } : {}) },
    },
    (error, answer) => {
      if (error) return res.destroy();
      const coding = answer.headers['content-encoding'];
      res.writeHead(answer.statusCode, {
        'content-type': String(answer.headers['content-type'] ?? 'application/json'),
        ...(coding ? { 'content-encoding': String(coding) } : {}),
      });
      answer.body.pipe(res);
    },
  );
});
const bare = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('ok');
});

const url = (server: { address(): unknown }) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const listen = (server: Server) =>
  new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const bff = serve({ fetch: nodeFetchHandler(app), port: 0, hostname: '127.0.0.1' }, async () => {
  await listen(pipe);
  await listen(undiciPipe);
  await listen(bare);
  process.send?.({ bff: url(bff), pipe: url(pipe), undici: url(undiciPipe), bare: url(bare) });
});
serveParent();
