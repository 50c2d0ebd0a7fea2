import { describe, expect, it } from 'vitest';
import {
  checkMetricsAgentMemory,
  checkMetricsAnnotations,
  checkMetricsTlsReferences,
} from './metricsRules.ts';

type Doc = Record<string, unknown>;
const at = (key: string) => `spec.template.metadata.annotations["${key}"]`;

/** The seed's nginx-tls Deployment (ch. 10, 配置tls证书), with overrides. */
function nginxTls(
  annotations: Doc = {},
  memory = '2048Mi',
  volumes: Doc[] = [{ name: 'cert', secret: { secretName: 'cert', defaultMode: 384 } }],
): Doc {
  const base: Doc = {
    'monitoring.cci.io/enable-pod-metrics': 'true',
    'monitoring.cci.io/metrics-port': '19100',
    'monitoring.cci.io/metrics-tls-cert-reference': 'cert/server.crt',
    'monitoring.cci.io/metrics-tls-key-reference': 'cert/server.key',
    'monitoring.cci.io/metrics-tls-ca-reference': 'cert/ca.crt',
    'sandbox-volume.openvessel.io/volume-names': 'cert',
  };
  const merged = Object.fromEntries(
    Object.entries({ ...base, ...annotations }).filter(([, value]) => value !== undefined),
  );
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx-tls' },
    spec: {
      template: {
        metadata: { labels: { app: 'nginx-tls' }, annotations: merged },
        spec: {
          volumes,
          containers: [
            {
              name: 'container-0',
              image: 'nginx:alpine',
              resources: { limits: { cpu: '1000m', memory }, requests: { cpu: '1000m', memory } },
            },
          ],
          imagePullSecrets: [{ name: 'imagepull-secret' }],
        },
      },
    },
  };
}

describe('M1 metrics annotations', () => {
  it('M1 accepts the seed configuration and any case of true/false', () => {
    expect(checkMetricsAnnotations(nginxTls(), {})).toEqual([]);
    expect(
      checkMetricsAnnotations(nginxTls({ 'monitoring.cci.io/enable-pod-metrics': 'FALSE' }), {}),
    ).toEqual([]);
    expect(
      checkMetricsAnnotations(nginxTls({ 'monitoring.cci.io/enable-pod-metrics': 'True' }), {}),
    ).toEqual([]);
  });

  it.each(['yes', '1', ''])('M1 rejects enable-pod-metrics %j', (value) => {
    const found = checkMetricsAnnotations(
      nginxTls({ 'monitoring.cci.io/enable-pod-metrics': value }),
      {},
    );
    expect(found.map((v) => [v.rule, v.severity, v.path])).toEqual([
      ['M1', 'error', at('monitoring.cci.io/enable-pod-metrics')],
    ]);
  });

  it('M1 offers to quote a YAML boolean', () => {
    const [found] = checkMetricsAnnotations(
      nginxTls({ 'monitoring.cci.io/enable-pod-metrics': true }),
      {},
    );
    expect(found?.fix?.set?.[0]?.value).toBe('true');
  });

  it.each(['1', '65535', '8080'])('M1 accepts port %s', (port) => {
    expect(
      checkMetricsAnnotations(nginxTls({ 'monitoring.cci.io/metrics-port': port }), {}),
    ).toEqual([]);
  });

  it.each(['0', '65536', '80a', '-1', '1.5', ''])('M1 rejects port %j', (port) => {
    const found = checkMetricsAnnotations(nginxTls({ 'monitoring.cci.io/metrics-port': port }), {});
    expect(found.map((v) => v.path)).toEqual([at('monitoring.cci.io/metrics-port')]);
    expect(found[0]?.fix).toBeUndefined();
  });

  it('M1 asks to quote a numeric port and offers the string', () => {
    const [found] = checkMetricsAnnotations(
      nginxTls({ 'monitoring.cci.io/metrics-port': 19100 }),
      {},
    );
    expect(found?.message.en).toContain('"19100"');
    expect(found?.fix?.set?.[0]?.value).toBe('19100');
  });
});

describe('M2 metrics TLS references', () => {
  it('M2 accepts the seed TLS configuration', () => {
    expect(checkMetricsTlsReferences(nginxTls(), {})).toEqual([]);
  });

  it('M2 rejects a reference without volume/key form', () => {
    const found = checkMetricsTlsReferences(
      nginxTls({ 'monitoring.cci.io/metrics-tls-ca-reference': 'ca.crt' }),
      {},
    );
    expect(found.map((v) => v.path)).toEqual([at('monitoring.cci.io/metrics-tls-ca-reference')]);
  });

  it('M2 rejects a reference to a volume the pod lacks', () => {
    const found = checkMetricsTlsReferences(nginxTls({}, '2048Mi', []), {});
    expect(found).toHaveLength(3);
    expect(found[0]?.message.en).toContain('"cert"');
  });

  it('M2 rejects a volume missing from the sandbox volume list and offers to add it', () => {
    const found = checkMetricsTlsReferences(
      nginxTls({ 'sandbox-volume.openvessel.io/volume-names': 'other' }),
      {},
    );
    expect(found.map((v) => v.rule)).toEqual(['M2', 'M2', 'M2']);
    expect(found[0]?.fix?.set).toEqual([
      { path: at('sandbox-volume.openvessel.io/volume-names'), value: 'other,cert' },
    ]);
  });

  it('M2 accepts a comma separated sandbox list', () => {
    const doc = nginxTls({ 'sandbox-volume.openvessel.io/volume-names': 'logs, cert' });
    expect(checkMetricsTlsReferences(doc, {})).toEqual([]);
  });

  it('M2 requires the key with the certificate', () => {
    const found = checkMetricsTlsReferences(
      nginxTls({ 'monitoring.cci.io/metrics-tls-key-reference': undefined }),
      {},
    );
    expect(found.map((v) => v.path)).toEqual([at('monitoring.cci.io/metrics-tls-key-reference')]);
  });
});

describe('M4 metrics agent memory', () => {
  it('M4 warns on a 128Mi pod with metrics on by default', () => {
    const doc = nginxTls({ 'monitoring.cci.io/enable-pod-metrics': undefined }, '128Mi');
    const found = checkMetricsAgentMemory(doc, {});
    expect(found.map((v) => [v.rule, v.severity])).toEqual([['M4', 'warning']]);
    expect(found[0]?.message.en).toContain('30 MB');
    expect(found[0]?.fix?.set?.[0]?.value).toBe('false');
  });

  it.each([
    ['metrics are off', { 'monitoring.cci.io/enable-pod-metrics': 'False' }, '128Mi'],
    ['the pod has 2Gi', {}, '2048Mi'],
    ['the pod has exactly 256Mi', {}, '256Mi'],
  ])('M4 is quiet when %s', (_, annotations, memory) => {
    expect(checkMetricsAgentMemory(nginxTls(annotations, memory), {})).toEqual([]);
  });
});
