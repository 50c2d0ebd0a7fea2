import { describe, expect, it } from 'vitest';
import {
  checkNetworkFields,
  checkServiceRangeOverlap,
  cidrsOverlap,
  parseIpv4Cidr,
} from './networkRules.ts';
import { seedFixture } from './seedFixtures.testkit.ts';

function network(patch: { annotations?: Record<string, unknown>; spec?: Record<string, unknown> }) {
  const doc = seedFixture('03-02-network.yaml') as {
    metadata: { annotations: Record<string, unknown> };
    spec: Record<string, unknown>;
  };
  Object.assign(doc.metadata.annotations, patch.annotations);
  Object.assign(doc.spec, patch.spec);
  for (const [key, value] of Object.entries(doc.metadata.annotations)) {
    if (value === undefined) delete doc.metadata.annotations[key];
  }
  for (const [key, value] of Object.entries(doc.spec))
    if (value === undefined) delete doc.spec[key];
  return doc as unknown as Record<string, unknown>;
}

const domainId = 'network.alpha.kubernetes.io/domain-id';

describe('N5 Network fields', () => {
  it('N5 accepts the seed Network', () => {
    expect(checkNetworkFields(network({}))).toEqual([]);
  });

  it('N5 accepts domain_id spelled with an underscore', () => {
    const doc = network({
      annotations: { [domainId]: undefined, 'network.alpha.kubernetes.io/domain_id': 'd1' },
    });
    expect(checkNetworkFields(doc)).toEqual([]);
  });

  it.each([
    [{ annotations: { [domainId]: undefined } }, `metadata.annotations["${domainId}"]`],
    [
      { annotations: { 'network.alpha.kubernetes.io/project-id': '' } },
      'metadata.annotations["network.alpha.kubernetes.io/project-id"]',
    ],
    [
      { annotations: { 'network.alpha.kubernetes.io/default-security-group': undefined } },
      'metadata.annotations["network.alpha.kubernetes.io/default-security-group"]',
    ],
    [{ spec: { attachedVPC: undefined } }, 'spec.attachedVPC'],
    [{ spec: { networkID: '' } }, 'spec.networkID'],
    [{ spec: { subnetID: 42 } }, 'spec.subnetID'],
    [{ spec: { networkType: 'overlay_l2' } }, 'spec.networkType'],
    [{ spec: { networkType: undefined } }, 'spec.networkType'],
    [{ spec: { cidr: undefined } }, 'spec.cidr'],
    [{ spec: { cidr: '192.168.0.0' } }, 'spec.cidr'],
    [{ spec: { cidr: '192.168.300.0/24' } }, 'spec.cidr'],
    [{ spec: { cidr: '192.168.0.0/33' } }, 'spec.cidr'],
  ])('N5 rejects %j at %s', (patch, path) => {
    const found = checkNetworkFields(network(patch));
    expect(found.map((v) => [v.rule, v.path, v.severity])).toEqual([['N5', path, 'error']]);
  });

  it('N5 offers underlay_neutron for a wrong networkType', () => {
    const [found] = checkNetworkFields(network({ spec: { networkType: 'vxlan' } }));
    expect(found?.fix?.set).toEqual([{ path: 'spec.networkType', value: 'underlay_neutron' }]);
  });

  it('N5 rejects a cidr with host bits and offers the network address', () => {
    const [found] = checkNetworkFields(network({ spec: { cidr: '192.168.0.17/24' } }));
    expect(found?.fix?.set).toEqual([{ path: 'spec.cidr', value: '192.168.0.0/24' }]);
  });
});

describe('N6 Service range', () => {
  it.each(['10.247.0.0/16', '10.247.3.0/24', '10.0.0.0/8', '10.246.0.0/15'])(
    'N6 warns that %s overlaps the Service range',
    (cidr) => {
      const found = checkServiceRangeOverlap(network({ spec: { cidr } }));
      expect(found.map((v) => [v.rule, v.severity, v.path])).toEqual([
        ['N6', 'warning', 'spec.cidr'],
      ]);
      expect(found[0]?.message.en).toContain('Service');
      expect(found[0]?.message['zh-CN']).toContain('10.247.0.0/16');
    },
  );

  it.each(['192.168.0.0/24', '10.248.0.0/16', '10.246.0.0/16', 'bogus'])(
    'N6 accepts %s',
    (cidr) => {
      expect(checkServiceRangeOverlap(network({ spec: { cidr } }))).toEqual([]);
    },
  );

  it('N6 overlap is symmetric and exact at the edges', () => {
    const service = parseIpv4Cidr('10.247.0.0/16');
    const below = parseIpv4Cidr('10.246.255.0/24');
    const inside = parseIpv4Cidr('10.247.255.255/32');
    if (!service || !below || !inside) throw new Error('unparsed');
    expect(cidrsOverlap(service, below)).toBe(false);
    expect(cidrsOverlap(inside, service)).toBe(true);
  });
});
