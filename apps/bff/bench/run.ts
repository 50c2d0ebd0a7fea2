/**
 * BFF bench; every figure is against a baseline measured in the same run, rounds alternating
 * so drift hits all alike:
 * - GET of 100 pods in a namespace: directly from the emulator, through a bare node:http pipe
 *   proxy (the floor for a proxy in Node), and through the BFF (session cookie, allow-list,
 *   every middleware): throughput ratio BFF/direct (target >= 0.8) and the latency it adds;
 * - a trivial route: BFF /healthz vs a bare node:http server;
 * - then the metrics scrape bench (metricsScrape.ts): 500 pods, BFF vs emulator CPU and memory.
 * Load generator, emulator and BFF are separate processes, as on separate machines; the CPU
 * time each spends per request is printed too, since on a small shared host they compete for
 * the same cores and throughput alone says little about where the time goes.
 */
import type { ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { load, percentile } from './load.ts';
import { runMetricsScrapeBench } from './metricsScrape.ts';
import { cpuMs, ownCpuMs, signIn, start } from './processes.ts';

const PODS = 100;
const REQUESTS = 3_000;
const CONCURRENCY = 16;
const ROUNDS = 3;
const TARGET = 0.8;

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  requests: number;
}

interface Measured {
  rps: number;
  latencies: number[];
  /** CPU ms per request, per child process. */
  cpu: number[];
}

async function measure(targets: Target[], children: ChildProcess[]): Promise<Measured[]> {
  for (const t of targets) await load(t.url, t.headers, t.requests / 3, CONCURRENCY); // warm-up
  const totals = targets.map(() => ({
    seconds: 0,
    latencies: [] as number[],
    cpu: [...children, 'self'].map(() => 0),
  }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, t] of targets.entries()) {
      const before = [...(await Promise.all(children.map(cpuMs))), ownCpuMs()];
      const r = await load(t.url, t.headers, t.requests, CONCURRENCY);
      const after = [...(await Promise.all(children.map(cpuMs))), ownCpuMs()];
      const total = totals[i] as (typeof totals)[number];
      total.seconds += r.seconds;
      total.latencies.push(...r.latencies);
      total.cpu = total.cpu.map((c, k) => c + ((after[k] as number) - (before[k] as number)));
    }
  }
  return totals.map((t) => ({
    rps: t.latencies.length / t.seconds,
    latencies: t.latencies,
    cpu: t.cpu.map((c) => c / t.latencies.length),
  }));
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const p = (m: Measured, q: number) => percentile(m.latencies, q);

function row(name: string, m: Measured, cpuNames: string[]): string {
  const cpu = cpuNames
    .map((n, i) => `${n} ${fmt(m.cpu[i] as number, 3)}`)
    .filter((_, i) => (m.cpu[i] as number) > 0.01)
    .join(', ');
  return `  ${name.padEnd(28)} ${fmt(m.rps).padStart(7)} req/s  p50 ${fmt(p(m, 50))} ms  p99 ${fmt(p(m, 99))} ms  CPU ms/request: ${cpu}`;
}

async function main(): Promise<void> {
  const emulator = await start<{ url: string; token: string }>('./emulatorProcess.ts', {
    BENCH_PODS: String(PODS),
  });
  const bff = await start<{ bff: string; pipe: string; bare: string }>('./bffProcess.ts', {
    BENCH_UPSTREAM: emulator.info.url,
    BENCH_TOKEN: emulator.info.token,
  });
  try {
    const cookie = await signIn(bff.info.bff);
    const path = '/api/v1/namespaces/bench/pods';
    const probe = await fetch(`${bff.info.bff}/api/cci${path}`, { headers: { Cookie: cookie } });
    const body = await probe.text();
    const items = (JSON.parse(body) as { items: unknown[] }).items.length;
    if (items !== PODS) throw new Error(`the BFF listed ${items} pods, expected ${PODS}`);

    const children = [emulator.process, bff.process];
    const names = ['emulator', 'bff process', 'load generator'];
    const [direct, pipe, proxied] = (await measure(
      [
        {
          name: 'direct',
          url: `${emulator.info.url}${path}`,
          headers: { 'X-Auth-Token': emulator.info.token },
          requests: REQUESTS,
        },
        { name: 'pipe', url: `${bff.info.pipe}/api/cci${path}`, headers: {}, requests: REQUESTS },
        {
          name: 'bff',
          url: `${bff.info.bff}/api/cci${path}`,
          headers: { Cookie: cookie },
          requests: REQUESTS,
        },
      ],
      children,
    )) as [Measured, Measured, Measured];
    const [bare, healthz] = (await measure(
      [
        { name: 'bare', url: `${bff.info.bare}/`, headers: {}, requests: REQUESTS * 3 },
        { name: 'healthz', url: `${bff.info.bff}/healthz`, headers: {}, requests: REQUESTS * 3 },
      ],
      children,
    )) as [Measured, Measured];

    const ratio = proxied.rps / direct.rps;
    const [l1] = loadavg();
    console.log(
      `BFF bench on ${availableParallelism()} CPUs (load average ${fmt(l1 ?? 0)}): GET ${PODS} pods (${fmt(body.length / 1024)} KiB), ${ROUNDS} x ${REQUESTS} requests per target, concurrency ${CONCURRENCY}`,
    );
    console.log(row('direct from the emulator', direct, names));
    console.log(row('bare node:http pipe proxy', pipe, names));
    console.log(row('BFF proxy', proxied, names));
    console.log(
      `  BFF/direct throughput ${fmt(ratio, 2)} (target >= ${TARGET}: ${ratio >= TARGET ? 'met' : 'NOT met'}); added latency p50 ${fmt(p(proxied, 50) - p(direct, 50))} ms, p99 ${fmt(p(proxied, 99) - p(direct, 99))} ms`,
    );
    // With a core per process (browser, BFF and CCI on separate machines) throughput is set by
    // the busiest process; on this host all three share the same cores.
    const busiest = (m: Measured) => Math.max(...m.cpu);
    console.log(
      `  projected with a core per process: BFF/direct ${fmt(Math.min(1, busiest(direct) / busiest(proxied)), 2)}, pipe/direct ${fmt(Math.min(1, busiest(direct) / busiest(pipe)), 2)} (busiest process's CPU per request)`,
    );
    console.log(
      `  BFF/pipe-proxy throughput ${fmt(proxied.rps / pipe.rps, 2)}, bff-process CPU per request ${fmt((proxied.cpu[1] as number) / (pipe.cpu[1] as number), 2)}x the pipe proxy's`,
    );
    console.log(`Trivial route, ${ROUNDS} x ${REQUESTS * 3} requests per target`);
    console.log(row('bare node:http', bare, names));
    console.log(row('BFF /healthz (all middleware)', healthz, names));
    console.log(`  BFF/bare throughput ${fmt(healthz.rps / bare.rps, 2)}`);
  } finally {
    // A clean exit (not a kill) lets `node --cpu-prof` children write their profiles.
    bff.process.send('exit');
    emulator.process.send('exit');
  }
}

await main();
// `npm run bench -w @cci/bff -- --proxy-only` skips the metrics scrape bench (about two minutes).
if (!process.argv.includes('--proxy-only')) await runMetricsScrapeBench();
