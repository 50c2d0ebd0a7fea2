import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../session/types.ts';
import { directTransport, scrapeText } from './transport.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const session = {} as Session; // the direct transport sends no credentials

describe('direct scrape transport', () => {
  it('M3: scrapes /metrics over one kept-alive connection per exporter, without credentials', async () => {
    const sockets = new Set<Socket>();
    const headers: string[] = [];
    const exporter = createServer((req, res) => {
      sockets.add(req.socket);
      headers.push(Object.keys(req.headers).sort().join(','));
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`# ${req.url}\nup 1\n`);
    });
    servers.push(exporter);
    await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
    const { port } = exporter.address() as AddressInfo;
    const target = { namespace: 'ns', pod: 'web-0', podIP: '127.0.0.1', port, tls: false };
    const transport = directTransport({});
    const limits = { timeoutMs: 5_000, maxBodyBytes: 1024 };
    for (let i = 0; i < 5; i++) {
      expect(await scrapeText(transport, session, target, limits)).toBe('# /metrics\nup 1\n');
    }
    expect(sockets.size).toBe(1);
    expect(headers[0]).not.toMatch(/authorization|x-auth-token|cookie/);
  });
});
