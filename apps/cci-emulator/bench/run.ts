/**
 * Emulator benchmark: 10,000 pods in one namespace, listed in pages of 500 and watched by many
 * watchers. Every figure is a ratio against baselines measured in the same run:
 * - lists: a bare node:http server over a plain array, serializing each page per request, and the
 *   same server sending pre-serialized pages (the upper bound: no work but the write);
 * - watch fan-out: the same number of callbacks and JSON encodings over a plain array;
 * - pods settling with controllers on, 3,000 against 30,000 (podSettle.ts: linear is 10x), and
 *   the clock's heap against the sorted array it replaced.
 * `npm run bench -w @cci/emulator -- settle` runs the last part alone.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { startEmulator } from '../src/emulator.ts';
import type { KubeObject } from '../src/store/types.ts';
import { compareFrameworks } from './framework.ts';
import { load, percentile } from './http-load.ts';
import { settleReport } from './podSettle.ts';

const PODS = 10_000;
const PAGE = 500;
const REQUESTS = 2_000;
const CONCURRENCY = 8;

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

async function baselineServer(
  objects: KubeObject[],
  pages: string[],
): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://x').searchParams;
    const page = Number(params.get('page') ?? '0') % pages.length;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    if (params.get('mode') === 'objects') {
      const items = objects.slice(page * PAGE, (page + 1) * PAGE);
      res.end(
        JSON.stringify({
          kind: 'PodList',
          apiVersion: 'v1',
          metadata: { resourceVersion: '1' },
          items,
        }),
      );
    } else {
      res.end(pages[page]);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

async function timed(url: (i: number) => string, headers: Record<string, string>) {
  await load(url, headers, 200, CONCURRENCY); // warm-up
  const started = performance.now();
  const lat = await load(url, headers, REQUESTS, CONCURRENCY);
  return { rps: REQUESTS / ((performance.now() - started) / 1000), lat };
}

async function main(): Promise<void> {
  const loadAverage = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(`load average ${loadAverage} on ${os.cpus().length} cores`);
  if (process.argv[2] === 'settle') {
    for (const line of await settleReport()) console.log(line);
    return;
  }
  const emulator = await startEmulator({ tls: false, eventLogCapacity: 50_000, controllers: [] });
  const headers = { Authorization: `Bearer ${emulator.issueToken()}` };
  emulator.store.put('/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'bench' },
  });
  let t = performance.now();
  for (let i = 0; i < PODS; i++) emulator.store.put('/pods', pod(i));
  const insertMs = performance.now() - t;

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
  const baseline = await baselineServer(stored, pages);

  // The emulator's continue tokens, so each request asks for one page, as a paging client does.
  const tokens: string[] = [''];
  for (;;) {
    const last = tokens.at(-1);
    const res = await fetch(
      `${emulator.url}/api/v1/namespaces/bench/pods?limit=${PAGE}${last ? `&continue=${last}` : ''}`,
      { headers },
    );
    const body = (await res.json()) as { metadata: { continue?: string } };
    if (!body.metadata.continue) break;
    tokens.push(body.metadata.continue);
  }
  const emu = await timed((i) => {
    const token = tokens[i % tokens.length];
    return `${emulator.url}/api/v1/namespaces/bench/pods?limit=${PAGE}${token ? `&continue=${token}` : ''}`;
  }, headers);
  const naive = await timed((i) => `${baseline.url}/?mode=objects&page=${i % pages.length}`, {});
  const upper = await timed(
    (i) => `${baseline.url}/?mode=preserialized&page=${i % pages.length}`,
    {},
  );

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
  t = performance.now();
  let baselineDelivered = 0;
  const callbacks = Array.from({ length: watchers }, () => () => void baselineDelivered++);
  for (let u = 0; u < updates; u++) {
    JSON.stringify(stored[u % stored.length]);
    for (const cb of callbacks) cb();
  }
  const watchBaselineMs = performance.now() - t;
  baseline.close();
  await emulator.close();

  const fmt = (n: number) => n.toFixed(1);
  const row = (name: string, r: { rps: number; lat: number[] }) =>
    `list limit=${PAGE} ${name}: ${fmt(r.rps)} req/s, p50 ${fmt(percentile(r.lat, 50))} ms, p99 ${fmt(percentile(r.lat, 99))} ms, emulator/this ${(emu.rps / r.rps).toFixed(2)}`;
  console.log(`emulator bench: ${PODS} pods in one namespace (stored in ${fmt(insertMs)} ms)`);
  console.log(row('emulator', emu));
  console.log(row('baseline: array + JSON.stringify per request', naive));
  console.log(row('baseline: pre-serialized pages (upper bound)', upper));
  console.log(`full list of ${PODS} pods through the emulator: ${fmt(fullListMs)} ms per request`);
  console.log(
    `watch fan-out: ${watchers} watchers x ${updates} updates = ${delivered} events in ${fmt(watchMs)} ms; baseline ${fmt(watchBaselineMs)} ms (${baselineDelivered}); emulator/baseline time ${(watchMs / watchBaselineMs).toFixed(2)}`,
  );
  for (const line of await compareFrameworks()) console.log(line);
  for (const line of await settleReport()) console.log(line);
}

void main();
