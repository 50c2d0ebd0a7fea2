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
    expect(findRegion('cn-east-3')?.cciEndpoint).toBe('https://cci.cn-east-3.myhuaweicloud.com');
    expect(findRegion('cn-east-3')?.iamEndpoint).toBe('https://iam.cn-east-3.myhuaweicloud.com');
    expect(findRegion('nowhere')).toBeUndefined();
  });
});
