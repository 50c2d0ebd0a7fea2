import { describe, expect, it } from 'vitest';
import { parsePrometheusText, type MetricFamily } from './index.ts';

const lines = (...xs: string[]) => xs.join('\n') + '\n';

interface ValidCase {
  name: string;
  text: string;
  families: MetricFamily[];
}

const VALID: ValidCase[] = [
  {
    name: 'counter with HELP, TYPE, labels and a timestamp',
    text: lines(
      '# HELP http_requests_total The total number of HTTP requests.',
      '# TYPE http_requests_total counter',
      'http_requests_total{method="post",code="200"} 1027 1395066363000',
      'http_requests_total{method="post",code="400"} 3 1395066363000',
    ),
    families: [
      {
        name: 'http_requests_total',
        help: 'The total number of HTTP requests.',
        type: 'counter',
        samples: [
          {
            name: 'http_requests_total',
            labels: { method: 'post', code: '200' },
            value: 1027,
            timestampMs: 1395066363000,
          },
          {
            name: 'http_requests_total',
            labels: { method: 'post', code: '400' },
            value: 3,
            timestampMs: 1395066363000,
          },
        ],
      },
    ],
  },
  {
    name: 'gauge without labels; blank lines and plain comments are ignored',
    text: lines('', '# a comment', '# TYPE temp gauge', '   ', 'temp -3.5', '#'),
    families: [
      { name: 'temp', type: 'gauge', samples: [{ name: 'temp', labels: {}, value: -3.5 }] },
    ],
  },
  {
    name: 'a sample without TYPE is untyped, with no help',
    text: 'metric_without_timestamp_and_labels 12.47',
    families: [
      {
        name: 'metric_without_timestamp_and_labels',
        type: 'untyped',
        samples: [{ name: 'metric_without_timestamp_and_labels', labels: {}, value: 12.47 }],
      },
    ],
  },
  {
    name: 'label value escapes: backslash, quote, newline; other characters verbatim',
    text: 'msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\"",u="北京 {},="} 1.458255915e9',
    families: [
      {
        name: 'msdos_file_access_time_seconds',
        type: 'untyped',
        samples: [
          {
            name: 'msdos_file_access_time_seconds',
            labels: {
              path: 'C:\\DIR\\FILE.TXT',
              error: 'Cannot find file:\n"FILE.TXT"',
              u: '北京 {},=',
            },
            value: 1458255915,
          },
        ],
      },
    ],
  },
  {
    name: 'HELP escapes (\\\\ and \\n); a quote needs none there; empty HELP',
    text: lines('# HELP a Line one\\nC:\\\\x "quoted"', '# HELP b', 'a 1', 'b 2'),
    families: [
      {
        name: 'a',
        help: 'Line one\nC:\\x "quoted"',
        type: 'untyped',
        samples: [{ name: 'a', labels: {}, value: 1 }],
      },
      { name: 'b', help: '', type: 'untyped', samples: [{ name: 'b', labels: {}, value: 2 }] },
    ],
  },
  {
    name: 'blanks and tabs between tokens, spaces inside braces, a trailing comma, CRLF ends',
    text: '#\tTYPE  x\tgauge \r\n  x { a = "1" , b="2", }\t7  \t-5 \r\nx{} 8\r\n',
    families: [
      {
        name: 'x',
        type: 'gauge',
        samples: [
          { name: 'x', labels: { a: '1', b: '2' }, value: 7, timestampMs: -5 },
          { name: 'x', labels: {}, value: 8 },
        ],
      },
    ],
  },
  {
    name: 'TYPE is case-insensitive; a family declared but never sampled is dropped',
    text: lines('# TYPE up COUNTER', '# TYPE unused gauge', '# HELP unused never sampled', 'up 1'),
    families: [{ name: 'up', type: 'counter', samples: [{ name: 'up', labels: {}, value: 1 }] }],
  },
  {
    name: 'samples of a family split by another family are merged, in first-seen order',
    text: lines('a 1', 'b 2', 'a{x="y"} 3'),
    families: [
      {
        name: 'a',
        type: 'untyped',
        samples: [
          { name: 'a', labels: {}, value: 1 },
          { name: 'a', labels: { x: 'y' }, value: 3 },
        ],
      },
      { name: 'b', type: 'untyped', samples: [{ name: 'b', labels: {}, value: 2 }] },
    ],
  },
  {
    name: 'label names that are Object.prototype keys are plain labels',
    text: 'm{__proto__="p",constructor="c",toString="t"} 1',
    families: [
      {
        name: 'm',
        type: 'untyped',
        samples: [
          {
            name: 'm',
            labels: JSON.parse('{"__proto__":"p","constructor":"c","toString":"t"}') as Record<
              string,
              string
            >,
            value: 1,
          },
        ],
      },
    ],
  },
  {
    name: 'metric names with colons; no trailing newline',
    text: 'job:request_latency_seconds:mean5m{job="api"} 0.25',
    families: [
      {
        name: 'job:request_latency_seconds:mean5m',
        type: 'untyped',
        samples: [
          { name: 'job:request_latency_seconds:mean5m', labels: { job: 'api' }, value: 0.25 },
        ],
      },
    ],
  },
];

describe('parsePrometheusText: valid input', () => {
  it.each(VALID)('$name', ({ text, families }) => {
    const result = parsePrometheusText(text);
    expect(result.errors).toEqual([]);
    expect(result.families).toStrictEqual(families);
  });

  it('parses nothing from empty or comment-only text', () => {
    expect(parsePrometheusText('')).toEqual({ families: [], errors: [] });
    expect(parsePrometheusText('# just\n# comments\n\n')).toEqual({ families: [], errors: [] });
  });

  it('a timestamp is present only when the line has one', () => {
    const { families } = parsePrometheusText(lines('a 1', 'a 2 0'));
    const [first, second] = families[0]?.samples ?? [];
    expect(first).not.toHaveProperty('timestampMs');
    expect(second?.timestampMs).toBe(0);
  });

  it('takes timestamps over the whole int64 range, beyond ±2^53 ms as the nearest double', () => {
    const text = lines(
      'a 1 9007199254740993',
      'a 2 -9223372036854775808',
      'a 3 9223372036854775807',
    );
    const { families, errors } = parsePrometheusText(text);
    expect(errors).toEqual([]);
    expect(families[0]?.samples.map((s) => s.timestampMs)).toEqual([2 ** 53, -(2 ** 63), 2 ** 63]);
  });
});

const SPECIAL_FLOATS: [string, number][] = [
  ['NaN', NaN],
  ['+Inf', Infinity],
  ['-Inf', -Infinity],
  ['Inf', Infinity],
  ['inf', Infinity],
  ['nan', NaN],
  ['+infinity', Infinity],
  ['1.073741824e+09', 1073741824],
  ['1E-3', 0.001],
  ['-0.5', -0.5],
  ['.5', 0.5],
  ['5.', 5],
  ['+7', 7],
  ['0', 0],
  ['007', 7],
  ['9007199254740993', 9007199254740992],
];

describe('parsePrometheusText: values', () => {
  it.each(SPECIAL_FLOATS)('reads %s as %d', (token, expected) => {
    const { families, errors } = parsePrometheusText(`x ${token}`);
    expect(errors).toEqual([]);
    expect(families[0]?.samples[0]?.value).toBe(expected);
  });

  it.each([
    ['1', 1],
    ['-1700000000000', -1700000000000],
    ['+42', 42],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('reads the timestamp %s', (token, expected) => {
    const { families, errors } = parsePrometheusText(`x 1 ${token}`);
    expect(errors).toEqual([]);
    expect(families[0]?.samples[0]?.timestampMs).toBe(expected);
  });
});
