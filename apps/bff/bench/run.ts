/**
 * BFF bench, all figures from one run, each against a baseline measured in the same run:
 * - proxied `GET pods` (100 pods in a namespace) through the BFF vs directly from the emulator:
 *   throughput ratio (target >= 0.8) and the latency the hop adds at p50/p99;
 * - a trivial BFF route (/healthz, through every middleware) vs a bare node:http server.
 * The emulator, the BFF and this load generator run in separate processes, as they would on
 * separate machines; on a small host they still share its CPUs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { load, percentile } from './load.ts';

const PODS = 100;
const REQUESTS = 3_000;
const CONCURRENCY = 16;
const ROUNDS = 3;
const TARGET = 0.8;

function start<T>(
  script: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; info: T }> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    env: { ...process.env, ...env },
    execArgv:
      script.includes('bff') && process.env['PROF']
        ? [...process.execArgv, '--cpu-prof', '--cpu-prof-dir=/tmp/bffprof']
        : process.execArgv,
  });
  return new Promise((resolve, reject) => {
    child.once('message', (info) => resolve({ child, info: info as T }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function signIn(bff: string): Promise<string> {
  const res = await fetch(`${bff}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CCI-Console': '1', Origin: bff },
    body: JSON.stringify({
      method: 'password',
      region: 'cn-north-4',
      domainName: 'cci-demo',
      userName: 'cci-demo',
      password: 'Demo@12345',
    }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 && res.status !== 201) throw new Error(`sign-in answered ${res.status}`);
  if (!cookie) throw new Error('sign-in set no cookie');
  return cookie;
}

interface Measured {
  rps: number;
  latencies: number[];
}

/** Alternates the two targets round by round so drift (GC, CPU boost) hits both alike. */
async function compare(
  a: () => Promise<{ latencies: number[]; seconds: number }>,
  b: () => Promise<{ latencies: number[]; seconds: number }>,
): Promise<[Measured, Measured]> {
  await a();
  await b();
  const totals = [
    { seconds: 0, latencies: [] as number[] },
    { seconds: 0, latencies: [] as number[] },
  ];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, run] of [a, b].entries()) {
      const r = await run();
      const t = totals[i] as (typeof totals)[number];
      t.seconds += r.seconds;
      t.latencies.push(...r.latencies);
    }
  }
  const [ta, tb] = totals as [(typeof totals)[number], (typeof totals)[number]];
  return [
    { rps: ta.latencies.length / ta.seconds, latencies: ta.latencies },
    { rps: tb.latencies.length / tb.seconds, latencies: tb.latencies },
  ];
}

async function main(): Promise<void> {
  const emulator = await start<{ url: string; token: string }>('./emulatorProcess.ts', {
    BENCH_PODS: String(PODS),
  });
  const bff = await start<{ bff: string; bare: string }>('./bffProcess.ts', {
    BENCH_UPSTREAM: emulator.info.url,
  });
  try {
    const cookie = await signIn(bff.info.bff);
    const path = '/api/v1/namespaces/bench/pods';
    const probe = await fetch(`${bff.info.bff}/api/cci${path}`, { headers: { Cookie: cookie } });
    const items = ((await probe.json()) as { items: unknown[] }).items.length;
    if (items !== PODS) throw new Error(`the BFF listed ${items} pods, expected ${PODS}`);

    const [direct, proxied] = await compare(
      () =>
        load(
          `${emulator.info.url}${path}`,
          { 'X-Auth-Token': emulator.info.token },
          REQUESTS,
          CONCURRENCY,
        ),
      () => load(`${bff.info.bff}/api/cci${path}`, { Cookie: cookie }, REQUESTS, CONCURRENCY),
    );
    if (process.env['PROF']) return;
    const [bare, trivial] = await compare(
      () => load(`${bff.info.bare}/`, {}, REQUESTS * 3, CONCURRENCY),
      () => load(`${bff.info.bff}/healthz`, {}, REQUESTS * 3, CONCURRENCY),
    );

    const fmt = (n: number) => n.toFixed(1);
    const ms = (m: Measured, p: number) => percentile(m.latencies, p);
    const ratio = proxied.rps / direct.rps;
    const row = (name: string, m: Measured) =>
      `  ${name}: ${fmt(m.rps)} req/s, p50 ${fmt(ms(m, 50))} ms, p99 ${fmt(ms(m, 99))} ms`;
    console.log(
      `BFF bench: GET ${PODS} pods, ${ROUNDS} x ${REQUESTS} requests each way, concurrency ${CONCURRENCY}`,
    );
    console.log(row('direct from the emulator', direct));
    console.log(row('through the BFF proxy   ', proxied));
    console.log(
      `  proxy/direct throughput ${ratio.toFixed(2)} (target >= ${TARGET}), added latency p50 ${fmt(ms(proxied, 50) - ms(direct, 50))} ms, p99 ${fmt(ms(proxied, 99) - ms(direct, 99))} ms`,
    );
    console.log(`Trivial route, ${ROUNDS} x ${REQUESTS * 3} requests each way`);
    console.log(row('bare node:http        ', bare));
    console.log(row('BFF /healthz (Hono)   ', trivial));
    console.log(`  BFF/bare throughput ${(trivial.rps / bare.rps).toFixed(2)}`);
    if (ratio < TARGET) {
      console.log(`proxy throughput ratio ${ratio.toFixed(2)} is below the target ${TARGET}`);
      process.exitCode = 1;
    }
  } finally {
    bff.child.send('exit');
    await new Promise((r) => bff.child.once('exit', r));
    emulator.child.kill();
  }
}

await main();
