import { describe, expect, it } from 'vitest';
import { eipPoolUpdateRule } from './eipPoolUpdateRules.ts';
import type { RuleContext } from './types.ts';

type Doc = Record<string, unknown>;

const bandwidth = { name: 'cci-eippool-demo1', chargeMode: 'bandwidth', shareType: 'PER', size: 5 };
const dynamic = (amount: number, extra: Doc = {}): Doc => ({
  kind: 'EIPPool',
  metadata: { name: 'eippool-demo1' },
  spec: { amount, eipAttributes: { networkType: '5_bgp', ipVersion: 4, bandwidth }, ...extra },
});
const fixed = (eips: string[]): Doc => ({
  kind: 'EIPPool',
  metadata: { name: 'eippool-demo2' },
  spec: { eips },
});
const update = (before: Doc, after: Doc, ctx: RuleContext = {}) =>
  eipPoolUpdateRule(after, { operation: 'UPDATE', oldObject: before, ...ctx }).map(
    (v) => `${v.rule} ${v.severity} ${v.path}`,
  );

describe('eipPoolUpdateRule', () => {
  it('E5 lets a dynamic pool scale up', () => {
    expect(update(dynamic(3), dynamic(5))).toEqual([]);
  });

  it('E5 says that scaling down keeps EIPs in use', () => {
    expect(update(dynamic(5), dynamic(3))).toEqual(['E5 info spec.amount']);
  });

  it('E5 refuses any other change to a dynamic pool, naming the field', () => {
    const after = dynamic(3);
    const spec = after['spec'] as Doc;
    spec['eipAttributes'] = {
      networkType: '5_sbgp',
      ipVersion: 4,
      bandwidth: { ...bandwidth, size: 10 },
    };
    expect(update(dynamic(3), after)).toEqual([
      'E5 error spec.eipAttributes.networkType',
      'E5 error spec.eipAttributes.bandwidth.size',
    ]);
    expect(update(dynamic(3), dynamic(3, { eips: ['203.0.113.1'] }))).toEqual([
      'E5 error spec.eips',
    ]);
  });

  it('E5 lets a static pool add and remove addresses, but nothing else', () => {
    expect(update(fixed(['203.0.113.10']), fixed(['203.0.113.10', '203.0.113.12']))).toEqual([]);
    expect(update(fixed(['203.0.113.10', '203.0.113.11']), fixed(['203.0.113.11']))).toEqual([]);
    expect(
      update(fixed(['203.0.113.10']), {
        ...fixed(['203.0.113.10']),
        spec: { eips: ['203.0.113.10'], amount: 2 },
      }),
    ).toEqual(['E5 error spec.amount']);
  });

  it('E5 warns that a removed address in use stays until released', () => {
    const ctx: RuleContext = {
      eipByAddress: (address) => ({
        id: 'e',
        address,
        usedBy: address === '203.0.113.10' ? 'pod web-1' : undefined,
      }),
    };
    expect(update(fixed(['203.0.113.10', '203.0.113.11']), fixed([]), ctx)).toEqual([
      'E5 warning spec.eips',
    ]);
  });

  it('E5 says nothing on create or without the stored object', () => {
    expect(eipPoolUpdateRule(dynamic(3), { operation: 'CREATE', oldObject: fixed([]) })).toEqual(
      [],
    );
    expect(eipPoolUpdateRule(dynamic(3), { operation: 'UPDATE' })).toEqual([]);
  });

  it('E5 messages explain how to change the attributes instead', () => {
    const after = dynamic(3, {
      eipAttributes: { networkType: '5_union', ipVersion: 4, bandwidth },
    });
    const [violation] = eipPoolUpdateRule(after, { operation: 'UPDATE', oldObject: dynamic(3) });
    expect(violation?.message.en).toContain('create a new EIPPool');
    expect(violation?.message['zh-CN']).toContain('新建 EIPPool');
  });
});
