import { describe, expect, it } from 'vitest';
import { toYaml } from './yaml.ts';

describe('toYaml', () => {
  it('writes nested maps, lists of maps and quotes ambiguous strings', () => {
    const text = toYaml({
      metadata: { name: 'web', labels: { app: 'web', 'x y': 'yes' } },
      spec: { replicas: 2, containers: [{ name: 'c', args: ['a b', '1'] }], empty: [] },
    });
    expect(text).toBe(
      [
        'metadata:',
        '  name: web',
        '  labels:',
        '    app: web',
        '    "x y": "yes"',
        'spec:',
        '  replicas: 2',
        '  containers:',
        '    - name: c',
        '      args:',
        '        - "a b"',
        '        - "1"',
        '  empty: []',
        '',
      ].join('\n'),
    );
  });
});

describe('toYaml multi-line strings', () => {
  it('writes them as literal blocks that read back unchanged', async () => {
    const { parse } = await import('yaml');
    const texts = [
      '[OUTPUT]\n    Name kafka\n    Brokers 192.0.2.10:9092\n',
      'a\nb',
      'a\n\nb\n\n',
      'tab\there\n',
    ];
    for (const text of texts) {
      const written = toYaml({ data: { 'output.conf': text } });
      expect(parse(written)).toEqual({ data: { 'output.conf': text } });
    }
    expect(toYaml({ data: { c: '[OUTPUT]\n    Name kafka\n' } })).toBe(
      ['data:', '  c: |', '    [OUTPUT]', '        Name kafka', ''].join('\n'),
    );
  });

  it('keeps text YAML could not read back as a block JSON-quoted', () => {
    expect(toYaml({ a: ' lead\nx' })).toBe('a: " lead\\nx"\n');
    expect(toYaml({ a: 'cr\r\nx' })).toBe('a: "cr\\r\\nx"\n');
  });
});
