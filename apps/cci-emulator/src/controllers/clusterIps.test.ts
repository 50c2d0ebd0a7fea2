import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/types.ts';
import {
  allocateClusterIp,
  ipv4ToNumber,
  isInServiceRange,
  numberToIpv4,
  pickFreeAddress,
  serviceDnsName,
} from './clusterIps.ts';

const svc = (name: string, clusterIP?: string): KubeObject => ({
  metadata: { name, namespace: 'ns' },
  spec: clusterIP ? { clusterIP } : {},
});

describe('ClusterIP allocation', () => {
  it('SV3 skips the network, first and broadcast addresses of the range', () => {
    const base = ipv4ToNumber('10.0.0.0') ?? 0;
    for (const seed of ['a', 'b', 'c', 'd', 'e'])
      expect(pickFreeAddress(base, 4, new Set(), seed)).toBe('10.0.0.2');
    expect(pickFreeAddress(base, 4, new Set(['10.0.0.2']), 'a')).toBeUndefined();
  });

  it('SV3 gives the same address for the same name and probes past a taken one', () => {
    const first = allocateClusterIp([], 'ns', 'nginx');
    expect(first && isInServiceRange(first)).toBe(true);
    expect(allocateClusterIp([svc('other')], 'ns', 'nginx')).toBe(first);
    const next = allocateClusterIp([svc('holder', first)], 'ns', 'nginx');
    expect(next).toBe(numberToIpv4((ipv4ToNumber(first ?? '') ?? 0) + 1));
  });

  it('SV3 knows the Service range', () => {
    expect(isInServiceRange('10.247.9.190')).toBe(true);
    expect(isInServiceRange('10.248.0.1')).toBe(false);
    expect(isInServiceRange('not-an-ip')).toBe(false);
  });

  it('SV4 names a Service <svc>.<namespace>.svc.cluster.local', () => {
    expect(serviceDnsName('nginx', 'ns-a')).toBe('nginx.ns-a.svc.cluster.local');
  });
});
