import { describe, expect, it } from 'vitest';
import { validateDocument } from './index.ts';
import { checkSelectorMatchesTemplate } from './selectorRules.ts';

const deployment = (selector: unknown, labels: Record<string, string>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'nginx' },
  spec: {
    replicas: 2,
    selector,
    template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
  },
});

describe('D1 selector and template labels', () => {
  it('D1 accepts a selector that matches the template labels (seed chapter 6)', () => {
    expect(
      checkSelectorMatchesTemplate(
        deployment({ matchLabels: { app: 'nginx' } }, { app: 'nginx', tier: 'web' }),
        {},
      ),
    ).toEqual([]);
  });

  it('D1 rejects a selector the template labels do not satisfy, at the template labels', () => {
    const found = validateDocument(
      deployment({ matchLabels: { app: 'nginx' } }, { app: 'web' }),
      {},
    );
    expect(found.filter((v) => v.rule === 'D1').map((v) => [v.path, v.severity])).toEqual([
      ['spec.template.metadata.labels', 'error'],
    ]);
    expect(found.find((v) => v.rule === 'D1')?.message['zh-CN']).toMatch(/不匹配/);
  });

  it('D1 requires a selector on an apps/v1 Deployment', () => {
    expect(
      checkSelectorMatchesTemplate(deployment(undefined, { app: 'nginx' }), {}).map((v) => v.path),
    ).toEqual(['spec.selector']);
  });

  it('D1 honours matchExpressions', () => {
    const selector = {
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }],
    };
    expect(checkSelectorMatchesTemplate(deployment(selector, { tier: 'api' }), {})).toEqual([]);
    expect(checkSelectorMatchesTemplate(deployment(selector, { tier: 'db' }), {})).toHaveLength(1);
  });

  it('D1 leaves other kinds alone', () => {
    expect(checkSelectorMatchesTemplate({ kind: 'Pod', metadata: { name: 'p' } }, {})).toEqual([]);
  });
});
