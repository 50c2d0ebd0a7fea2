import { describe, expect, it } from 'vitest';
import { escapeHelp, formatGoFloat, renderExposition } from './exposition.ts';

describe('Prometheus text exposition', () => {
  it("formats floats as Go's strconv 'g' shortest form, as cAdvisor output shows", () => {
    expect(formatGoFloat(0)).toBe('0');
    expect(formatGoFloat(1)).toBe('1');
    expect(formatGoFloat(236.178526)).toBe('236.178526');
    expect(formatGoFloat(100000)).toBe('100000');
    expect(formatGoFloat(1073741824)).toBe('1.073741824e+09');
    expect(formatGoFloat(1310720)).toBe('1.31072e+06');
    expect(formatGoFloat(0.0001)).toBe('0.0001');
    expect(formatGoFloat(0.00001234)).toBe('1.234e-05');
    expect(formatGoFloat(-2.5e21)).toBe('-2.5e+21');
    expect(formatGoFloat(Infinity)).toBe('+Inf');
    expect(formatGoFloat(NaN)).toBe('NaN');
  });

  it('sorts families by name and series by labels, escapes HELP, appends timestamps', () => {
    const text = renderExposition([
      {
        name: 'b_total',
        help: 'two\nlines \\ here',
        type: 'counter',
        samples: [
          { labels: { z: '1', a: 'y' }, value: 2, timestampMs: 1714557600000 },
          { labels: { z: '1', a: 'x' }, value: 1 },
        ],
      },
      { name: 'a', help: 'first', type: 'gauge', samples: [{ labels: {}, value: 3 }] },
      { name: 'empty', help: 'no samples, no lines', type: 'gauge', samples: [] },
    ]);
    expect(text).toBe(
      [
        '# HELP a first',
        '# TYPE a gauge',
        'a 3',
        '# HELP b_total two\\nlines \\\\ here',
        '# TYPE b_total counter',
        'b_total{a="x",z="1"} 1',
        'b_total{a="y",z="1"} 2 1714557600000',
        '',
      ].join('\n'),
    );
    expect(escapeHelp('a"b')).toBe('a"b');
  });
});
