import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHelp, escapeLabelValue, parsePrometheusText, type MetricFamily } from './index.ts';

/** Errors must point at real, non-blank lines, and every parsed value must be a number. */
function checkInvariants(text: string): void {
  const result = parsePrometheusText(text);
  const textLines = text.split('\n');
  const problems: string[] = [];
  for (const error of result.errors) {
    const line = textLines[error.line - 1];
    // Blank in the format means spaces and tabs (and a CRLF's '\r'), not all of JS's whitespace.
    if (line === undefined || /^[ \t]*\r?$/.test(line))
      problems.push(`error on line ${error.line}`);
    if (error.message.startsWith('internal')) problems.push(error.message);
  }
  for (const family of result.families) {
    if (family.samples.length === 0) problems.push(`empty family ${family.name}`);
    for (const sample of family.samples)
      if (typeof sample.value !== 'number') problems.push(`value of ${sample.name}`);
  }
  // One expect per run: fast-check runs thousands, and expect() itself is not free.
  if (problems.length > 0) expect(problems).toEqual([]);
}

/** Fragments of the format, so random input reaches the deeper states of the scanner. */
const FRAGMENT = fc.constantFrom(
  '\n',
  '\r\n',
  ' ',
  '\t',
  '#',
  '# HELP ',
  '# TYPE ',
  'HELP',
  'TYPE',
  'counter',
  'gauge',
  'histogram',
  'summary',
  'untyped',
  'x',
  'x_bucket',
  'x_sum',
  'x_count',
  'le',
  'quantile',
  '{',
  '}',
  '=',
  '"',
  ',',
  '\\',
  '\\n',
  '\\"',
  '\\\\',
  '1',
  '-2.5e3',
  'NaN',
  '+Inf',
  '-Inf',
  '1700000000000',
  'é',
  '北',
  '\u0000',
  '__name__',
  '__proto__',
  '0x1',
);

// Thousands of runs on a shared 2-core machine: generous time limits, no speed assertions.
const FUZZ_TIMEOUT_MS = 60_000;

describe('parsePrometheusText: fuzz (never throws, errors are values)', () => {
  it(
    'any string',
    () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), checkInvariants), {
        numRuns: 1000,
      });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'any sequence of format fragments',
    () => {
      fc.assert(
        fc.property(
          fc.array(FRAGMENT, { maxLength: 80 }).map((parts) => parts.join('')),
          checkInvariants,
        ),
        { numRuns: 1000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'mutations of a valid payload (one character replaced, deleted or duplicated)',
    () => {
      const valid = `# HELP h Help \\\\ text\n# TYPE h histogram\nh_bucket{a="x\\"y",le="1"} 1 17\nh_bucket{le="+Inf"} 2\nh_sum 3\nh_count 2\n# TYPE s summary\ns{quantile="0.5"} NaN\ns_count 1\ng{l="v"} -Inf\n`;
      expect(parsePrometheusText(valid).errors).toEqual([]);
      fc.assert(
        fc.property(
          fc.nat(valid.length - 1),
          fc.constantFrom('', '"', '\\', '{', '}', ' ', '\n', 'x', '=', ',', '#'),
          fc.boolean(),
          (at, replacement, keep) => {
            const mutated = valid.slice(0, at) + replacement + valid.slice(keep ? at : at + 1);
            checkInvariants(mutated);
          },
        ),
        { numRuns: 1000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

const METRIC_NAME = fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,15}$/);
const LABEL_NAME = fc
  .stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,10}$/)
  .filter((n) => n !== '__name__');
const VALUE = fc.oneof(
  fc.double().map((v) => (Object.is(v, -0) ? 0 : v)),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity),
);
const SAMPLE = fc.record({
  labels: fc
    .uniqueArray(fc.tuple(LABEL_NAME, fc.string({ unit: 'binary', maxLength: 20 })), {
      selector: ([name]) => name,
      maxLength: 6,
    })
    .map((pairs) => Object.fromEntries(pairs)),
  value: VALUE,
  timestampMs: fc.option(fc.integer({ min: -1e15, max: 1e15 }), { nil: undefined }),
});
const FAMILIES = fc.uniqueArray(
  fc.record({
    name: METRIC_NAME,
    help: fc.option(fc.string({ unit: 'binary', maxLength: 30 }), { nil: undefined }),
    type: fc.constantFrom('counter' as const, 'gauge' as const, 'untyped' as const),
    samples: fc.array(SAMPLE, { minLength: 1, maxLength: 4 }),
  }),
  { selector: (f) => f.name, maxLength: 5 },
);

const formatValue = (v: number) =>
  v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : Number.isNaN(v) ? 'NaN' : String(v);

/** An exporter's rendering of `families`, with the escapes the format prescribes. */
function render(families: MetricFamily[]): string {
  const out: string[] = [];
  for (const f of families) {
    if (f.help !== undefined) out.push(`# HELP ${f.name} ${escapeHelp(f.help)}`);
    out.push(`# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) {
      const labels = Object.entries(s.labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
      const set = labels.length > 0 ? `{${labels.join(',')}}` : '';
      const ts = s.timestampMs === undefined ? '' : ` ${s.timestampMs}`;
      out.push(`${f.name}${set} ${formatValue(s.value)}${ts}`);
    }
  }
  return out.join('\n');
}

describe('parsePrometheusText: round trip', () => {
  it(
    'parses back exactly what an exporter rendered (any label values and help text)',
    () => {
      fc.assert(
        fc.property(FAMILIES, (generated) => {
          const families: MetricFamily[] = generated.map((f) => ({
            name: f.name,
            // HELP text loses leading blanks (they separate it from the name), as in Prometheus, and
            // a final "\r" (read as part of a CRLF line end).
            ...(f.help === undefined
              ? {}
              : { help: f.help.replace(/^[ \t]+/, '').replace(/\r$/, '') }),
            type: f.type,
            samples: f.samples.map((s) => ({
              name: f.name,
              labels: s.labels,
              value: s.value,
              ...(s.timestampMs === undefined ? {} : { timestampMs: s.timestampMs }),
            })),
          }));
          const result = parsePrometheusText(render(families));
          expect(result.errors).toEqual([]);
          expect(result.families).toStrictEqual(families);
        }),
        { numRuns: 1000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
