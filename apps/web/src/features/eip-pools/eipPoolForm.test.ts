import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/objects.ts';
import {
  checkPool,
  defaultPoolForm,
  parseAddresses,
  podsOfPool,
  poolEips,
  poolManifest,
  poolUsage,
  scaledPool,
} from './eipPoolForm.ts';

const rules = (doc: Record<string, unknown>, ctx = {}) =>
  checkPool(doc, ctx).errors.map((v) => `${v.rule} ${v.path}`);

describe('EIP pool form', () => {
  it('E2 a dedicated (PER) bandwidth sends name, size and charge mode', () => {
    const doc = poolManifest({ ...defaultPoolForm, name: 'p', bandwidthName: 'bw' }, 'demo');
    expect(doc['spec']).toEqual({
      amount: 3,
      eipAttributes: {
        networkType: '5_bgp',
        ipVersion: 4,
        bandwidth: { name: 'bw', size: 5, shareType: 'PER', chargeMode: 'bandwidth' },
      },
    });
    expect(rules(doc)).toEqual([]);
  });

  it('E2 a shared (WHOLE) bandwidth sends only its id, and needs one', () => {
    const form = { ...defaultPoolForm, name: 'p', shareType: 'WHOLE' as const, size: 500 };
    const doc = poolManifest(form, 'demo');
    expect(field(doc)).toEqual({ id: '', shareType: 'WHOLE' });
    expect(rules(doc)).toEqual(['E2 spec.eipAttributes.bandwidth.id']);
    expect(rules(poolManifest({ ...form, bandwidthId: 'bw-1' }, 'demo'))).toEqual([]);
  });

  it('E2 amount 0-500 and size 1-200 are checked as typed (empty input names the field)', () => {
    expect(rules(poolManifest({ ...defaultPoolForm, name: 'p', amount: 501 }, 'demo'))).toEqual([
      'E2 spec.amount',
    ]);
    expect(rules(poolManifest({ ...defaultPoolForm, name: 'p', amount: '' }, 'demo'))).toEqual([
      'E2 spec.amount',
    ]);
    expect(rules(poolManifest({ ...defaultPoolForm, name: 'p', size: 201 }, 'demo'))).toEqual([
      'E2 spec.eipAttributes.bandwidth.size',
    ]);
  });

  it('E1 warns about names over 29 bytes', () => {
    const doc = poolManifest({ ...defaultPoolForm, name: 'a'.repeat(30) }, 'demo');
    expect(checkPool(doc).warnings.map((v) => v.rule)).toContain('E1');
  });

  it('E3 a static pool lists addresses; malformed ones and NAT/ELB-used ones are refused', () => {
    expect(parseAddresses(' 203.0.113.11,203.0.113.12\n\n203.0.113.13 ')).toEqual([
      '203.0.113.11',
      '203.0.113.12',
      '203.0.113.13',
    ]);
    const form = { ...defaultPoolForm, name: 's', mode: 'static' as const };
    const doc = poolManifest({ ...form, eipsText: '203.0.113.15\n1.2.3' }, 'demo');
    expect(doc['spec']).toEqual({ eips: ['203.0.113.15', '1.2.3'] });
    const ctx = {
      eipByAddress: (address: string) =>
        address === '203.0.113.15' ? { id: 'x', address, usedBy: 'nat' } : undefined,
    };
    const errors = checkPool(doc, ctx).errors;
    expect(errors.map((v) => v.path)).toEqual(['spec.eips[0]', 'spec.eips[1]']);
    expect(errors[0]?.message.en).toContain('NAT');
  });

  it('E4 E6 reads usage, the EIPs and the pods holding them', () => {
    const pool: KubeObject = {
      metadata: { name: 'p' },
      spec: { amount: 3 },
      status: {
        usage: '1/3',
        eips: [
          { address: '1.1.1.1', eipID: 'a', podName: 'web-1' },
          { address: '1.1.1.2', eipID: 'b' },
        ],
      },
    };
    expect(poolUsage(pool)).toEqual({ used: 1, total: 3 });
    expect(poolEips(pool)[0]).toEqual({ address: '1.1.1.1', eipID: 'a', pod: 'web-1' });
    const pods: KubeObject[] = [
      {
        metadata: {
          name: 'web-1',
          annotations: { 'yangtse.io/eip-pool': 'p', 'yangtse.io/allocated-ipv4-eip': '1.1.1.1' },
        },
      },
      { metadata: { name: 'other', annotations: { 'yangtse.io/eip-pool': 'q' } } },
    ];
    expect(podsOfPool(pods, 'p')).toEqual([{ pod: 'web-1', eip: '1.1.1.1' }]);
    expect(poolUsage({ ...pool, status: { eips: pool.status?.['eips'] } })).toEqual({
      used: 1,
      total: 2,
    });
  });

  it('E5 scaling changes only the amount', () => {
    const pool: KubeObject = {
      metadata: { name: 'p' },
      spec: { amount: 3, eipAttributes: { networkType: '5_bgp' } },
    };
    expect(scaledPool(pool, 1).spec).toEqual({
      amount: 1,
      eipAttributes: { networkType: '5_bgp' },
    });
  });
});

function field(doc: Record<string, unknown>): unknown {
  const spec = doc['spec'] as { eipAttributes: { bandwidth: unknown } };
  return spec.eipAttributes.bandwidth;
}
