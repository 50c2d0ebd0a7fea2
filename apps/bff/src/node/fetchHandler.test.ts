import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import {
  createServer,
  get,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, createGunzip, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { securityHeaders } from '../middleware/securityHeaders.ts';
import { createHttpSender } from '../upstream/http.ts';
import { relayResponse } from '../upstream/nodeBody.ts';
import { nodeFetchHandler } from './fetchHandler.ts';

const servers: (Server | ServerType)[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    (s as Server).closeAllConnections?.();
    await new Promise((resolve) => s.close(resolve));
  }
});

function listen(server: Server): Promise<string> {
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

/** A BFF-shaped app: security headers on everything, /relay relays the upstream's answer. */
async function bffRelaying(upstreamUrl: string, readBody = false): Promise<string> {
  const sender = createHttpSender({});
  const app = new Hono();
  app.use(securityHeaders({ hsts: false }));
  app.get('/plain', (c) => c.text('plain answer'));
  app.get('/api/big', (c) => c.json({ items: Array.from({ length: 500 }, (_, i) => ({ i })) }));
  app.get('/api/small', (c) => c.json({ kind: 'Status', code: 404 }, 404));
  app.get('/relay', async (c) => {
    const answer = await sender.send({
      service: 'cci',
      url: new URL(upstreamUrl),
      method: 'GET',
      headers: {},
      timeoutMs: 5_000,
      timeoutCoversBody: false,
    });
    if (readBody) return new Response(await answer.text(), { status: answer.status });
    const headers = new Headers({ 'content-type': 'application/json' });
    const watch = c.req.query('watch') === 'true';
    return relayResponse(
      answer.body as ReadableStream<Uint8Array>,
      { status: answer.status, headers },
      watch,
    );
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: nodeFetchHandler(app), port: 0, hostname: '127.0.0.1' }, () =>
      resolve(s),
    );
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface RawAnswer {
  res: IncomingMessage;
  body: Promise<string>;
  firstChunk: Promise<void>;
}

function rawGet(url: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let sawChunk: () => void = () => {};
      const firstChunk = new Promise<void>((done) => (sawChunk = done));
      const body = new Promise<string>((done, fail) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          sawChunk();
        });
        res.on('end', () => done(text));
        res.on('error', fail);
        res.on('aborted', () => fail(new Error('aborted')));
      });
      resolve({ res, body, firstChunk });
    }).on('error', reject);
  });
}

/** The answer's bytes as they came on the wire (no decoding). */
function bytesGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const podList = JSON.stringify({
  kind: 'PodList',
  items: Array.from({ length: 300 }, (_, i) => ({ metadata: { name: `web-${i}` } })),
});

/** An upstream that gzips when asked, as CCI does, recording the request headers it saw. */
async function gzippingUpstream(seen: IncomingHttpHeaders[] = []): Promise<string> {
  const gz = gzipSync(podList);
  return listen(
    createServer((req, res) => {
      seen.push(req.headers);
      if (!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(podList);
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': gz.length,
      });
      res.end(gz);
    }),
  );
}

describe('nodeFetchHandler', () => {
  it('pipes an untouched upstream body byte for byte, with the middleware headers', async () => {
    const payload = JSON.stringify({ items: Array.from({ length: 2_000 }, (_, i) => ({ i })) });
    const upstream = await listen(
      createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(payload);
      }),
    );
    const bff = await bffRelaying(upstream);
    const { res, body } = await rawGet(`${bff}/relay`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-type']).toBe('application/json');
    expect(await body).toBe(payload);
  });

  it('leaves other answers to node-server, and relays bodies the app already read', async () => {
    const upstream = await listen(createServer((_req, res) => res.end('read by the app')));
    const bff = await bffRelaying(upstream, true);
    const plain = await rawGet(`${bff}/plain`);
    expect(await plain.body).toBe('plain answer');
    expect(plain.res.headers['x-content-type-options']).toBe('nosniff');
    expect(await (await rawGet(`${bff}/relay`)).body).toBe('read by the app');
  });

  it('cuts the browser answer short when the upstream breaks mid-body', async () => {
    const upstream = await listen(
      createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"items":[');
        setTimeout(() => res.destroy(), 20);
      }),
    );
    const bff = await bffRelaying(upstream);
    const { body } = await rawGet(`${bff}/relay`);
    await expect(body).rejects.toThrow();
  });

  it('ends the upstream exchange when the browser goes away', async () => {
    let upstreamClosed: () => void = () => {};
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    const upstream = await listen(
      createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"type":"ADDED"}\n'); // a watch: never ends on its own
        res.on('close', upstreamClosed);
      }),
    );
    const bff = await bffRelaying(upstream);
    const { res, body, firstChunk } = await rawGet(`${bff}/relay`);
    body.catch(() => {}); // destroyed on purpose below
    await firstChunk;
    res.destroy();
    await closed;
  });

  it('asks upstream for gzip and relays the gzip bytes as they came to a browser that takes gzip', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const bff = await bffRelaying(await gzippingUpstream(seen));
    const { res, body } = await bytesGet(`${bff}/relay`, { 'Accept-Encoding': 'gzip' });
    expect(seen[0]?.['accept-encoding']).toBe('gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(body.equals(gzipSync(podList))).toBe(true); // not decoded and compressed again
    expect(res.headers['content-length']).toBe(String(body.length));
  });

  it('decodes a gzip upstream answer for a browser that takes no encoding', async () => {
    const bff = await bffRelaying(await gzippingUpstream());
    const { res, body } = await bytesGet(`${bff}/relay`);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(body.toString()).toBe(podList);
  });

  it('compresses a plain upstream answer above the threshold with the negotiated coding', async () => {
    const upstream = await listen(
      createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(podList);
      }),
    );
    const bff = await bffRelaying(upstream);
    const br = await bytesGet(`${bff}/relay`, { 'Accept-Encoding': 'br' });
    expect(br.res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(podList);
    const gz = await bytesGet(`${bff}/relay`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(gz.res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(podList);
  });

  it('sends a plain upstream answer below the threshold as it came, with its length', async () => {
    const small = '{"kind":"Pod"}';
    const upstream = await listen(
      createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': small.length });
        res.end(small);
      }),
    );
    const bff = await bffRelaying(upstream);
    const { res, body } = await bytesGet(`${bff}/relay`, { 'Accept-Encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-length']).toBe(String(small.length));
    expect(body.toString()).toBe(small);
  });

  it('compresses a watch per event: the first event arrives while the upstream stays open', async () => {
    const event = '{"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"web-0"}}}\n';
    let upstreamClosed: () => void = () => {};
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    const upstream = await listen(
      createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(event); // and nothing more: a quiet watch
        res.on('close', upstreamClosed);
      }),
    );
    const bff = await bffRelaying(upstream);
    const received = await new Promise<{ res: IncomingMessage; first: string }>((resolve) => {
      get(`${bff}/relay?watch=true`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        const decoded = res.pipe(createGunzip());
        decoded.once('data', (chunk: Buffer) => resolve({ res, first: chunk.toString() }));
      });
    });
    expect(received.res.headers['content-encoding']).toBe('gzip');
    expect(received.first).toBe(event);
    received.res.destroy();
    await closed;
  });

  it("compresses the BFF's own API answers above the threshold and leaves small ones plain", async () => {
    const bff = await bffRelaying('http://127.0.0.1:1/unused');
    const big = await bytesGet(`${bff}/api/big`, { 'Accept-Encoding': 'gzip' });
    expect(big.res.headers['content-encoding']).toBe('gzip');
    expect(big.res.headers['x-content-type-options']).toBe('nosniff');
    const items = (JSON.parse(gunzipSync(big.body).toString()) as { items: unknown[] }).items;
    expect(items).toHaveLength(500);
    const small = await bytesGet(`${bff}/api/small`, { 'Accept-Encoding': 'gzip' });
    expect(small.res.statusCode).toBe(404);
    expect(small.res.headers['content-encoding']).toBeUndefined();
    expect(small.res.headers['content-length']).toBe(String(small.body.length));
    expect(JSON.parse(small.body.toString())).toEqual({ kind: 'Status', code: 404 });
    const plain = await bytesGet(`${bff}/api/big`);
    expect(plain.res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toHaveProperty('items');
  });
});
