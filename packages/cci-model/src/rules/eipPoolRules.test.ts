import { describe, expect, it } from 'vitest';
import { eipPoolSpecRules, poolMode } from './eipPoolRules.ts';
import type { RuleContext, RuleViolation } from './types.ts';

type Doc = Record<string, unknown>;

const per = { name: 'cci-eippool-demo1', chargeMode: 'bandwidth', shareType: 'PER', size: 5 };
const whole = { id: '3c9a1f7e-2b4d-4e6f-8a1b-9c0d2e4f6a8b', shareType: 'WHOLE' };
const pool = (spec: Doc, name = 'eippool-demo1'): Doc => ({
  apiVersion: 'crd.yangtse.cni/v1',
  kind: 'EIPPool',
  metadata: { name },
  spec,
});
const dynamic = (attributes: Doc = {}, amount: unknown = 3): Doc =>
  pool({
    amount,
    eipAttributes: { networkType: '5_bgp', ipVersion: 4, bandwidth: per, ...attributes },
  });
const run = (doc: Doc, ctx: RuleContext = {}): RuleViolation[] =>
  eipPoolSpecRules.flatMap((rule) => rule(doc, ctx));
const summary = (doc: Doc, ctx: RuleContext = {}) =>
  run(doc, ctx).map((v) => `${v.rule} ${v.severity} ${v.path}`);

describe('poolMode', () => {
  it('E2 E3 tells dynamic, static, both and neither apart', () => {
    expect(poolMode({ amount: 1 })).toBe('dynamic');
    expect(poolMode({ eips: [] })).toBe('static');
    expect(poolMode({ amount: 1, eips: [] })).toBe('both');
    expect(poolMode({})).toBe('none');
  });
});

describe('eipPoolSpecRules', () => {
  it.each([
    ['PER', dynamic()],
    ['WHOLE', dynamic({ bandwidth: whole })],
    [
      'IPv6, traffic, amount 0',
      dynamic(
        { networkType: '5_ipv6', ipVersion: 6, bandwidth: { ...per, chargeMode: 'traffic' } },
        0,
      ),
    ],
    ['no ipVersion', dynamic({ ipVersion: undefined })],
    ['amount 500', dynamic({}, 500)],
    ['static', pool({ eips: ['203.0.113.10', '203.0.113.11'] }, 'eippool-demo2')],
  ])('E2 E3 accept a %s pool', (_name, doc) => {
    expect(run(doc)).toEqual([]);
  });

  it('E1 warns when the name exceeds 29 bytes (counting bytes, not characters)', () => {
    expect(summary(pool({ eips: ['203.0.113.10'] }, 'a'.repeat(29)))).toEqual([]);
    expect(summary(pool({ eips: ['203.0.113.10'] }, 'a'.repeat(30)))).toEqual([
      'E1 warning metadata.name',
    ]);
    expect(summary(pool({ eips: ['203.0.113.10'] }, 'pool-池子池子池子池子池子'))).toEqual([
      'E1 warning metadata.name',
    ]);
  });

  it('E1 explains metadata written as "name:x" without the space', () => {
    const [violation] = run({
      kind: 'EIPPool',
      metadata: 'name:eippool-demo2',
      spec: { eips: ['203.0.113.10'] },
    });
    expect(violation?.message.en).toContain('name: eippool-demo2');
  });

  it('E2 refuses a pool that is both dynamic and static, or neither', () => {
    expect(summary(pool({ amount: 1, eipAttributes: {}, eips: ['203.0.113.1'] }))).toEqual([
      'E2 error spec',
    ]);
    expect(summary(pool({}))).toEqual(['E2 error spec']);
  });

  it.each([
    ['amount above 500', dynamic({}, 501), 'spec.amount'],
    ['negative amount', dynamic({}, -1), 'spec.amount'],
    ['fractional amount', dynamic({}, 2.5), 'spec.amount'],
    ['no amount', pool({ eipAttributes: { networkType: '5_bgp', bandwidth: per } }), 'spec.amount'],
    ['no eipAttributes', pool({ amount: 1 }), 'spec.eipAttributes'],
    ['unknown network', dynamic({ networkType: '5_gold' }), 'spec.eipAttributes.networkType'],
    ['no network', dynamic({ networkType: undefined }), 'spec.eipAttributes.networkType'],
    ['ipVersion 5', dynamic({ ipVersion: 5 }), 'spec.eipAttributes.ipVersion'],
    ['quoted ipVersion', dynamic({ ipVersion: '4' }), 'spec.eipAttributes.ipVersion'],
    ['no bandwidth', dynamic({ bandwidth: undefined }), 'spec.eipAttributes.bandwidth'],
    [
      'shareType SHARED',
      dynamic({ bandwidth: { ...per, shareType: 'SHARED' } }),
      'spec.eipAttributes.bandwidth.shareType',
    ],
    [
      'PER size 0',
      dynamic({ bandwidth: { ...per, size: 0 } }),
      'spec.eipAttributes.bandwidth.size',
    ],
    [
      'PER size 201',
      dynamic({ bandwidth: { ...per, size: 201 } }),
      'spec.eipAttributes.bandwidth.size',
    ],
    [
      'PER without size',
      dynamic({ bandwidth: { shareType: 'PER' } }),
      'spec.eipAttributes.bandwidth.size',
    ],
    [
      'PER charge mode',
      dynamic({ bandwidth: { ...per, chargeMode: 'free' } }),
      'spec.eipAttributes.bandwidth.chargeMode',
    ],
    ['PER with id', dynamic({ bandwidth: { ...per, id: 'x' } }), 'spec.eipAttributes.bandwidth.id'],
    [
      'WHOLE without id',
      dynamic({ bandwidth: { shareType: 'WHOLE' } }),
      'spec.eipAttributes.bandwidth.id',
    ],
    [
      'WHOLE with size',
      dynamic({ bandwidth: { ...whole, size: 5 } }),
      'spec.eipAttributes.bandwidth.size',
    ],
  ])('E2 flags %s', (_name, doc, path) => {
    expect(summary(doc)).toEqual([`E2 error ${path}`]);
  });

  it('E2 offers to remove what a WHOLE bandwidth does not take', () => {
    const [violation] = run(dynamic({ bandwidth: { ...whole, name: 'bw' } }));
    expect(violation?.fix?.remove).toEqual(['spec.eipAttributes.bandwidth.name']);
  });

  it.each([
    [[], 'spec.eips'],
    [['203.0.113.10', '203.0.113.256'], 'spec.eips[1]'],
    [['2001:db8::1'], 'spec.eips[0]'],
    [['203.0.113.10', '203.0.113.10'], 'spec.eips[1]'],
  ])('E3 flags the static list %j', (eips, path) => {
    expect(summary(pool({ eips }))).toEqual([`E3 error ${path}`]);
  });

  describe('E3 with the EIP inventory', () => {
    const inventory: Record<
      string,
      { id: string; address: string; usedBy?: string; pool?: string }
    > = {
      '203.0.113.10': { id: 'eip-1', address: '203.0.113.10' },
      '203.0.113.11': { id: 'eip-2', address: '203.0.113.11', usedBy: 'NAT gateway nat-prod' },
      '203.0.113.12': { id: 'eip-3', address: '203.0.113.12', pool: 'other-pool' },
      '203.0.113.13': {
        id: 'eip-4',
        address: '203.0.113.13',
        pool: 'eippool-demo2',
        usedBy: 'pod web-1',
      },
    };
    const ctx: RuleContext = { eipByAddress: (address) => inventory[address] };
    const check = (address: string) => run(pool({ eips: [address] }, 'eippool-demo2'), ctx);

    it('E3 accepts an existing unused EIP, and one the same pool already holds', () => {
      expect(check('203.0.113.10')).toEqual([]);
      expect(check('203.0.113.13')).toEqual([]);
    });

    it('E3 refuses an EIP used by NAT or ELB, naming the user', () => {
      const [violation] = check('203.0.113.11');
      expect(violation?.message.en).toContain('NAT gateway nat-prod');
      expect(violation?.message['zh-CN']).toContain('NAT gateway nat-prod');
    });

    it('E3 refuses unknown EIPs and EIPs of another pool', () => {
      expect(check('203.0.113.99')[0]?.message.en).toContain('no EIP with address 203.0.113.99');
      expect(check('203.0.113.12')[0]?.message.en).toContain('EIPPool other-pool');
    });
  });
});
