/**
 * BFF bench; every figure is against peers measured in the same run, rounds alternating so
 * drift hits all alike. The emulator serves TLS and the BFF trusts its CA through CCI_CA_FILE,
 * as a deployment (and `npm start`) does.
 * - GET pods of a namespace (100 and 3,000 pods; concurrency 1 and 16; a client that accepts
 *   no encoding and one that accepts gzip and br as browsers do), from four places: directly
 *   from the emulator, a bare node:http pipe proxy (the floor for a proxy in Node), `kubectl
 *   proxy` (the peer: target BFF/kubectl-proxy >= 1.0, 0.8 on a loaded host) and the BFF
 *   (session cookie, allow-list, every middleware). Whether each answer came compressed is
 *   printed with it: compare like with like.
 * - a trivial route: BFF /healthz vs a bare node:http server;
 * - the upstream client alone: the BFF's sender vs node:https.request (upstreamClient.ts);
 * - the secret check of relayed bodies alone: with vs without (secretGuard.ts);
 * - the Redis clients node-redis vs ioredis on one redis-server (redisClient.ts);
 * - then the metrics scrape bench (metricsScrape.ts): 500 pods, BFF vs emulator CPU and memory.
 * Load generator, emulator, kubectl and BFF are separate processes, as on separate machines; the
 * CPU time each spends per request is printed too, since on a small shared host they compete for
 * the same cores and throughput alone says little about where the time goes.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createSecureContext } from 'node:tls';
import { startKubectlProxy } from './kubectlProxy.ts';
import { load, percentile } from './load.ts';
import { runMetricsScrapeBench } from './metricsScrape.ts';
import { runRedisClientBench } from './redisClient.ts';
import { runSecretGuardBench } from './secretGuard.ts';
import { runUpstreamClientBench } from './upstreamClient.ts';
import { cpuMs, ownCpuMs, signIn, start, type EmulatorInfo } from './processes.ts';

const SIZES = [100, 3_000];
/** BENCH_ONLY=100,16,gzip (or any of them): run only the matching scenarios (for profiling). */
const only = (process.env['BENCH_ONLY'] ?? '').split(',').filter(Boolean);
const selected = (...facets: string[]) => only.every((o) => facets.includes(o));
/** BENCH_TARGETS=bff (or direct,pipe,kubectl,bff): load only these; ratios need all four. */
const loaded = (process.env['BENCH_TARGETS'] ?? 'direct,pipe,kubectl,bff').split(',');
/** Requests per target per round: about the same bytes for both sizes. */
const requestsFor = (pods: number) => (pods <= 100 ? 480 : 48);
const ROUNDS = 3;
const TARGET = 1.0;
const BROWSER_ENCODINGS = 'gzip, deflate, br';

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

interface Measured {
  rps: number;
  latencies: number[];
  /** CPU ms per request, per process (emulator, bff, kubectl, load generator). */
  cpu: number[];
  encodedShare: number;
  kibPerAnswer: number;
}

type CpuProbe = () => Promise<number>;

async function measure(
  targets: Target[],
  probes: CpuProbe[],
  requests: number,
  concurrency: number,
  secureContext: ReturnType<typeof createSecureContext>,
): Promise<Measured[]> {
  const skip = (t: Target) =>
    process.env['BENCH_TARGETS'] !== undefined && !loaded.some((name) => t.name.startsWith(name));
  const run = async (t: Target, n: number) =>
    skip(t)
      ? { latencies: [], seconds: 0, encoded: 0, bytes: 0 }
      : load(t.url, t.headers, n, concurrency, secureContext);
  for (const t of targets) await run(t, Math.max(concurrency, requests / 4)); // warm-up
  const totals = targets.map(() => ({
    seconds: 0,
    latencies: [] as number[],
    cpu: [...probes, ownCpuMs].map(() => 0),
    encoded: 0,
    bytes: 0,
  }));
  const cpuNow = async () => [...(await Promise.all(probes.map((p) => p()))), ownCpuMs()];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, t] of targets.entries()) {
      const before = await cpuNow();
      const r = await run(t, requests);
      const after = await cpuNow();
      const total = totals[i] as (typeof totals)[number];
      total.seconds += r.seconds;
      total.latencies.push(...r.latencies);
      total.encoded += r.encoded;
      total.bytes += r.bytes;
      total.cpu = total.cpu.map((c, k) => c + ((after[k] as number) - (before[k] as number)));
    }
  }
  return totals.map((t) => ({
    rps: t.latencies.length / t.seconds,
    latencies: t.latencies,
    cpu: t.cpu.map((c) => c / t.latencies.length),
    encodedShare: t.encoded / t.latencies.length,
    kibPerAnswer: t.bytes / t.latencies.length / 1024,
  }));
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const p = (m: Measured, q: number) => percentile(m.latencies, q);
const CPU_NAMES = ['emulator', 'bff process', 'kubectl', 'load generator'];

function row(name: string, m: Measured): string {
  const cpu = CPU_NAMES.map((n, i) => `${n} ${fmt(m.cpu[i] as number, 2)}`)
    .filter((_, i) => (m.cpu[i] as number) > 0.005)
    .join(', ');
  const encoded = m.encodedShare > 0 ? `compressed ${fmt(m.encodedShare * 100, 0)} %` : 'identity';
  return `    ${name.padEnd(14)} ${fmt(m.rps).padStart(7)} req/s  p50 ${fmt(p(m, 50)).padStart(5)} ms  p99 ${fmt(p(m, 99)).padStart(5)} ms  ${encoded} (${fmt(m.kibPerAnswer, 0)} KiB)  CPU ms/req: ${cpu}`;
}

async function main(): Promise<void> {
  const emulator = await start<EmulatorInfo>('./emulatorProcess.ts', {
    BENCH_PODS: String(SIZES[0]),
    BENCH_PODS_LARGE: String(SIZES[1]),
  });
  const bff = await start<{ bff: string; pipe: string; bare: string }>('./bffProcess.ts', {
    BENCH_UPSTREAM: emulator.info.url,
    BENCH_TOKEN: emulator.info.token,
    BENCH_CA_FILE: emulator.info.caFile,
  });
  const kubectl = await startKubectlProxy(emulator.info.kubeconfig);
  const secureContext = createSecureContext({ ca: readFileSync(emulator.info.caFile, 'utf8') });
  try {
    const cookie = await signIn(bff.info.bff);
    const probes: CpuProbe[] = [
      () => cpuMs(emulator.process),
      () => cpuMs(bff.process),
      kubectl.cpuMs,
    ];
    const [l1] = loadavg();
    console.log(
      `BFF proxy bench on ${availableParallelism()} CPUs (load average ${fmt(l1 ?? 0)}), ${ROUNDS} rounds per target; the BFF trusts the emulator's CA through CCI_CA_FILE`,
    );
    for (const [pods, namespace] of [
      [SIZES[0], 'bench'],
      [SIZES[1], 'bench-large'],
    ] as const) {
      const path = `/api/v1/namespaces/${namespace}/pods`;
      const probe = await fetch(`${bff.info.bff}/api/cci${path}`, { headers: { Cookie: cookie } });
      const items = ((await probe.json()) as { items: unknown[] }).items.length;
      if (items !== pods) throw new Error(`the BFF listed ${items} pods, expected ${pods}`);
      for (const accept of [undefined, BROWSER_ENCODINGS]) {
        const enc: Record<string, string> = accept ? { 'Accept-Encoding': accept } : {};
        for (const concurrency of [1, 16]) {
          if (!selected(String(pods), String(concurrency), accept ? 'gzip' : 'identity')) continue;
          const requests = requestsFor(pods);
          const [direct, pipe, kubectlProxy, proxied] = (await measure(
            [
              {
                name: 'direct',
                url: `${emulator.info.url}${path}`,
                headers: { 'X-Auth-Token': emulator.info.token, ...enc },
              },
              { name: 'pipe', url: `${bff.info.pipe}/api/cci${path}`, headers: enc },
              { name: 'kubectl proxy', url: `${kubectl.url}${path}`, headers: enc },
              {
                name: 'bff',
                url: `${bff.info.bff}/api/cci${path}`,
                headers: { Cookie: cookie, ...enc },
              },
            ],
            probes,
            requests,
            concurrency,
            secureContext,
          )) as [Measured, Measured, Measured, Measured];
          const [now] = loadavg();
          console.log(
            `  GET ${pods} pods, concurrency ${concurrency}, Accept-Encoding: ${accept ?? '(none)'}, ${ROUNDS} x ${requests} requests (load average ${fmt(now ?? 0)})`,
          );
          console.log(row('direct', direct));
          console.log(row('pipe proxy', pipe));
          console.log(row('kubectl proxy', kubectlProxy));
          console.log(row('BFF', proxied));
          const ratio = proxied.rps / kubectlProxy.rps;
          console.log(
            `    BFF/kubectl-proxy throughput ${fmt(ratio, 2)} (target >= ${fmt(TARGET)}: ${ratio >= TARGET ? 'met' : 'NOT met'}), BFF/direct ${fmt(proxied.rps / direct.rps, 2)}, BFF/pipe ${fmt(proxied.rps / pipe.rps, 2)}; proxy CPU per request BFF ${fmt(proxied.cpu[1] as number, 2)} ms vs kubectl ${fmt(kubectlProxy.cpu[2] as number, 2)} ms vs pipe ${fmt(pipe.cpu[1] as number, 2)} ms`,
          );
        }
      }
    }
    if (only.length > 0 || process.env['BENCH_TARGETS']) return; // a profiling run
    const healthProbes: CpuProbe[] = [
      () => cpuMs(emulator.process),
      () => cpuMs(bff.process),
      () => Promise.resolve(0),
    ];
    const [bare, healthz] = (await measure(
      [
        { name: 'bare', url: `${bff.info.bare}/`, headers: {} },
        { name: 'healthz', url: `${bff.info.bff}/healthz`, headers: {} },
      ],
      healthProbes,
      6_000,
      16,
      secureContext,
    )) as [Measured, Measured];
    console.log(`Trivial route, ${ROUNDS} x 6000 requests per target, concurrency 16`);
    console.log(row('bare node:http', bare));
    console.log(row('BFF /healthz', healthz));
    console.log(`    BFF/bare throughput ${fmt(healthz.rps / bare.rps, 2)}`);
    await runUpstreamClientBench(emulator.info, readFileSync(emulator.info.caFile, 'utf8'));
    await runSecretGuardBench();
    await runRedisClientBench();
  } finally {
    // A clean exit (not a kill) lets `node --cpu-prof` children write their profiles.
    bff.process.send('exit');
    emulator.process.send('exit');
    kubectl.process.kill();
  }
}

await main();
// `npm run bench -w @cci/bff -- --proxy-only` skips the metrics scrape bench (about two minutes).
if (!process.argv.includes('--proxy-only')) await runMetricsScrapeBench();
