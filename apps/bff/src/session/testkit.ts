import { startEmulator, type Emulator } from '@cci/emulator';
import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app.ts';
import { nodeFetchHandler } from '../node/fetchHandler.ts';
import { bffWebSocketOption } from '../node/webSocketServer.ts';
import type { AppDeps } from '../deps.ts';
import { parseEnv } from '../env.ts';
import { createUpstreamClient } from '../upstream/client.ts';
import { MemorySessionStore } from './memoryStore.ts';
import type { Session } from './types.ts';

/**
 * Test support: the real BFF (createApp + serve on 127.0.0.1) in front of the real emulator
 * over TLS (its certificate trusted through CCI_CA_FILE), with two accounts, a movable clock
 * and every response and log line recorded for secret scans.
 */
export const DEMO = {
  domain: 'cci-demo',
  user: 'cci-demo',
  password: 'Demo@12345',
  ak: 'CCIDEMOACCESSKEY0001',
  sk: 'CciDemoSecretKey00000000000000000000Demo',
};
export const ALICE = { domain: 'acme', user: 'alice', password: 'Alice#Only-4-Tests' };

const hex = (n: number) => n.toString(16).padStart(32, '0');
const REGIONS = ['cn-north-4', 'cn-east-3', 'cn-east-2', 'cn-south-1', 'cn-southwest-2'];

export function twoAccountsUsersFile() {
  return {
    domains: [
      {
        name: DEMO.domain,
        id: hex(1),
        users: [{ name: DEMO.user, id: hex(2), password: DEMO.password }],
        accessKeys: [{ ak: DEMO.ak, sk: DEMO.sk, user: DEMO.user }],
      },
      {
        name: ALICE.domain,
        id: hex(3),
        users: [{ name: ALICE.user, id: hex(4), password: ALICE.password }],
        accessKeys: [],
      },
    ],
    projects: [
      ...REGIONS.map((name, i) => ({ id: hex(100 + i), name, domain: DEMO.domain })),
      { id: hex(200), name: 'cn-north-4', domain: ALICE.domain },
    ],
  };
}

export interface Recorded {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Harness {
  emulator: Emulator;
  deps: AppDeps;
  store: MemorySessionStore;
  /** The BFF's own origin, http://127.0.0.1:<port>. */
  origin: string;
  clock: { now: number };
  logs: Record<string, unknown>[];
  responses: Recorded[];
  /** Every credential and session id the BFF held, labelled, for the leak scan. */
  secrets: Map<string, string>;
  sessionIds: Set<string>;
  /** A silent server (accepts, never answers) and a closed port, for timeout and down tests. */
  silentUrl: string;
  closedUrl: string;
  send(method: string, path: string, options?: SendOptions): Promise<Recorded>;
  close(): Promise<void>;
}

export interface SendOptions {
  cookie?: string | undefined;
  json?: unknown;
  headers?: Record<string, string>;
  /** Send the console's CSRF headers (X-CCI-Console, same Origin); default true. */
  console?: boolean;
  /** A body sent as is, with no Content-Type unless `headers` names one. */
  raw?: string;
}

export async function startHarness(extraEnv: Record<string, string> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'bff-session-'));
  const usersFile = join(dir, 'users.json');
  writeFileSync(usersFile, JSON.stringify(twoAccountsUsersFile()));
  const emulator = await startEmulator({ tls: true, controllers: [], usersFile });
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, emulator.caCertificate ?? '');
  const silent = await listenSilently();
  const closedUrl = await closedPortUrl();

  const to = (region: string, cci: string, iam: string) => {
    const key = `CCI_REGION_${region.toUpperCase().replace(/-/g, '_')}`;
    return { [`${key}_CCI_ENDPOINT`]: cci, [`${key}_IAM_ENDPOINT`]: iam };
  };
  const env = parseEnv({
    ...to('cn-north-4', emulator.url, emulator.url),
    ...to('cn-east-3', emulator.url, emulator.url),
    ...to('cn-east-2', emulator.url, closedUrl), // IAM down
    ...to('cn-south-1', closedUrl, emulator.url), // CCI down
    ...to('cn-southwest-2', emulator.url, silent.url), // IAM never answers
    CCI_CA_FILE: caFile,
    UPSTREAM_TIMEOUT_MS: '1500',
    ...extraEnv,
  });
  const clock = { now: Date.now() };
  const now = () => clock.now;
  const secrets = new Map<string, string>([
    [DEMO.password, 'demo password'],
    [ALICE.password, 'alice password'],
    [DEMO.ak, 'demo AK'],
    [DEMO.sk, 'demo SK'],
  ]);
  const sessionIds = new Set<string>();
  const store = new RecordingStore({ now, idleMs: env.SESSION_IDLE_SECONDS * 1000 }, (s) => {
    sessionIds.add(s.id);
    if (s.credentials.kind === 'token') secrets.set(s.credentials.token, 'IAM token');
  });
  const upstream = createUpstreamClient({ env, onUnauthorized: (s) => store.delete(s.id) });
  const logs: Record<string, unknown>[] = [];
  const deps: AppDeps = { env, sessions: store, upstream, log: (l) => logs.push(l), now };
  const app = createApp(deps);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      {
        fetch: nodeFetchHandler(app),
        websocket: bffWebSocketOption(),
        port: 0,
        hostname: '127.0.0.1',
      },
      () => resolve(s),
    );
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const responses: Recorded[] = [];

  return {
    emulator,
    deps,
    store,
    origin,
    clock,
    logs,
    responses,
    secrets,
    sessionIds,
    silentUrl: silent.url,
    closedUrl,
    async send(method, path, options = {}) {
      const recorded = await sendHttp(origin, method, path, options);
      responses.push(recorded);
      return recorded;
    },
    async close() {
      store.close();
      upstream.close();
      await new Promise((resolve) => server.close(resolve));
      silent.server.closeAllConnections();
      await new Promise((resolve) => silent.server.close(resolve));
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

class RecordingStore extends MemorySessionStore {
  constructor(
    options: ConstructorParameters<typeof MemorySessionStore>[0],
    private readonly record: (session: Session) => void,
  ) {
    super(options);
  }

  override async set(session: Session): Promise<void> {
    this.record(session);
    return super.set(session);
  }
}

/**
 * Where any secret the harness saw (password, AK, SK, token) appears in a recorded response
 * (headers or body) or a log line, as is, URL-encoded or base64; session ids in log lines too.
 * `allow` exempts a designed exposure (the AK in a kubeconfig, A4).
 */
export function findLeaks(
  h: Harness,
  allow: (secret: string, where: Recorded) => boolean = () => false,
): string[] {
  const leaks: string[] = [];
  const forms = (secret: string) => [
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64'),
  ];
  for (const [secret, label] of h.secrets) {
    for (const r of h.responses) {
      const text = `${JSON.stringify(r.headers)}\n${r.body}`;
      if (forms(secret).some((f) => text.includes(f)) && !allow(secret, r)) {
        leaks.push(`${label} in the answer to ${r.method} ${r.path}`);
      }
    }
  }
  const logText = h.logs.map((l) => JSON.stringify(l));
  for (const [secret, label] of [
    ...h.secrets,
    ...[...h.sessionIds].map((id) => [id, 'session id'] as const),
  ]) {
    logText.forEach((line, i) => {
      if (forms(secret).some((f) => line.includes(f))) leaks.push(`${label} in log line ${i}`);
    });
  }
  return leaks;
}

function sendHttp(origin: string, method: string, path: string, o: SendOptions): Promise<Recorded> {
  const body = o.raw ?? (o.json === undefined ? undefined : JSON.stringify(o.json));
  const headers: Record<string, string> = {
    ...(o.console === false ? {} : { 'X-CCI-Console': '1', Origin: origin }),
    ...(o.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}),
    ...(o.cookie ? { Cookie: o.cookie } : {}),
    ...o.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          method,
          path,
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Signs in with a password (the demo account by default) and returns the session cookie. */
export async function signInCookie(
  h: Pick<Harness, 'send'>,
  who: { domain: string; user?: string; password: string } = DEMO,
): Promise<string> {
  const res = await h.send('POST', '/api/session', {
    json: {
      region: 'cn-north-4',
      method: 'password',
      domainName: who.domain,
      ...(who.user ? { userName: who.user } : {}),
      password: who.password,
    },
  });
  const cookie = cookieFrom(res);
  if (res.status !== 201 || !cookie) throw new Error(`sign-in failed: HTTP ${res.status}`);
  return cookie;
}

/** `name=value` of the session cookie a response sets, for the next request's Cookie header. */
export function cookieFrom(res: Recorded): string | undefined {
  const setCookie = res.headers['set-cookie'] ?? [];
  const first = (Array.isArray(setCookie) ? setCookie : [setCookie])[0];
  return first?.split(';')[0];
}

async function listenSilently(): Promise<{ server: Server; url: string }> {
  const server = createServer(() => {
    // never answers
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
