import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import type { IncomingMessage, Server } from 'node:http';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '@cci/hwcloud-auth';
import { authenticate } from './authenticate.ts';
import { createUserDirectory } from './directory.ts';
import { handleIamTokenRequest } from './iam.ts';
import { createTokenService } from './tokens.ts';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, defaultDemoUsers } from './users.ts';

// Real HTTP over loopback: what node:http hands the server (lowercased, trimmed headers, the
// wire path) must still verify, for the official SDK signer and for ours.

const users = defaultDemoUsers('cn-north-4');
const deps = {
  directory: createUserDirectory(users),
  tokens: createTokenService({ secret: Buffer.alloc(32, 9) }),
};
let server: Server;
let port = 0;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const path = q < 0 ? url : url.slice(0, q);
      if (path === '/v3/auth/tokens') {
        const iam = handleIamTokenRequest(body, deps);
        res.writeHead(iam.status, iam.headers).end(JSON.stringify(iam.body));
        return;
      }
      const rawQuery = q < 0 ? '' : url.slice(q + 1);
      const result = authenticate(
        { method: req.method ?? 'GET', path, rawQuery, headers: req.headers, body },
        deps,
      );
      res.writeHead(result.ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; headers: IncomingMessage['headers']; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      void readBody(res).then((data) =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          json: JSON.parse(data.toString('utf8')),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('authentication over loopback HTTP', () => {
  it('verifies a request signed by the official SDK signer', async () => {
    const data = { kind: 'Namespace', metadata: { name: 'demo' } };
    const signed = AKSKSigner.sign(
      {
        endpoint: `http://127.0.0.1:${port}/api/v1/namespaces`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        queryParams: { fieldManager: 'kubectl' },
        data,
      },
      new BasicCredentials().withAk(DEMO_ACCESS_KEY).withSk(DEMO_SECRET_KEY),
    ) as Record<string, string>;
    const res = await send(
      'POST',
      '/api/v1/namespaces?fieldManager=kubectl',
      signed,
      JSON.stringify(data),
    );
    expect(res.json).toMatchObject({ ok: true, identity: { method: 'aksk' } });
  });

  it('verifies a request signed by signRequest', async () => {
    const headers = { host: `127.0.0.1:${port}`, 'x-project-id': users.projects[1]!.id };
    const path = '/api/v1/namespaces/demo/pods';
    const added = signRequest(
      { method: 'GET', path, rawQuery: 'limit=10', headers },
      { ak: DEMO_ACCESS_KEY, sk: DEMO_SECRET_KEY },
    );
    const res = await send('GET', `${path}?limit=10`, { ...headers, ...added });
    expect(res.json).toMatchObject({
      ok: true,
      identity: { projectName: users.projects[1]!.name },
    });
  });

  it('A2 logs in at IAM and uses the token as kubectl does', async () => {
    const login = await send(
      'POST',
      '/v3/auth/tokens?nocatalog=true',
      { 'content-type': 'application/json;charset=utf8' },
      JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: { name: 'cci-demo', password: 'Demo@12345', domain: { name: 'cci-demo' } },
            },
          },
          scope: { project: { name: 'cn-south-1' } },
        },
      }),
    );
    expect(login.status).toBe(201);
    const token = String(login.headers['x-subject-token']);
    const res = await send('GET', '/api/v1/namespaces', { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ identity: { projectName: 'cn-south-1' } });
    const anonymous = await send('GET', '/api/v1/namespaces', {});
    expect(anonymous.status).toBe(401);
  });
});
