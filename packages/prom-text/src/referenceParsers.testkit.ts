/**
 * The reference parsers of the differential test: Debian's python3-prometheus-client (the
 * Python client's text parser) and `promtool check metrics` (Prometheus' expfmt parser, the
 * tie-breaker). Both are Debian packages installed by .ci/run. Not part of the package API.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Debian's interpreter, where python3-prometheus-client installs (a pyenv python3 would not see it). */
export const PYTHON = '/usr/bin/python3';
export const PROMTOOL = '/usr/bin/promtool';
const SCRIPT = fileURLToPath(new URL('./prometheus_client_parse.py', import.meta.url));

/** One series as the Python client reports it: value and timestamp (seconds) as Python's repr. */
export type PythonSeries = [
  name: string,
  labels: Record<string, string>,
  value: string,
  timestampSeconds: string | null,
  help: string,
];
export type PythonResult = { ok: true; series: PythonSeries[] } | { ok: false; error: string };

/** Parses all documents in one Python process (one interpreter start, not one per document). */
export function parseWithPythonClient(documents: readonly string[]): PythonResult[] {
  const run = spawnSync(PYTHON, [SCRIPT], {
    input: JSON.stringify(documents),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${PYTHON} ${SCRIPT} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as PythonResult[];
}

/**
 * promtool's verdict on a document: exit 1 with "text format parsing error" is a parse error;
 * exit 3 is lint advice only (naming conventions), which says nothing about validity.
 */
export function checkWithPromtool(document: string): { valid: boolean; message: string } {
  const run = spawnSync(PROMTOOL, ['check', 'metrics'], { input: document, encoding: 'utf8' });
  const message = `${run.stderr}`.trim();
  if (run.status !== 0 && run.status !== 3) return { valid: false, message };
  return { valid: true, message };
}
