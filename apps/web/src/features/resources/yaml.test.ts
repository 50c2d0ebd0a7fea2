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
