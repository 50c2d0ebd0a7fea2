import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLabelSelector, parseLabelSelector } from './labelSelector.ts';
import type { LabelRequirement, LabelSelector } from './labelSelector.ts';

const alnum = fc.constantFrom(...'abcXYZ019');
const inner = fc.constantFrom(...'abZ09-_.');
const labelName = fc
  .tuple(alnum, fc.array(inner, { maxLength: 8 }), alnum)
  .map(([a, mid, z]) => (mid.length === 0 ? a : `${a}${mid.join('')}${z}`));
const dnsLabel = fc
  .tuple(fc.constantFrom(...'abz09'), fc.array(fc.constantFrom(...'ab-9'), { maxLength: 5 }))
  .map(([a, rest]) => (rest.at(-1) === '-' ? a : a + rest.join('')));
const key = fc.oneof(
  labelName,
  fc
    .tuple(fc.array(dnsLabel, { minLength: 1, maxLength: 3 }), labelName)
    .map(([p, n]) => `${p.join('.')}/${n}`),
);
const value = fc.oneof(fc.constant(''), labelName);
const integer = fc.nat({ max: 1_000_000 }).map(String);

const requirement: fc.Arbitrary<LabelRequirement> = fc.oneof(
  fc.record({
    key,
    operator: fc.constantFrom('Equals' as const, 'NotEquals' as const),
    values: fc.tuple(value),
  }),
  fc.record({
    key,
    operator: fc.constantFrom('In' as const, 'NotIn' as const),
    values: fc.uniqueArray(value, { minLength: 1, maxLength: 4 }).map((v) => [...v].sort()),
  }),
  fc.record({
    key,
    operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const),
    values: fc.constant([]),
  }),
  fc.record({
    key,
    operator: fc.constantFrom('GreaterThan' as const, 'LessThan' as const),
    values: fc.tuple(integer),
  }),
);

const selector: fc.Arbitrary<LabelSelector> = fc.array(requirement, { maxLength: 5 }).map((rs) => ({
  requirements: [...rs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
}));

describe('L1 label selector round trip (property)', () => {
  it('format(selector) parses back to an equal selector', () => {
    fc.assert(
      fc.property(selector, (s) => {
        const text = formatLabelSelector(s);
        const r = parseLabelSelector(text);
        expect(r.ok, text).toBe(true);
        expect(r.ok && r.selector).toEqual(s);
      }),
      { numRuns: 500 },
    );
  });

  it('format(parse(text)) is a fixed point', () => {
    fc.assert(
      fc.property(selector, (s) => {
        const once = parseLabelSelector(formatLabelSelector(s));
        if (!once.ok) return;
        const twice = parseLabelSelector(formatLabelSelector(once.selector));
        expect(twice.ok && twice.selector).toEqual(once.selector);
      }),
    );
  });
});
