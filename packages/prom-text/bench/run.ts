/**
 * @cci/prom-text against parse-prometheus-text-format on the three payload kinds a console
 * scrapes: cAdvisor, node-exporter and kube-state-metrics
 * (all generated, see *Payload.testkit.ts), measured in the same run: both are warmed up, then timed
 * in alternating rounds so machine noise (2 shared cores) hits both alike. Figures: samples/s,
 * MB/s, ns per sample, and the ratio (aim: ≥ 3x the library, ≤ 500 ns per sample).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import parseBaseline, { type ParsedMetric } from 'parse-prometheus-text-format';
import {
  nodePayloadPods,
  payloadPod,
  renderNode,
  renderPod,
} from '../src/cadvisorPayload.testkit.ts';
import { parsePrometheusText } from '../src/index.ts';
import { renderKubeStateMetrics } from '../src/kubeStateMetricsPayload.testkit.ts';
import { renderNodeExporter } from '../src/nodeExporterPayload.testkit.ts';

const ROUNDS = 9;
const ROUND_MS = 400;

interface Parser {
  name: string;
  parse: (text: string) => number; // returns the sample count, so the work cannot be elided
}

const parsers: Parser[] = [
  {
    name: '@cci/prom-text',
    parse: (text) => {
      const { families, errors } = parsePrometheusText(text);
      if (errors.length > 0) throw new Error(`payload has errors: ${JSON.stringify(errors[0])}`);
      return families.reduce((n, f) => n + f.samples.length, 0);
    },
  },
  {
    name: 'parse-prometheus-text-format',
    parse: (text) =>
      parseBaseline(text).reduce((n, f) => n + f.metrics.reduce(baselineSamples, 0), 0),
  },
];

/** The library groups a histogram's or summary's samples into one metric: count them apart. */
function baselineSamples(n: number, metric: ParsedMetric): number {
  const grouped = metric.buckets ?? metric.quantiles;
  return grouped === undefined ? n + 1 : n + Object.keys(grouped).length + 2;
}

/**
 * Process CPU time in ms. Wall time on a shared machine mostly measures the other processes;
 * CPU time measures this one (still inflated by contention, but alike for both parsers).
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Parses `text` repeatedly for about `ms` of CPU time; returns seconds per parse. */
function timeRound(parser: Parser, text: string, ms: number): number {
  let iterations = 0;
  const started = cpuMs();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let k = 0; k < 5; k++) parser.parse(text);
    iterations += 5;
    elapsed = cpuMs() - started;
  }
  return elapsed / 1000 / iterations;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function compare(label: string, render: () => string): void {
  const text = render();
  const bytes = Buffer.byteLength(text);
  const counts = parsers.map((p) => p.parse(text));
  if (counts[0] !== counts[1])
    throw new Error(`parsers disagree on sample count: ${counts.join(' vs ')}`);
  const samples = counts[0] ?? 0;
  for (const p of parsers) timeRound(p, text, 1_000); // warm-up (JIT)
  const perParse = parsers.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which parser goes first, so neither always runs after the other.
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) perParse[i]?.push(timeRound(parsers[i] as Parser, text, ROUND_MS));
  }
  console.log(
    `\n${label}: ${(bytes / 1e6).toFixed(2)} MB, ${samples} samples, median of ${ROUNDS} rounds`,
  );
  const secs = perParse.map(median);
  parsers.forEach((p, i) => {
    const s = secs[i] ?? NaN;
    console.log(
      `  ${p.name.padEnd(30)} ${(samples / s / 1e6).toFixed(2).padStart(6)} M samples/s  ` +
        `${(bytes / s / 1e6).toFixed(1).padStart(6)} MB/s  ${((s / samples) * 1e9).toFixed(0).padStart(5)} ns/sample`,
    );
  });
  const ratio = (secs[1] ?? NaN) / (secs[0] ?? NaN);
  const nsPerSample = ((secs[0] ?? NaN) / samples) * 1e9;
  console.log(
    `  ratio: @cci/prom-text is ${ratio.toFixed(2)}x parse-prometheus-text-format` +
      `  [aim ≥ 3x: ${ratio >= 3 ? 'met' : 'MISSED'}; ≤ 500 ns/sample: ${nsPerSample <= 500 ? 'met' : 'MISSED'}]`,
  );
}

const payloads: Record<string, [label: string, render: () => string]> = {
  'cadvisor-node': ['node cAdvisor, 30 pods / 80 containers', () => renderNode(nodePayloadPods())],
  'cadvisor-pod': ['one pod cAdvisor scrape, 4 containers', () => renderPod(payloadPod(3, 4))],
  'node-exporter': ['node-exporter, 16 CPUs (generated)', () => renderNodeExporter()],
  'kube-state-metrics': [
    'kube-state-metrics, 200 pods (generated)',
    () => renderKubeStateMetrics(),
  ],
};

/**
 * Each payload kind runs in a process of its own: what the JIT learnt on one payload (inline
 * caches, deoptimisations) otherwise changes the figures of the next, the library's most.
 * `npm run bench -w @cci/prom-text -- node-exporter` runs one kind.
 */
const only = process.argv[2];
if (only === undefined) {
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  for (const kind of Object.keys(payloads)) {
    const run = [...process.execArgv, process.argv[1] ?? '', kind];
    const { status } = spawnSync(process.execPath, run, { stdio: 'inherit' });
    if (status !== 0) process.exit(status ?? 1);
  }
} else {
  const payload = payloads[only];
  if (payload === undefined) throw new Error(`payload kinds: ${Object.keys(payloads).join(', ')}`);
  compare(...payload);
}
