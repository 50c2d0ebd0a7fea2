import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemsText } from './listText.ts';

describe('itemsText', () => {
  it('finds the top-level items array whatever comes around it, not a nested one', () => {
    const items = [
      { metadata: { name: 'a' }, spec: { volumes: [{ configMap: { items: [{ key: 'k' }] } }] } },
      { metadata: { name: 'b "quoted" \\ ] }' }, data: { items: '[not this]' } },
    ];
    const body = JSON.stringify({
      kind: 'PodList',
      metadata: { resourceVersion: '5', items: ['x'] },
      items,
      after: { items: [] },
    });
    expect(JSON.parse(itemsText(body) ?? 'null')).toEqual(items);
    expect(JSON.parse(itemsText(JSON.stringify({ items }, null, 2)) ?? 'null')).toEqual(items);
  });

  it('is undefined without a top-level items array', () => {
    expect(itemsText('{"kind":"Status","code":410}')).toBeUndefined();
    expect(itemsText('{"items":null}')).toBeUndefined();
    expect(itemsText('[1,2]')).toBeUndefined();
  });

  it('gives back exactly what JSON.stringify wrote for any items', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.jsonValue(), (items, other) => {
        const body = JSON.stringify({ metadata: { other }, items, more: other });
        expect(JSON.parse(itemsText(body) ?? 'null')).toEqual(JSON.parse(JSON.stringify(items)));
      }),
    );
  });
});
