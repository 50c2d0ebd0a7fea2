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

  it.each([
    ['# TYPE h histogram\nh_bucket{a="b"} 1', 'h_bucket: missing the "le" label'],
    ['# TYPE h histogram\nh_bucket{le="high"} 1', 'h_bucket: "le" must be a float, got "high"'],
    [
      '# TYPE h histogram\nh{le="1"} 1',
      'histogram "h": samples must be named h_bucket, h_sum or h_count',
    ],
    ['# TYPE s summary\ns 1', 's: missing the "quantile" label'],
    ['# TYPE s summary\ns{quantile="p99"} 1', 's: "quantile" must be a float, got "p99"'],
  ])('rejects %j on line 2', (text, message) => {
    const { families, errors } = parsePrometheusText(text);
    expect(errors).toEqual([{ line: 2, message }]);
    expect(families).toEqual([]);
  });
});
