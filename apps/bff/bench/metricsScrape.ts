/**
 * Metrics scrape bench (issue #8): the BFF tracking 500 pods, each scraped once per interval
 * through the API server's pod proxy, with the emulator (which renders every cAdvisor answer)
 * measured in the same run as the baseline.
 *
 * - One signed-in overview request (`/top` with METRICS_TOP_MAX_PODS=500) starts tracking every
 *   pod; METRICS_LINGER_SECONDS is raised so the hub keeps scraping them with no further
 *   requests: the window measures scraping alone.
 * - The interval is shortened (3 s; BENCH_METRICS_INTERVAL) so the run takes about a minute.
 *   CPU per cycle (PODS scrapes, counted from the pods' histories) does not depend on the
 *   spacing, so it is reported per cycle and as a share of one core at the production 15 s.
 * - METRICS_HISTORY_SECONDS is set so that each ring holds 241 points, as an hour at 15 s does.
 *   Rings are preallocated typed arrays, so the memory measured is that of a full hour already;
 *   only RSS lags (untouched pages), so a projected RSS adds the rings' unwritten part.
 */
import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuMs, memory, signIn, start, type EmulatorInfo } from './processes.ts';

const PODS = 500;
const INTERVAL_S = Number(process.env['BENCH_METRICS_INTERVAL'] ?? '3');
const CYCLES = Number(process.env['BENCH_METRICS_CYCLES'] ?? '12');
const PRODUCTION_INTERVAL_S = 15;
/** An hour at 15 s: 240 intervals plus the point at each end (metricsHub capacity). */
const RING_POINTS = 3600 / PRODUCTION_INTERVAL_S + 1;
const BYTES_PER_POINT = 16; // two Float64Array slots: time and value
const SAMPLE_PODS = ['web-000', 'web-125', 'web-250', 'web-375', 'web-499'];

const MiB = 2 ** 20;
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const mib = (bytes: number) => `${fmt(bytes / MiB)} MiB`;

interface PodAnswer {
  state: string;
  series: { metric: string; container: string; points: [number, number][] }[];
}

async function getJson<T>(url: string, cookie: string): Promise<T> {
  const res = await fetch(url, { headers: { Cookie: cookie } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export async function runMetricsScrapeBench(): Promise<void> {
  const emulator = await start<EmulatorInfo>('./emulatorProcess.ts', {
    BENCH_PODS: String(PODS),
  });
  const bff = await start<{ bff: string }>(
    './bffProcess.ts',
    {
      BENCH_UPSTREAM: emulator.info.url,
      BENCH_TOKEN: emulator.info.token,
      BENCH_CA_FILE: emulator.info.caFile,
      METRICS_SCRAPE_INTERVAL_SECONDS: String(INTERVAL_S),
      METRICS_TOP_MAX_PODS: String(PODS),
      METRICS_LINGER_SECONDS: '3600',
      METRICS_HISTORY_SECONDS: String((RING_POINTS - 1) * INTERVAL_S),
    },
    ['--expose-gc'],
  );
  try {
    const base = bff.info.bff;
    const cookie = await signIn(base);
    const before = await memory(bff.process);

    // The first look: lists the namespace and waits for the first scrape of every pod.
    const firstLook = { bff: await cpuMs(bff.process), emu: await cpuMs(emulator.process) };
    const top = await getJson<{ counts: { scraped: number; error: number } }>(
      `${base}/api/metrics/namespaces/bench/top?range=900`,
      cookie,
    );
    if (top.counts.scraped !== PODS || top.counts.error !== 0) {
      throw new Error(`the overview scraped ${JSON.stringify(top.counts)}, expected ${PODS} ok`);
    }
    const firstLookBffMs = (await cpuMs(bff.process)) - firstLook.bff;
    const firstLookEmuMs = (await cpuMs(emulator.process)) - firstLook.emu;

    await sleep(2 * INTERVAL_S * 1000); // the second scrape of each pod (first counter rates)
    const t0 = Date.now();
    const cpu0 = { bff: await cpuMs(bff.process), emu: await cpuMs(emulator.process) };
    await sleep(CYCLES * INTERVAL_S * 1000);
    const cpu1 = { bff: await cpuMs(bff.process), emu: await cpuMs(emulator.process) };
    const t1 = Date.now();
    const after = await memory(bff.process);

    // Scrapes done in the window, from the history of a few pods (a gauge: a point per scrape).
    const samples = await Promise.all(
      SAMPLE_PODS.map((pod) =>
        getJson<PodAnswer>(`${base}/api/metrics/namespaces/bench/pods/${pod}?range=900`, cookie),
      ),
    );
    const pointsIn = (a: PodAnswer) =>
      a.series
        .find((s) => s.metric === 'memory_working_set_bytes' && s.container === '')
        ?.points.filter(([t]) => t >= t0 && t <= t1).length ?? 0;
    const perPod = samples.reduce((sum, a) => sum + pointsIn(a), 0) / samples.length;
    const seriesPerPod = samples[0]?.series.length ?? 0;
    const filled = Math.max(
      ...samples.map((a) => Math.max(...a.series.map((s) => s.points.length))),
    );

    const wallS = (t1 - t0) / 1000;
    const cycles = wallS / INTERVAL_S;
    const scrapes = perPod * PODS;
    const bffMs = cpu1.bff - cpu0.bff;
    const emuMs = cpu1.emu - cpu0.emu;
    // Per cycle of PODS scrapes, from the scrapes actually done: on a loaded host the rounds may
    // fall behind the short interval, and CPU per wall-clock cycle would then understate it.
    const perCycle = { bff: (bffMs / scrapes) * PODS, emu: (emuMs / scrapes) * PODS };
    const share = (ms: number, seconds: number) => `${fmt((ms / (seconds * 1000)) * 100)} %`;

    const heap = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers;
    const trackedBytes = heap(after) - heap(before);
    const ringBytes = PODS * seriesPerPod * RING_POINTS * BYTES_PER_POINT;
    const unwritten = ringBytes * (1 - Math.min(1, filled / RING_POINTS));
    const [l1] = loadavg();

    console.log(
      `Metrics scrape bench on ${availableParallelism()} CPUs (load average ${fmt(l1 ?? 0)}): ${PODS} pods via the pod proxy, every ${INTERVAL_S} s for ${fmt(wallS)} s (${fmt(cycles)} cycles); CPU figures scaled to a ${PRODUCTION_INTERVAL_S} s interval`,
    );
    console.log(
      `  scrapes kept up: ${fmt(perPod / cycles, 2)} per pod per interval (1.00 = every pod every interval), ~${fmt(scrapes / wallS)} scrapes/s`,
    );
    console.log(
      `  BFF CPU: ${fmt(perCycle.bff)} ms per cycle of ${PODS} scrapes (${fmt(bffMs / scrapes, 2)} ms/scrape) = ${share(perCycle.bff, PRODUCTION_INTERVAL_S)} of one core at ${PRODUCTION_INTERVAL_S} s (${share(perCycle.bff, INTERVAL_S)} at ${INTERVAL_S} s)`,
    );
    console.log(
      `  emulator CPU (baseline: renders and serves every answer): ${fmt(perCycle.emu)} ms per cycle = ${share(perCycle.emu, PRODUCTION_INTERVAL_S)} of one core at ${PRODUCTION_INTERVAL_S} s; BFF/emulator CPU ${fmt(bffMs / emuMs, 2)}`,
    );
    console.log(
      `  first look (overview listing ${PODS} pods, first scrape of each): BFF ${fmt(firstLookBffMs)} ms CPU, emulator ${fmt(firstLookEmuMs)} ms`,
    );
    console.log(
      `  BFF memory: RSS ${mib(before.rss)} → ${mib(after.rss)}, heap+arrayBuffers ${mib(heap(before))} → ${mib(heap(after))} (+${mib(trackedBytes)} for ${PODS} pods, ${fmt(trackedBytes / PODS / 1024)} KiB/pod, ${seriesPerPod} series/pod)`,
    );
    console.log(
      `  full hour at ${PRODUCTION_INTERVAL_S} s (${RING_POINTS} points/series, preallocated): rings ${mib(ringBytes)} (${BYTES_PER_POINT} B/point), ${fmt(trackedBytes / (PODS * seriesPerPod * RING_POINTS), 1)} B/point with entry overhead; projected RSS <= ${mib(after.rss + unwritten)} (rings ${fmt((filled / RING_POINTS) * 100)} % written)`,
    );
  } finally {
    bff.process.send('exit');
    emulator.process.send('exit');
  }
}

// Run on its own: `npx tsx bench/metricsScrape.ts` (run.ts runs it after the proxy bench).
if (import.meta.url === `file://${process.argv[1]}`) await runMetricsScrapeBench();
