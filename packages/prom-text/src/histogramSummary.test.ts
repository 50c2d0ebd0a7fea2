import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from './index.ts';

const EXAMPLE = `# A histogram, which has a pretty complex representation in the text format:
# HELP http_request_duration_seconds A histogram of the request duration.
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{le="0.05"} 24054
http_request_duration_seconds_bucket{le="0.1"} 33444
http_request_duration_seconds_bucket{le="+Inf"} 144320
http_request_duration_seconds_sum 53423
http_request_duration_seconds_count 144320

# Finally a summary, which has a complex representation, too:
# HELP rpc_duration_seconds A summary of the RPC duration in seconds.
# TYPE rpc_duration_seconds summary
rpc_duration_seconds{quantile="0.01"} 3102
rpc_duration_seconds{quantile="0.5"} 4773
rpc_duration_seconds{quantile="0.99"} NaN
rpc_duration_seconds_sum 1.7560473e+07
rpc_duration_seconds_count 2693
`;

describe('parsePrometheusText: histograms and summaries', () => {
  it('groups _bucket, _sum and _count under the histogram, keeping each sample name', () => {
    const { families, errors } = parsePrometheusText(EXAMPLE);
    expect(errors).toEqual([]);
    expect(families.map((f) => [f.name, f.type, f.samples.length])).toEqual([
      ['http_request_duration_seconds', 'histogram', 5],
      ['rpc_duration_seconds', 'summary', 5],
    ]);
    const histogram = families[0];
    expect(histogram?.help).toBe('A histogram of the request duration.');
    expect(histogram?.samples.map((s) => [s.name, s.labels['le'], s.value])).toEqual([
      ['http_request_duration_seconds_bucket', '0.05', 24054],
      ['http_request_duration_seconds_bucket', '0.1', 33444],
      ['http_request_duration_seconds_bucket', '+Inf', 144320],
      ['http_request_duration_seconds_sum', undefined, 53423],
      ['http_request_duration_seconds_count', undefined, 144320],
    ]);
  });

  it('groups quantile samples, _sum and _count under the summary', () => {
    const summary = parsePrometheusText(EXAMPLE).families[1];
    expect(summary?.samples.map((s) => [s.name, s.labels['quantile'], s.value])).toEqual([
      ['rpc_duration_seconds', '0.01', 3102],
      ['rpc_duration_seconds', '0.5', 4773],
      ['rpc_duration_seconds', '0.99', NaN],
      ['rpc_duration_seconds_sum', undefined, 17560473],
      ['rpc_duration_seconds_count', undefined, 2693],
    ]);
  });

  it('keeps other labels on histogram series and groups several series in one family', () => {
    const text = [
      '# TYPE lat histogram',
      'lat_bucket{path="/a",le="1"} 1',
      'lat_bucket{path="/a",le="+Inf"} 2',
      'lat_sum{path="/a"} 3',
      'lat_count{path="/a"} 2',
      'lat_bucket{path="/b",le="+Inf"} 0',
      'lat_sum{path="/b"} 0',
      'lat_count{path="/b"} 0',
    ].join('\n');
    const { families, errors } = parsePrometheusText(text);
    expect(errors).toEqual([]);
    expect(families).toHaveLength(1);
    expect(families[0]?.samples.map((s) => s.labels['path'])).toEqual([
      '/a',
      '/a',
      '/a',
      '/a',
      '/b',
      '/b',
      '/b',
    ]);
  });

  it('without a histogram/summary TYPE, suffixed names are families of their own', () => {
    const text = ['# TYPE s summary', 's_bucket{le="1"} 1', 'x_sum 1', 'x_count 2', 's_count 3'];
    const { families, errors } = parsePrometheusText(text.join('\n'));
    expect(errors).toEqual([]);
    expect(families.map((f) => [f.name, f.type, f.samples.map((s) => s.name)])).toEqual([
      ['s', 'summary', ['s_count']],
      ['s_bucket', 'untyped', ['s_bucket']],
      ['x_sum', 'untyped', ['x_sum']],
      ['x_count', 'untyped', ['x_count']],
    ]);
  });

  it('a TYPE line changes where later samples of the same name go', () => {
    const text = ['x_sum 1', '# TYPE x summary', 'x_sum 2', 'x_count 1'].join('\n');
    const { families, errors } = parsePrometheusText(text);
    expect(errors).toEqual([]);
    expect(families.map((f) => [f.name, f.samples.length])).toEqual([
      ['x_sum', 1],
      ['x', 2],
    ]);
  });

  it('keeps a bucket without "le", a bare histogram name and a summary sample without "quantile" as plain series, as Prometheus ingests them', () => {
    const text = [
      '# TYPE h histogram',
      'h_bucket{a="b"} 1',
      'h{le="1"} 2',
      'h 3',
      'h_bucket{le="+Inf"} 4',
      '# TYPE s summary',
      's 5',
      's{quantile="0.5"} 6',
    ].join('\n');
    const { families, errors } = parsePrometheusText(text);
    expect(errors).toEqual([]);
    expect(
      families.map((f) => [f.name, f.type, f.samples.map((s) => [s.name, s.labels, s.value])]),
    ).toEqual([
      [
        'h',
        'histogram',
        [
          ['h_bucket', { a: 'b' }, 1],
          ['h', { le: '1' }, 2],
          ['h', {}, 3],
          ['h_bucket', { le: '+Inf' }, 4],
        ],
      ],
      [
        's',
        'summary',
        [
          ['s', {}, 5],
          ['s', { quantile: '0.5' }, 6],
        ],
      ],
    ]);
  });

  it.each([
    ['h_count', 'histogram "h"'],
    ['h_sum', 'histogram "h"'],
    ['h_bucket', 'histogram "h"'],
  ])(
    "a HELP for %s after the histogram's own HELP is an error, not lost silently (as promtool)",
    (name, owner) => {
      const text = `# HELP h Latency.\n# TYPE h histogram\nh_sum 2\n# HELP ${name} Own help.\nh_count 3\n`;
      const { families, errors } = parsePrometheusText(text);
      expect(errors).toEqual([
        {
          line: 4,
          message: `second HELP line for "h" (the first is on line 1) ("${name}" is a sample of ${owner})`,
        },
      ]);
      expect(families.map((f) => [f.name, f.help, f.samples.length])).toEqual([
        ['h', 'Latency.', 2],
      ]);
    },
  );

  it("a TYPE for a summary's _count is the summary's second TYPE", () => {
    const { errors } = parsePrometheusText('# TYPE s summary\n# TYPE s_count counter\ns_count 1\n');
    expect(errors).toEqual([
      {
        line: 2,
        message:
          'second TYPE line for "s" (the first is on line 1) ("s_count" is a sample of summary "s")',
      },
    ]);
  });

  it("a HELP for h_count when the histogram has none becomes the histogram's HELP (as promtool files it)", () => {
    const { families, errors } = parsePrometheusText(
      '# TYPE h histogram\nh_sum 1\n# HELP h_count Counted.\nh_count 1\n',
    );
    expect(errors).toEqual([]);
    expect(families.map((f) => [f.name, f.help])).toEqual([['h', 'Counted.']]);
  });

  it('h_count with its own HELP before the histogram TYPE stays a family of its own, with that HELP', () => {
    const text = '# HELP h_count Counted.\n# TYPE h histogram\nh_sum 3\nh_count 2\n';
    const { families, errors } = parsePrometheusText(text);
    expect(errors).toEqual([]);
    expect(families.map((f) => [f.name, f.type, f.help, f.samples.map((s) => s.name)])).toEqual([
      ['h_count', 'untyped', 'Counted.', ['h_count']],
      ['h', 'histogram', undefined, ['h_sum']],
    ]);
  });

  it.each([
    ['# TYPE h histogram\nh_bucket{le="high"} 1', 'h_bucket: "le" must be a float, got "high"'],
    ['# TYPE h histogram\nh_bucket{le="1e309"} 1', 'h_bucket: "le" must be a float, got "1e309"'],
    ['# TYPE s summary\ns{quantile="p99"} 1', 's: "quantile" must be a float, got "p99"'],
  ])('rejects %j on line 2', (text, message) => {
    const { families, errors } = parsePrometheusText(text);
    expect(errors).toEqual([{ line: 2, message }]);
    expect(families).toEqual([]);
  });
});
