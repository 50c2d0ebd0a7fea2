import { describe, expect, it } from 'vitest';
import { ingressRules } from './ingressRules.ts';
import type { RuleViolation } from './types.ts';

type Doc = Record<string, unknown>;

const backend = { serviceName: 'nginx', servicePort: 8080 };
function ingress(
  overrides: { apiVersion?: string; labels?: Doc; annotations?: Doc; spec?: Doc } = {},
): Doc {
  return {
    apiVersion: overrides.apiVersion ?? 'extensions/v1beta1',
    kind: 'Ingress',
    metadata: {
      name: 'nginx',
      labels: overrides.labels ?? { isExternal: 'true', zone: 'data' },
      annotations: overrides.annotations ?? {
        'kubernetes.io/elb.id': '2d48d034-6046-48db-8bb2-53c67e8148b5',
        'kubernetes.io/elb.port': '6071',
      },
    },
    spec: overrides.spec ?? { rules: [{ http: { paths: [{ path: '/', backend }] } }] },
  };
}
const validate = (doc: Doc): RuleViolation[] => ingressRules.flatMap((rule) => rule(doc, {}));
const errors = (doc: Doc) =>
  validate(doc)
    .filter((v) => v.severity === 'error')
    .map((v) => `${v.rule} ${v.path}`);

describe('ingressRules', () => {
  it.each([
    ['extensions/v1beta1', ingress()],
    ['networking.k8s.io/v1beta1', ingress({ apiVersion: 'networking.k8s.io/v1beta1' })],
    [
      'host, elb.ip, tls and a named port',
      ingress({
        annotations: {
          'kubernetes.io/elb.id': 'x',
          'kubernetes.io/elb.port': '443',
          'kubernetes.io/elb.ip': '192.168.1.10',
        },
        spec: {
          rules: [
            {
              host: 'www.example.com',
              http: { paths: [{ backend: { serviceName: 's1', servicePort: 'http' } }] },
            },
          ],
          tls: [{ secretName: 'cci-sslcertificate-1' }],
        },
      }),
    ],
    ['only a default backend', ingress({ spec: { backend } })],
  ])('IG1 accepts %s', (_name, doc) => {
    expect(errors(doc)).toEqual([]);
  });

  it('IG1 refuses networking.k8s.io/v1 and offers extensions/v1beta1', () => {
    const [violation] = validate(ingress({ apiVersion: 'networking.k8s.io/v1' }));
    expect(violation?.path).toBe('apiVersion');
    expect(violation?.fix?.set).toEqual([{ path: 'apiVersion', value: 'extensions/v1beta1' }]);
  });

  it('IG1 wants the reserved labels as exact strings, with a fix', () => {
    const doc = ingress({ labels: { isExternal: true, zone: 'dmz' } });
    const found = validate(doc).filter((v) => v.severity === 'error');
    expect(found.map((v) => v.path)).toEqual([
      'metadata.labels.isExternal',
      'metadata.labels.zone',
    ]);
    expect(found[0]?.message.en).toContain('quoted');
    expect(found[1]?.fix?.set).toEqual([{ path: 'metadata.labels.zone', value: 'data' }]);
  });

  it.each([
    [{ 'kubernetes.io/elb.port': '6071' }, 'metadata.annotations["kubernetes.io/elb.id"]'],
    [{ 'kubernetes.io/elb.id': 'x' }, 'metadata.annotations["kubernetes.io/elb.port"]'],
    [
      { 'kubernetes.io/elb.id': 'x', 'kubernetes.io/elb.port': '0' },
      'metadata.annotations["kubernetes.io/elb.port"]',
    ],
    [
      { 'kubernetes.io/elb.id': 'x', 'kubernetes.io/elb.port': '65536' },
      'metadata.annotations["kubernetes.io/elb.port"]',
    ],
    [
      { 'kubernetes.io/elb.id': 'x', 'kubernetes.io/elb.port': 'http' },
      'metadata.annotations["kubernetes.io/elb.port"]',
    ],
    [
      {
        'kubernetes.io/elb.id': 'x',
        'kubernetes.io/elb.port': '80',
        'kubernetes.io/elb.ip': '10.0.0.300',
      },
      'metadata.annotations["kubernetes.io/elb.ip"]',
    ],
  ])('IG1 checks the ELB annotations %j', (annotations, path) => {
    expect(errors(ingress({ annotations }))).toEqual([`IG1 ${path}`]);
  });

  it('IG1 asks to quote a numeric elb.port and offers the quoted value', () => {
    const doc = ingress({
      annotations: { 'kubernetes.io/elb.id': 'x', 'kubernetes.io/elb.port': 6071 },
    });
    const [violation] = validate(doc);
    expect(violation?.fix?.set).toEqual([
      { path: 'metadata.annotations["kubernetes.io/elb.port"]', value: '6071' },
    ]);
  });

  it.each([
    [{ rules: [{ host: '10.0.0.1', http: { paths: [{ backend }] } }] }, 'spec.rules[0].host'],
    [{ rules: [{ host: 'Foo.com', http: { paths: [{ backend }] } }] }, 'spec.rules[0].host'],
    [{ rules: [{ host: 'a.com' }] }, 'spec.rules[0].http.paths'],
    [
      { rules: [{ http: { paths: [{ path: 'foo', backend }] } }] },
      'spec.rules[0].http.paths[0].path',
    ],
    [{ rules: [{ http: { paths: [{ path: '/' }] } }] }, 'spec.rules[0].http.paths[0].backend'],
    [
      { rules: [{ http: { paths: [{ backend: { servicePort: 80 } }] } }] },
      'spec.rules[0].http.paths[0].backend.serviceName',
    ],
    [
      {
        rules: [
          { http: { paths: [{ backend: { serviceName: 'svc.other-ns', servicePort: 80 } }] } },
        ],
      },
      'spec.rules[0].http.paths[0].backend.serviceName',
    ],
    [
      { rules: [{ http: { paths: [{ backend: { serviceName: 's' } }] } }] },
      'spec.rules[0].http.paths[0].backend.servicePort',
    ],
    [
      { rules: [{ http: { paths: [{ backend }] } }], tls: [{ hosts: ['a.com'] }] },
      'spec.tls[0].secretName',
    ],
    [{}, 'spec.rules'],
  ])('IG1 checks the spec %j at %s', (spec, path) => {
    expect(errors(ingress({ spec }))).toEqual([`IG1 ${path}`]);
  });

  it('IG2 notes once that backends resolve only in the same namespace', () => {
    const infos = validate(ingress()).filter((v) => v.severity === 'info');
    expect(infos.map((v) => `${v.rule} ${v.path}`)).toEqual(['IG2 spec.rules']);
    expect(infos[0]?.message['zh-CN']).toContain('同一命名空间');
  });
});
