import { describe, expect, it } from 'vitest';
import {
  formatLabelSelector,
  labelSelectorFromObject,
  matchesLabels,
  parseLabelSelector,
} from './labelSelector.ts';
import type { LabelSelector } from './labelSelector.ts';

function parsed(text: string): LabelSelector {
  const r = parseLabelSelector(text);
  if (!r.ok) throw new Error(r.error);
  return r.selector;
}

function parseError(text: string): string {
  const r = parseLabelSelector(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return r.error;
}

describe('L1 parseLabelSelector: grammar', () => {
  it.each([
    ['app=nginx', [{ key: 'app', operator: 'Equals', values: ['nginx'] }]],
    ['app==nginx', [{ key: 'app', operator: 'Equals', values: ['nginx'] }]],
    ['app!=nginx', [{ key: 'app', operator: 'NotEquals', values: ['nginx'] }]],
    ['app=', [{ key: 'app', operator: 'Equals', values: [''] }]],
    ['env in (prod, dev)', [{ key: 'env', operator: 'In', values: ['dev', 'prod'] }]],
    ['env notin (b,a,b)', [{ key: 'env', operator: 'NotIn', values: ['a', 'b'] }]],
    ['env in ()', [{ key: 'env', operator: 'In', values: [''] }]],
    ['env in (,a)', [{ key: 'env', operator: 'In', values: ['', 'a'] }]],
    ['env in (a,)', [{ key: 'env', operator: 'In', values: ['', 'a'] }]],
    ['tier', [{ key: 'tier', operator: 'Exists', values: [] }]],
    ['!tier', [{ key: 'tier', operator: 'DoesNotExist', values: [] }]],
    ['gen>3', [{ key: 'gen', operator: 'GreaterThan', values: ['3'] }]],
    ['gen<10', [{ key: 'gen', operator: 'LessThan', values: ['10'] }]],
    ['example.com/app=web', [{ key: 'example.com/app', operator: 'Equals', values: ['web'] }]],
    // keywords are plain identifiers outside operator position
    ['in in (notin)', [{ key: 'in', operator: 'In', values: ['notin'] }]],
  ])('%s', (text, requirements) => {
    expect(parsed(text).requirements).toEqual(requirements);
  });

  it('sorts requirements by key and tolerates whitespace', () => {
    const s = parsed('  zone = a ,\t!b ,  app in ( x , y ) , c  ');
    expect(s.requirements.map((r) => r.key)).toEqual(['app', 'b', 'c', 'zone']);
    expect(formatLabelSelector(s)).toBe('app in (x,y),!b,c,zone=a');
  });

  it('treats the empty text as the selector that matches everything', () => {
    expect(parsed('').requirements).toEqual([]);
    expect(parsed('   ').requirements).toEqual([]);
    expect(matchesLabels(parsed(''), undefined)).toBe(true);
  });
});

describe('L1 parseLabelSelector: errors name the token and its position', () => {
  it.each([
    ['app=nginx,', "found '', expected: identifier after ',' (at position 10)"],
    [',app', "found ',', expected: !, identifier, or 'end of string' (at position 0)"],
    ['a=b c', "found 'c', expected: ',' or 'end of string' (at position 4)"],
    [
      'a b',
      "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt (at position 2)",
    ],
    ['a in b', "unable to parse requirement: found 'b', expected: '(' (at position 5)"],
    ['a in (x y)', "unable to parse requirement: found 'y', expected: ',' or ')' (at position 8)"],
    ['a in (x', "unable to parse requirement: found '', expected: ',' or ')' (at position 7)"],
    [
      'a in (=)',
      "unable to parse requirement: found '=', expected: ',', ')' or identifier (at position 6)",
    ],
    ['a=(b)', "unable to parse requirement: found '(', expected: identifier (at position 2)"],
    ['!=a', "found '!=', expected: !, identifier, or 'end of string' (at position 0)"],
    ['!,a', "unable to parse requirement: found ',', expected: identifier (at position 1)"],
    ['!a=b', "found '=', expected: ',' or 'end of string' (at position 2)"],
  ])('%s', (text, message) => {
    expect(parseError(text)).toBe(message);
  });

  it('rejects an invalid key with the API server wording', () => {
    const error = parseError('ok=1,-bad=x');
    expect(error).toMatch(
      /^unable to parse requirement: key: Invalid value: "-bad": name part must consist/,
    );
    expect(error).toMatch(/at position 5\)$/);
  });

  it('rejects a key with two slashes, an empty prefix, a long name, an upper-case prefix', () => {
    expect(parseError('a/b/c')).toContain('a qualified name must consist of');
    expect(parseError('/b')).toContain('prefix part must be non-empty');
    expect(parseError(`${'k'.repeat(64)}=v`)).toContain(
      'name part must be no more than 63 characters',
    );
    expect(parseError('Example.com/b')).toContain('prefix part a lowercase RFC 1123 subdomain');
    expect(parsed(`${'k'.repeat(63)}=v`).requirements).toHaveLength(1);
  });

  it('rejects an invalid value and points at it', () => {
    const error = parseError('app in (good, bad_)');
    expect(error).toMatch(
      /values\[1\]\[app\]: Invalid value: "bad_": a valid label must be an empty string/,
    );
    expect(error).toMatch(/at position 14\)$/);
    expect(parseError(`a=${'v'.repeat(64)}`)).toContain('must be no more than 63 characters');
  });

  it('requires an integer operand for > and <', () => {
    expect(parseError('gen>x')).toContain("for 'Gt', 'Lt' operators, the value must be an integer");
    expect(parseError('gen<')).toContain("for 'Gt', 'Lt' operators, the value must be an integer");
  });
});

describe('L1 matchesLabels', () => {
  const labels = { app: 'nginx', env: 'prod', gen: '5' };
  it.each([
    ['app=nginx', true],
    ['app=redis', false],
    ['app!=redis', true],
    ['missing!=x', true],
    ['env in (prod,dev)', true],
    ['env notin (prod)', false],
    ['missing notin (x)', true],
    ['missing in (x)', false],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=nginx,env=dev', false],
    ['gen>4', true],
    ['gen>5', false],
    ['gen<6', true],
    ['app>1', false],
    ['missing=', false],
  ])('%s -> %s', (text, expected) => {
    expect(matchesLabels(parsed(text), labels)).toBe(expected);
  });

  it('treats absent labels as an empty set', () => {
    expect(matchesLabels(parsed('!app'), undefined)).toBe(true);
    expect(matchesLabels(parsed('app'), undefined)).toBe(false);
  });
});

describe('L1 labelSelectorFromObject', () => {
  it('combines matchLabels and matchExpressions, sorted by key', () => {
    const r = labelSelectorFromObject({
      matchLabels: { tier: 'web', app: 'shop' },
      matchExpressions: [
        { key: 'env', operator: 'NotIn', values: ['dev'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'Exists', values: [] },
      ],
    });
    expect(r.ok && formatLabelSelector(r.selector)).toBe(
      'app=shop,!canary,env notin (dev),tier=web,zone',
    );
    expect(r.ok && matchesLabels(r.selector, { app: 'shop', tier: 'web', zone: 'a' })).toBe(true);
    expect(r.ok && matchesLabels(r.selector, { app: 'shop', tier: 'web' })).toBe(false);
  });

  it('selects everything when empty', () => {
    const r = labelSelectorFromObject({});
    expect(r.ok && r.selector.requirements).toEqual([]);
  });

  it.each([
    [
      { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] },
      '"Gt" is not a valid label selector operator',
    ],
    [{ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, "values set can't be empty"],
    [
      { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
      'values set must be empty',
    ],
    [{ matchLabels: { 'bad key': 'x' } }, 'key: Invalid value: "bad key"'],
    [{ matchLabels: { app: 'not ok' } }, 'values[0][app]: Invalid value: "not ok"'],
  ])('rejects %j', (object, message) => {
    const r = labelSelectorFromObject(object);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(message);
  });
});

describe('L1 formatLabelSelector', () => {
  it.each([
    ['b=1,a==2', 'a=2,b=1'],
    ['x in (b,a)', 'x in (a,b)'],
    ['x notin ()', 'x notin ()'],
    ['x!=', 'x!='],
    ['!x,y', '!x,y'],
    ['g>1', 'g>1'],
  ])('%s -> %s', (text, expected) => {
    expect(formatLabelSelector(parsed(text))).toBe(expected);
  });
});
