import { describe, expect, it } from 'vitest';
import {
  labelMergePatch,
  parseLabelChanges,
  planChangesSomething,
  planLabelChanges,
} from './labelChanges.ts';

const changes = (text: string) => {
  const parsed = parseLabelChanges(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.changes;
};

describe('parseLabelChanges (kubectl label syntax)', () => {
  it('reads key=value sets and key- removals, separated by spaces or commas', () => {
    expect(changes('app=web, example.com/tier=front  old- empty=')).toEqual([
      { op: 'set', key: 'app', value: 'web' },
      { op: 'set', key: 'example.com/tier', value: 'front' },
      { op: 'remove', key: 'old' },
      { op: 'set', key: 'empty', value: '' },
    ]);
  });

  it('names the token and the rule for each bad change', () => {
    const parsed = parseLabelChanges('app bad_key_-=x ok=-bad- a=1 a=2 -');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.token, p.problem])).toEqual([
      ['app', 'format'],
      ['bad_key_-=x', 'key'],
      ['ok=-bad-', 'value'],
      ['a=2', 'duplicate'],
      ['-', 'format'],
    ]);
    const value = parsed.problems[2];
    expect(value && 'details' in value ? value.details.join() : '').toMatch(/alphanumeric/);
  });

  it('refuses values over 63 characters', () => {
    const parsed = parseLabelChanges(`app=${'a'.repeat(64)}`);
    expect(parsed.ok).toBe(false);
  });
});

describe('planLabelChanges', () => {
  const current = { app: 'web', tier: 'front' };

  it('L1 adding a label is direct; changing a value is an overwrite', () => {
    const plan = planLabelChanges(current, changes('team=a app=api tier=front gone- tier2-'));
    expect(plan.added).toEqual([{ key: 'team', value: 'a' }]);
    expect(plan.overwritten).toEqual([{ key: 'app', from: 'web', to: 'api' }]);
    expect(plan.unchanged).toEqual(['tier']);
    expect(plan.removed).toEqual([]);
    expect(plan.missing).toEqual(['gone', 'tier2']);
  });

  it('L1 removing an existing label is no overwrite', () => {
    const plan = planLabelChanges(current, changes('tier-'));
    expect(plan.removed).toEqual([{ key: 'tier', from: 'front' }]);
    expect(plan.overwritten).toEqual([]);
  });

  it('an object without labels only gets additions', () => {
    const plan = planLabelChanges(undefined, changes('app=web'));
    expect(plan.added).toEqual([{ key: 'app', value: 'web' }]);
  });

  it('setting the same values changes nothing', () => {
    expect(planChangesSomething(planLabelChanges(current, changes('app=web')))).toBe(false);
    expect(planChangesSomething(planLabelChanges(current, changes('x=1')))).toBe(true);
  });
});

describe('labelMergePatch', () => {
  it('L1 sets, overwrites and removes (null) in one merge patch guarded by the seen version', () => {
    const plan = planLabelChanges({ app: 'web', old: 'x' }, changes('team=a app=api old-'));
    expect(labelMergePatch(plan, '42')).toEqual({
      metadata: { resourceVersion: '42', labels: { team: 'a', app: 'api', old: null } },
    });
  });

  it('leaves resourceVersion out when the object has none', () => {
    const plan = planLabelChanges({}, changes('a=1'));
    expect(labelMergePatch(plan, undefined)).toEqual({ metadata: { labels: { a: '1' } } });
  });
});
