import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  app.get('/relay', async () => {
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
    return relayResponse(answer.body as ReadableStream<Uint8Array>, {
      status: answer.status,
      headers,
    });
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
});
