/**
 * Benchmark: schema + CCI validation (diagnoseYaml) of a 5,000-line multi-document file,
 * reported as a ratio against parsing the same file alone (yaml parseAllDocuments), in the
 * same process, rounds after warm-up. Ratios, not milliseconds, are comparable across machines.
 *
 *   npm run bench -w @cci/web     (or the root `npm run bench`)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { diagnoseYaml } from '../src/features/editor/diagnostics.ts';

const TARGET_LINES = 5_000;
const WARM_UP_ROUNDS = 5;
const ROUNDS = 15;

/** The seed's valid manifests (the editor's templates, every kind), repeated to the target size. */
function benchmarkFile(): string {
  // @cci/model/templates imports its files with Vite's ?raw, which plain Node lacks: read them.
  const dir = dirname(createRequire(import.meta.url).resolve('@cci/model/templates'));
  const documents = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').trimEnd());
  const parts: string[] = [];
  let lines = 0;
  for (let i = 0; lines < TARGET_LINES; i++) {
    const doc = documents[i % documents.length] ?? '';
    parts.push(doc);
    lines += doc.split('\n').length + 1;
  }
  return `${parts.join('\n---\n')}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const text = benchmarkFile();
const parse = () => parseAllDocuments(text);
const validate = () => diagnoseYaml(text, 'en', { namespace: 'demo' });

for (let i = 0; i < WARM_UP_ROUNDS; i++) {
  parse();
  validate();
}
const parseTimes: number[] = [];
const validateTimes: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  // Interleaved, so a busy moment of the machine hits both sides alike.
  parseTimes.push(time(parse));
  validateTimes.push(time(validate));
}

const diagnostics = validate();
const parseMs = median(parseTimes);
const validateMs = median(validateTimes);
console.log(
  JSON.stringify(
    {
      benchmark: 'yamlValidation',
      lines: text.split('\n').length,
      documents: parseAllDocuments(text).length,
      diagnostics: diagnostics.length,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      rounds: ROUNDS,
      parseMedianMs: Number(parseMs.toFixed(2)),
      validateMedianMs: Number(validateMs.toFixed(2)),
      ratioToParse: Number((validateMs / parseMs).toFixed(2)),
    },
    null,
    2,
  ),
);
