/**
 * Profiling driver, not part of the bench: parses one generated payload many times, e.g.
 * `node --cpu-prof --import tsx bench/profile-node-exporter.ts 5000 [kube-state-metrics]`.
 */
import { parsePrometheusText } from '../src/index.ts';
import { renderKubeStateMetrics } from '../src/kubeStateMetricsPayload.testkit.ts';
import { renderNodeExporter } from '../src/nodeExporterPayload.testkit.ts';

const text =
  process.argv[3] === 'kube-state-metrics' ? renderKubeStateMetrics() : renderNodeExporter();
let samples = 0;
const started = process.hrtime.bigint();
const runs = Number(process.argv[2] ?? 3000);
for (let k = 0; k < runs; k++)
  for (const f of parsePrometheusText(text).families) samples += f.samples.length;
const ns = Number(process.hrtime.bigint() - started);
console.log(`${(ns / samples).toFixed(0)} ns/sample (${samples / runs} samples/parse)`);
