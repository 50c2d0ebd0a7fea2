import { startEmulator, type Emulator } from '@cci/emulator';
import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app.ts';
import type { AppDeps } from '../deps.ts';
import { parseEnv } from '../env.ts';
import { nodeFetchHandler } from '../node/fetchHandler.ts';
import { MemorySessionStore } from '../session/memoryStore.ts';
import {
  ALICE,
  cookieFrom,
  DEMO,
  twoAccountsUsersFile,
  type Recorded,
  type SendOptions,
} from '../session/testkit.ts';
import { createUpstreamClient } from '../upstream/client.ts';
import { startProjectGate } from './projectGate.testkit.ts';

/**
 * The real BFF in front of the real emulator (TLS, its CA trusted through CCI_CA_FILE, the
 * per-pod exporters behind the pod proxy). With clock 'manual' the BFF reads the emulator's
 * clock, so one advance() moves exporter counters and scrape schedule together.
 */
export interface MetricsHarness {
  emulator: Emulator;
  /** The CCI endpoint the BFF uses (the project gate, when there is one). */
  cciEndpoint: string;
  origin: string;
  caFile: string;
  logs: Record<string, unknown>[];
  send(method: string, path: string, options?: SendOptions): Promise<Recorded>;
  signIn(who?: 'demo' | 'alice'): Promise<string>;
  /** As the demo user, straight to the emulator (test setup only). */
  kube(method: string, path: string, body?: unknown, contentType?: string): Promise<Response>;
  createRunningPod(ns: string, name: string, annotations?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export interface MetricsHarnessOptions {
  clock?: 'manual' | 'real';
  /** Namespace → owning account: CCI's per-project isolation in front of the emulator. */
  namespaceOwners?: Map<string, string>;
  env?: Record<string, string>;
}

export async function startMetricsHarness(o: MetricsHarnessOptions = {}): Promise<MetricsHarness> {
  const clock = o.clock ?? 'manual';
  const dir = mkdtempSync(join(tmpdir(), 'bff-metrics-'));
  const usersFile = join(dir, 'users.json');
  writeFileSync(usersFile, JSON.stringify(twoAccountsUsersFile()));
  const emulator = await startEmulator({ tls: true, clock, controllers: [], usersFile });
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, emulator.caCertificate ?? '');
  const gate = o.namespaceOwners ? await startProjectGate(emulator, o.namespaceOwners) : undefined;
  const env = parseEnv({
    CCI_REGION_CN_NORTH_4_CCI_ENDPOINT: gate?.url ?? emulator.url,
    CCI_REGION_CN_NORTH_4_IAM_ENDPOINT: emulator.url,
    CCI_CA_FILE: caFile,
    UPSTREAM_TIMEOUT_MS: '5000',
    ...o.env,
  });
  const now = () => emulator.clock.nowMs();
  const store = new MemorySessionStore({ now, idleMs: env.SESSION_IDLE_SECONDS * 1000 });
  const upstream = createUpstreamClient({ env, onUnauthorized: (s) => store.delete(s.id) });
  const logs: Record<string, unknown>[] = [];
  const shutdown = new AbortController();
  const deps: AppDeps = {
    env,
    sessions: store,
    upstream,
    log: (l) => logs.push(l),
    now,
    shutdown: shutdown.signal,
  };
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      { fetch: nodeFetchHandler(createApp(deps)), port: 0, hostname: '127.0.0.1' },
      () => resolve(s),
    );
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = emulator.issueToken();

  async function send(method: string, path: string, o: SendOptions = {}): Promise<Recorded> {
    const body = o.json === undefined ? undefined : JSON.stringify(o.json);
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: {
        ...(o.console === false ? {} : { 'X-CCI-Console': '1', Origin: origin }),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(o.cookie ? { Cookie: o.cookie } : {}),
        ...o.headers,
      },
      ...(body !== undefined ? { body } : {}),
    });
    const headers: Record<string, string | string[]> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    const setCookie = res.headers.getSetCookie();
    if (setCookie.length > 0) headers['set-cookie'] = setCookie;
    return { method, path, status: res.status, headers, body: await res.text() };
  }

  /** node:https, not fetch: the emulator's self-signed CA must be trusted for this call. */
  const kube = (method: string, path: string, body?: unknown, contentType = 'application/json') =>
    new Promise<Response>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = httpsRequest(
        `${emulator.url}${path}`,
        {
          method,
          ca: emulator.caCertificate,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0 })),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  return {
    emulator,
    cciEndpoint: gate?.url ?? emulator.url,
    origin,
    caFile,
    logs,
    send,
    async signIn(who = 'demo') {
      const account = who === 'demo' ? DEMO : ALICE;
      const res = await send('POST', '/api/session', {
        json: {
          region: 'cn-north-4',
          method: 'password',
          domainName: account.domain,
          userName: account.user,
          password: account.password,
        },
      });
      const cookie = cookieFrom(res);
      if (res.status !== 201 || !cookie) throw new Error(`sign-in: ${res.status} ${res.body}`);
      return cookie;
    },
    kube,
    async createRunningPod(ns, name, annotations = {}) {
      const created = await kube('POST', `/api/v1/namespaces/${ns}/pods`, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, annotations },
        spec: {
          containers: [
            {
              name: 'container-0',
              image: 'nginx:alpine',
              resources: {
                limits: { cpu: '1000m', memory: '2048Mi' },
                requests: { cpu: '1000m', memory: '2048Mi' },
              },
            },
          ],
        },
      });
      if (created.status !== 201) throw new Error(`create pod: ${await created.text()}`);
      // No controllers run: write the status a running pod has, as the lifecycle controller would.
      const startedAt = emulator.clock.now().toISOString();
      const patched = await kube(
        'PATCH',
        `/api/v1/namespaces/${ns}/pods/${name}/status`,
        {
          status: {
            phase: 'Running',
            podIP: '192.168.0.21',
            startTime: startedAt,
            containerStatuses: [
              {
                name: 'container-0',
                ready: true,
                restartCount: 0,
                state: { running: { startedAt } },
              },
            ],
          },
        },
        'application/merge-patch+json',
      );
      if (patched.status !== 200) throw new Error(`mark running: ${await patched.text()}`);
    },
    async close() {
      shutdown.abort(); // ends the metrics rounds: nothing ticks once the servers are gone
      store.close();
      upstream.close();
      await new Promise((resolve) => server.close(resolve));
      await gate?.close();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const namespaceManifest = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name,
    labels: { sys_enterprise_project_id: '0' },
    annotations: { 'namespace.kubernetes.io/flavor': 'general-computing' },
  },
  spec: { finalizers: ['kubernetes'] },
});
