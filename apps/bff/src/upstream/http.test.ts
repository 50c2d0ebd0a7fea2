import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpSender, type SendOptions } from './http.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/**
 * Answers the first request of each connection and drops the connection on the second without
 * answering, as a server does that closes an idle kept-alive connection just as it is reused.
 */
async function closingServer(): Promise<{ url: URL; sockets: Set<Socket>; requests: string[] }> {
  const sockets = new Set<Socket>();
  const served = new WeakMap<Socket, number>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    sockets.add(req.socket);
    requests.push(`${req.method} ${req.headers['accept-encoding']}`);
    const count = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, count);
    if (count > 1) return req.socket.destroy();
    res.end('ok');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: new URL(`http://127.0.0.1:${port}/x`), sockets, requests };
}

/** The client takes a connection back once the answer's last bytes are parsed, a tick later. */
const idle = () => new Promise((resolve) => setImmediate(resolve));

/** Sends its head at once, then `chunks` body chunks `gapMs` apart. */
async function tricklingServer(chunks: number, gapMs: number): Promise<URL> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.flushHeaders();
    let sent = 0;
    const timer = setInterval(() => {
      res.write(`${sent}`);
      if (++sent === chunks) {
        clearInterval(timer);
        res.end();
      }
    }, gapMs);
    res.on('close', () => clearInterval(timer));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new URL(`http://127.0.0.1:${port}/watch`);
}

const options = (url: URL, method: string): SendOptions => ({
  service: 'cci',
  url,
  method,
  headers: {},
  timeoutMs: 5_000,
  timeoutCoversBody: true,
});

describe('upstream HTTP sender', () => {
  it('asks for gzip and sends an idempotent request again when a reused connection was closed', async () => {
    const upstream = await closingServer();
    const sender = createHttpSender({});
    expect(await (await sender.send(options(upstream.url, 'GET'))).text()).toBe('ok');
    await idle();
    expect(await (await sender.send(options(upstream.url, 'GET'))).text()).toBe('ok');
    expect(upstream.requests).toEqual(['GET gzip', 'GET gzip', 'GET gzip']);
    expect(upstream.sockets.size).toBe(2);
    sender.close();
  });

  it('does not send a POST twice: the reset is a 502', async () => {
    const upstream = await closingServer();
    const sender = createHttpSender({});
    expect(await (await sender.send(options(upstream.url, 'POST'))).text()).toBe('ok');
    await idle();
    await expect(sender.send(options(upstream.url, 'POST'))).rejects.toMatchObject({
      status: 502,
    });
    expect(upstream.requests).toHaveLength(2);
    sender.close();
  });

  it('lets a watch stream past the timeout but cuts a document whose body outlasts it', async () => {
    const url = await tricklingServer(4, 150);
    const sender = createHttpSender({});
    const watch = { ...options(url, 'GET'), timeoutMs: 300, timeoutCoversBody: false };
    expect(await (await sender.send(watch)).text()).toBe('0123');
    const document = { ...options(url, 'GET'), timeoutMs: 300 };
    await expect((await sender.send(document)).text()).rejects.toThrow();
    sender.close();
  });

  it("answers 504 when no head comes in time, and passes the caller's abort on as it is", async () => {
    const server = createServer(() => {}); // never answers
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const url = new URL(`http://127.0.0.1:${port}/x`);
    const sender = createHttpSender({});
    await expect(sender.send({ ...options(url, 'GET'), timeoutMs: 50 })).rejects.toMatchObject({
      status: 504,
    });
    const controller = new AbortController();
    const pending = sender.send({ ...options(url, 'GET'), signal: controller.signal });
    const reason = new Error('browser left');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    sender.close();
  });
});
