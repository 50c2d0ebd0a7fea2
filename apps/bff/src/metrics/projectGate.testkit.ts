import type { Emulator } from '@cci/emulator';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * The emulator lets every signed-in account read every namespace; CCI does not (namespaces
 * belong to a project). This loopback gate in front of the emulator adds just that for tests:
 * a request under /namespaces/<ns>/ by a token of another account than the namespace's owner
 * gets CCI's 403. Everything else is forwarded unchanged.
 */
export async function startProjectGate(
  emulator: Emulator,
  owners: Map<string, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => void gate(emulator, owners, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function gate(
  emulator: Emulator,
  owners: Map<string, string>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const namespace = /^\/api\/v1\/namespaces\/([^/?]+)\//.exec(req.url ?? '')?.[1];
  const owner = namespace === undefined ? undefined : owners.get(namespace);
  const token = req.headers['x-auth-token'];
  const identity = typeof token === 'string' ? emulator.tokens.verify(token) : undefined;
  const domain = identity && 'domainName' in identity ? identity.domainName : undefined;
  if (owner !== undefined && domain !== owner) {
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `namespaces "${namespace}" is forbidden`,
        reason: 'Forbidden',
        code: 403,
      }),
    );
    return;
  }
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const upstream = httpsRequest(`${emulator.url}${req.url ?? '/'}`, {
    method: req.method,
    headers: { ...req.headers, host: new URL(emulator.url).host },
    ca: emulator.caCertificate,
  });
  upstream.on('response', (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    res.writeHead(502);
    res.end();
  });
  upstream.end(Buffer.concat(chunks));
}
