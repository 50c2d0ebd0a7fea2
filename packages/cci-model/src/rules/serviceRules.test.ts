import { describe, expect, it } from 'vitest';
import { serviceRules } from './serviceRules.ts';
import type { RuleViolation } from './types.ts';

type Doc = Record<string, unknown>;

function service(spec: Doc, annotations?: Record<string, string>): Doc {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'nginx', ...(annotations ? { annotations } : {}) },
    spec: { selector: { app: 'nginx' }, ...spec },
  };
}
const port = { name: 'service0', port: 8080, targetPort: 80, protocol: 'TCP' };
const validate = (doc: Doc): RuleViolation[] => serviceRules.flatMap((rule) => rule(doc, {}));
const summary = (doc: Doc) => validate(doc).map((v) => `${v.rule} ${v.severity} ${v.path}`);

describe('serviceRules', () => {
  it.each([
    ['ClusterIP', service({ type: 'ClusterIP', ports: [port] })],
    ['default type', service({ ports: [port] })],
    [
      'LoadBalancer with an ELB',
      service({ type: 'LoadBalancer', ports: [port] }, { 'kubernetes.io/elb.id': 'elb-1' }),
    ],
    ['headless without ports', service({ clusterIP: 'None' })],
    [
      'named targetPort, UDP',
      service({ ports: [{ port: 53, targetPort: 'dns', protocol: 'UDP' }] }),
    ],
  ])('SV1 SV2 accept %s', (_name, doc) => {
    expect(validate(doc)).toEqual([]);
  });

  it('SV1 refuses NodePort, says why and offers ClusterIP', () => {
    const [violation] = validate(service({ type: 'NodePort', ports: [port] }));
    expect(violation?.rule).toBe('SV1');
    expect(violation?.path).toBe('spec.type');
    expect(violation?.message.en).toContain('no nodes');
    expect(violation?.message['zh-CN']).toContain('NodePort');
    expect(violation?.fix?.set).toEqual([{ path: 'spec.type', value: 'ClusterIP' }]);
  });

  it('SV1 refuses ExternalName and unknown types', () => {
    expect(
      summary(service({ type: 'ExternalName', externalName: 'db.example.com', ports: [port] })),
    ).toEqual(['SV1 error spec.type']);
    expect(validate(service({ type: 'ExternalName', ports: [port] }))[0]?.message.en).toContain(
      'ExternalName',
    );
    expect(summary(service({ type: 'Ingress', ports: [port] }))).toEqual(['SV1 error spec.type']);
  });

  it.each([
    [{ ...port, port: 0 }, 'spec.ports[0].port'],
    [{ ...port, port: 65536 }, 'spec.ports[0].port'],
    [{ ...port, port: '8080' }, 'spec.ports[0].port'],
    [{ ...port, targetPort: 70000 }, 'spec.ports[0].targetPort'],
    [{ ...port, targetPort: 'Not_A_Name' }, 'spec.ports[0].targetPort'],
    [{ ...port, protocol: 'SCTP' }, 'spec.ports[0].protocol'],
    [{ ...port, nodePort: 30080 }, 'spec.ports[0].nodePort'],
  ])('SV1 flags the bad port %j at %s', (bad, path) => {
    expect(summary(service({ ports: [bad] }))).toEqual([`SV1 error ${path}`]);
  });

  it('SV1 needs ports, names them when there are several, and keeps names unique', () => {
    expect(summary(service({}))).toEqual(['SV1 error spec.ports']);
    const unnamed = { port: 80, targetPort: 80 };
    expect(summary(service({ ports: [unnamed, { ...unnamed, port: 81 }] }))).toEqual([
      'SV1 error spec.ports[0].name',
      'SV1 error spec.ports[1].name',
    ]);
    expect(summary(service({ ports: [port, { ...port, port: 81 }] }))).toEqual([
      'SV1 error spec.ports[1].name',
    ]);
  });

  it('SV1 only warns about nodePort on a LoadBalancer and offers to remove it', () => {
    const doc = service(
      { type: 'LoadBalancer', ports: [{ ...port, nodePort: 30080 }] },
      { 'kubernetes.io/elb.id': 'e' },
    );
    const [violation] = validate(doc);
    expect(violation?.severity).toBe('warning');
    expect(violation?.fix?.remove).toEqual(['spec.ports[0].nodePort']);
  });

  it('SV2 requires kubernetes.io/elb.id on a LoadBalancer Service', () => {
    expect(summary(service({ type: 'LoadBalancer', ports: [port] }))).toEqual([
      'SV2 error metadata.annotations["kubernetes.io/elb.id"]',
    ]);
    expect(
      summary(service({ type: 'LoadBalancer', ports: [port] }, { 'kubernetes.io/elb.id': ' ' })),
    ).toEqual(['SV2 error metadata.annotations["kubernetes.io/elb.id"]']);
  });

  it('SV2 warns that an ELB id on a ClusterIP Service does nothing', () => {
    expect(summary(service({ ports: [port] }, { 'kubernetes.io/elb.id': 'elb-1' }))).toEqual([
      'SV2 warning metadata.annotations["kubernetes.io/elb.id"]',
    ]);
  });
});
