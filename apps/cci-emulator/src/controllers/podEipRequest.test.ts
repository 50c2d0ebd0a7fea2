import { describe, expect, it } from 'vitest';
import { changedEipAnnotations, eipAnnotationFingerprint, eipRequestOf } from './podEipRequest.ts';

describe('pod EIP annotations', () => {
  it('EIP3: eip-id wins over pod-with-eip, which wins over eip-pool', () => {
    const all = {
      'yangtse.io/eip-id': 'id-1',
      'yangtse.io/pod-with-eip': 'true',
      'yangtse.io/eip-pool': 'p',
    };
    expect(eipRequestOf(all)).toEqual({ mode: 'id', eipId: 'id-1' });
    const { 'yangtse.io/eip-id': _id, ...noId } = all;
    expect(eipRequestOf(noId).mode).toBe('pod');
    expect(eipRequestOf({ 'yangtse.io/eip-pool': 'p' })).toEqual({ mode: 'pool', pool: 'p' });
    expect(
      eipRequestOf({ 'yangtse.io/pod-with-eip': 'false', 'yangtse.io/eip-pool': 'p' }).mode,
    ).toBe('pool');
    expect(eipRequestOf(undefined)).toEqual({ mode: 'none' });
  });

  it('EIP1: defaults are 5 Mbit/s, 5_bgp, bandwidth billing; a shared bandwidth takes only its id', () => {
    expect(eipRequestOf({ 'yangtse.io/pod-with-eip': 'true' })).toEqual({
      mode: 'pod',
      options: {
        networkType: '5_bgp',
        bandwidth: { shareType: 'PER', size: 5, chargeMode: 'bandwidth' },
      },
    });
    expect(
      eipRequestOf({
        'yangtse.io/pod-with-eip': 'true',
        'yangtse.io/eip-bandwidth-id': 'bw',
        'yangtse.io/eip-bandwidth-size': '9',
      }),
    ).toEqual({
      mode: 'pod',
      options: { networkType: '5_bgp', bandwidth: { shareType: 'WHOLE', id: 'bw' } },
    });
    const invalid = eipRequestOf({
      'yangtse.io/pod-with-eip': 'true',
      'yangtse.io/eip-bandwidth-size': 'big',
    });
    expect(invalid).toMatchObject({
      mode: 'pod',
      invalid: expect.stringContaining('eip-bandwidth-size'),
    });
  });

  it('EIP4: the fingerprint ignores the allocated annotation and names what changed', () => {
    const before = eipAnnotationFingerprint({ 'yangtse.io/eip-pool': 'a' });
    expect(
      eipAnnotationFingerprint({
        'yangtse.io/eip-pool': 'a',
        'yangtse.io/allocated-ipv4-eip': '192.0.2.1',
        x: 'y',
      }),
    ).toBe(before);
    const after = eipAnnotationFingerprint({
      'yangtse.io/eip-pool': 'b',
      'yangtse.io/pod-with-eip': 'true',
    });
    expect(changedEipAnnotations(before, after)).toEqual([
      'yangtse.io/pod-with-eip',
      'yangtse.io/eip-pool',
    ]);
  });
});
