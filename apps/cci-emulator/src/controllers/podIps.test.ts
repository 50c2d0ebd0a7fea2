import { describe, expect, it } from 'vitest';
import { allocatePodIp, cidrContains, parseCidr } from './podIps.ts';

describe('pod IP allocation (N7)', () => {
  it('N7 skips the network, gateway and broadcast addresses', () => {
    expect(allocatePodIp('192.168.0.0/24', new Set())).toBe('192.168.0.2');
    const used = new Set(Array.from({ length: 253 }, (_, i) => `192.168.0.${i + 2}`));
    expect(used.has('192.168.0.254')).toBe(true);
    expect(used.has('192.168.0.255')).toBe(false);
    expect(allocatePodIp('192.168.0.0/24', used)).toBe(undefined);
    used.delete('192.168.0.200');
    expect(allocatePodIp('192.168.0.0/24', used)).toBe('192.168.0.200');
  });

  it('N7 hands out distinct addresses and carries into the next octet', () => {
    const used = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const ip = allocatePodIp('10.1.0.0/16', used);
      expect(ip).toBeDefined();
      used.add(ip as string);
    }
    expect(used.size).toBe(300);
    expect(used.has('10.1.1.45')).toBe(true);
    expect([...used].every((ip) => cidrContains(parseCidr('10.1.0.0/16')!, ip))).toBe(true);
  });

  it('normalizes a host address to its network and rejects malformed CIDRs', () => {
    expect(parseCidr('192.168.3.77/24')).toEqual(parseCidr('192.168.3.0/24'));
    expect(allocatePodIp('192.168.3.77/24', new Set())).toBe('192.168.3.2');
    expect(parseCidr('192.168.0.0')).toBeUndefined();
    expect(parseCidr('192.168.0.300/24')).toBeUndefined();
    expect(parseCidr('192.168.0.0/33')).toBeUndefined();
    expect(cidrContains(parseCidr('192.168.0.0/24')!, '192.168.1.1')).toBe(false);
  });
});
