/**
 * Emulator benchmark: 10,000 pods in one namespace. Lists in pages of 500 and a watch fan-out,
 * each reported as a ratio against a baseline measured in the same run: the same pages served by
 * a bare node:http server from a plain in-memory array of pre-serialized JSON.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../src/emulator.ts';
import type { KubeObject } from '../src/store/types.ts';
import { load, percentile } from './http-load.ts';

const PODS = 10_000;
const PAGE = 500;

function pod(i: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `web-${String(i).padStart(5, '0')}`,
      namespace: 'bench',
      labels: { app: 'web', shard: String(i % 10) },
    },
    spec: {
      containers: [
        {
          name: 'c',
          image: 'nginx:alpine',
          resources: {
            limits: { cpu: '500m', memory: '1Gi' },
            requests: { cpu: '500m', memory: '1Gi' },
          },
        },
      ],
    },
    status: { phase: 'Running', podIP: `192.168.${Math.floor(i / 250)}.${i % 250}` },
  };
}

async function baselineServer(pages: string[]): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? '0');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(pages[page % pages.length]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ eventLogCapacity: 50_000 });
  const token = emulator.issueToken();
  const headers = { Authorization: `Bearer ${token}` };
  const ns = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'bench', uid: 'x', creationTimestamp: new Date().toISOString() },
  };
  emulator.store.put('/namespaces', ns);
  const t0 = performance.now();
  const pods = Array.from({ length: PODS }, (_, i) => pod(i));
  for (const p of pods) emulator.store.put('/pods', p);
  const insertMs = performance.now() - t0;

  // Baseline pages: the same objects, serialized once, served from an array.
  const stored = emulator.store.list('/pods', 'bench');
  const pages: string[] = [];
  for (let i = 0; i < stored.length; i += PAGE) {
    pages.push(
      JSON.stringify({
        kind: 'PodList',
        apiVersion: 'v1',
        metadata: { resourceVersion: '1' },
        items: stored.slice(i, i + PAGE),
      }),
    );
  }
  const baseline = await baselineServer(pages);

  // The emulator's continue tokens, collected once, so each request is one independent page.
  const tokens: string[] = [''];
  for (;;) {
    const res = await fetch(
      `${emulator.url}/api/v1/namespaces/bench/pods?limit=${PAGE}${tokens.at(-1) ? `&continue=${tokens.at(-1)}` : ''}`,
      { headers },
    );
    const body = (await res.json()) as { metadata: { continue?: string } };
    if (!body.metadata.continue) break;
    tokens.push(body.metadata.continue);
  }

  const requests = 400;
  const concurrency = 8;
  let t = performance.now();
  const emuLat: number[] = [];
  for (const token2 of tokens) {
    const lat = await load(
      `${emulator.url}/api/v1/namespaces/bench/pods?limit=${PAGE}${token2 ? `&continue=${token2}` : ''}`,
      headers,
      requests / tokens.length,
      concurrency,
    );
    emuLat.push(...lat);
  }
  const emuSecs = (performance.now() - t) / 1000;
  t = performance.now();
  const baseLat: number[] = [];
  for (let p = 0; p < tokens.length; p++)
    baseLat.push(
      ...(await load(`${baseline.url}/?page=${p}`, {}, requests / tokens.length, concurrency)),
    );
  const baseSecs = (performance.now() - t) / 1000;

  // Full list (no limit) and a watch fan-out: 50 watchers, 1,000 pod updates.
  t = performance.now();
  await load(`${emulator.url}/api/v1/namespaces/bench/pods`, headers, 10, 2);
  const fullListMs = (performance.now() - t) / 10;

  const watchers = 50;
  const updates = 1_000;
  let delivered = 0;
  const subs = Array.from({ length: watchers }, () =>
    emulator.store.watch(
      {
        storageKey: '/pods',
        namespace: 'bench',
        matches: () => true,
        send: () => void delivered++,
      },
      undefined,
    ),
  );
  t = performance.now();
  for (let u = 0; u < updates; u++) {
    const p = stored[u % stored.length] as KubeObject;
    emulator.store.put('/pods', {
      ...p,
      metadata: { ...p.metadata, labels: { ...p.metadata.labels, rev: String(u) } },
    });
  }
  const watchMs = performance.now() - t;
  for (const s of subs) if (s !== 'gone') s.cancel();
  // Baseline for the fan-out: the same number of callbacks over a plain array, with the same
  // per-event JSON encoding the store does.
  t = performance.now();
  let baselineDelivered = 0;
  const callbacks = Array.from({ length: watchers }, () => () => void baselineDelivered++);
  for (let u = 0; u < updates; u++) {
    JSON.stringify(stored[u % stored.length]);
    for (const cb of callbacks) cb();
  }
  const watchBaselineMs = performance.now() - t;

  const fmt = (n: number) => n.toFixed(1);
  console.log(`emulator bench: ${PODS} pods in one namespace (insert ${fmt(insertMs)} ms)`);
  console.log(
    `list limit=${PAGE}: emulator ${fmt(requests / emuSecs)} req/s p50 ${fmt(percentile(emuLat, 50))} ms p99 ${fmt(percentile(emuLat, 99))} ms`,
  );
  console.log(
    `list limit=${PAGE}: baseline ${fmt(requests / baseSecs)} req/s p50 ${fmt(percentile(baseLat, 50))} ms p99 ${fmt(percentile(baseLat, 99))} ms`,
  );
  console.log(`list throughput ratio (emulator/baseline): ${(baseSecs / emuSecs).toFixed(2)}`);
  console.log(`full list of ${PODS} pods: ${fmt(fullListMs)} ms`);
  console.log(
    `watch fan-out: ${watchers} watchers x ${updates} updates = ${delivered} events in ${fmt(watchMs)} ms; baseline ${fmt(watchBaselineMs)} ms; ratio ${(watchBaselineMs / watchMs).toFixed(2)}`,
  );
  baseline.close();
  await emulator.close();
}

void main();
