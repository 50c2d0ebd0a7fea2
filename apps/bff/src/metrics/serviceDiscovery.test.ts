import { findRegion, type Region } from '@cci/model';
import { describe, expect, it } from 'vitest';
import { podObject } from './metrics.testkit.ts';
import { bearerToken, SdTokens } from './sdTokens.ts';
import { sdTargetGroups } from './serviceDiscovery.ts';

describe('Prometheus http_sd targets', () => {
  const region = { ...(findRegion('cn-north-4') as Region), cciEndpoint: 'https://127.0.0.1:6443' };

  it('M1: lists running pods with metrics on, as API server proxy paths with namespace/pod labels', () => {
    const pods = [
      podObject('web', { annotations: { 'monitoring.cci.io/metrics-port': '9100' } }),
      podObject('off', { annotations: { 'monitoring.cci.io/enable-pod-metrics': 'false' } }),
      podObject('pending', { phase: 'Pending', podIP: '' }),
      podObject('elsewhere', { namespace: 'other' }),
      podObject('api', {
        annotations: { 'monitoring.cci.io/metrics-tls-cert-reference': 'cert/server.crt' },
      }),
    ];
    expect(sdTargetGroups(region, 'ns1', pods)).toEqual([
      {
        targets: ['127.0.0.1:6443'],
        labels: {
          __scheme__: 'https',
          __metrics_path__: '/api/v1/namespaces/ns1/pods/https:api:19100/proxy/metrics',
          namespace: 'ns1',
          pod: 'api',
          cci_region: 'cn-north-4',
        },
      },
      {
        targets: ['127.0.0.1:6443'],
        labels: {
          __scheme__: 'https',
          __metrics_path__: '/api/v1/namespaces/ns1/pods/web:9100/proxy/metrics',
          namespace: 'ns1',
          pod: 'web',
          cci_region: 'cn-north-4',
        },
      },
    ]);
  });

  it('keeps an endpoint base path and port (a CCI endpoint behind a gateway)', () => {
    const behind = { ...region, cciEndpoint: 'http://127.0.0.1:8443/cci/' };
    const [group] = sdTargetGroups(behind, 'ns1', [podObject('web')]);
    expect(group?.targets).toEqual(['127.0.0.1:8443']);
    expect(group?.labels['__scheme__']).toBe('http');
    expect(group?.labels['__metrics_path__']).toBe(
      '/cci/api/v1/namespaces/ns1/pods/web:19100/proxy/metrics',
    );
  });
});

describe('SD tokens', () => {
  it('are random, bound to one session, replaced by a new one and revocable', async () => {
    const tokens = new SdTokens();
    const first = await tokens.create('s1');
    expect(first).toMatch(/^cci-sd_[A-Za-z0-9_-]{43}$/);
    expect(await tokens.sessionOf(first)).toBe('s1');
    const second = await tokens.create('s1');
    expect(second).not.toBe(first);
    expect(await tokens.sessionOf(first)).toBeUndefined();
    expect(await tokens.sessionOf(second)).toBe('s1');
    await tokens.revoke('s1');
    expect(await tokens.sessionOf(second)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('accept only a well-formed Bearer header; the session id itself is no token', async () => {
    const tokens = new SdTokens();
    await tokens.create('s1');
    expect(await tokens.sessionOf('s1')).toBeUndefined();
    expect(bearerToken('Bearer cci-sd_abc')).toBe('cci-sd_abc');
    expect(bearerToken('cci-sd_abc')).toBe('cci-sd_abc'); // Prometheus 2.42 without `type`
    for (const h of [
      undefined,
      '',
      'Basic abc',
      'Bearer',
      'Bearer a b',
      'abc',
      'Basic cci-sd_abc',
    ]) {
      expect(bearerToken(h)).toBeUndefined();
    }
  });
});
