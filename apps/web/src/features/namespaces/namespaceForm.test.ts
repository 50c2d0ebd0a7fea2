import { describe, expect, it } from 'vitest';
import {
  canCreate,
  checkNetwork,
  emptyNetwork,
  namespaceManifest,
  namespaceNameProblem,
  networkManifest,
  type NamespaceForm,
} from './namespaceForm.ts';

const network = {
  ...emptyNetwork,
  vpcId: 'vpc-1',
  subnetId: 'subnet-1',
  networkId: 'net-1',
  securityGroup: 'sg-1',
  domainId: 'dom-1',
  projectId: 'proj-1',
};
const form: NamespaceForm = {
  flavor: 'gpu-accelerated',
  name: 'team-a',
  enterpriseProject: '',
  network,
};

describe('namespace wizard form', () => {
  it('checks the name as a DNS-1123 label, unique in the region', () => {
    expect(namespaceNameProblem('', undefined)).toBe('required');
    expect(namespaceNameProblem('Team_A', undefined)).toBe('dns1123');
    expect(namespaceNameProblem('-a', undefined)).toBe('dns1123');
    expect(namespaceNameProblem('a'.repeat(64), undefined)).toBe('tooLong');
    expect(namespaceNameProblem('demo', new Set(['demo']))).toBe('taken');
    expect(namespaceNameProblem('team-a', new Set(['demo']))).toBeUndefined();
  });

  it('N1 N2 N3 builds the namespace with flavor, enterprise project "0" and finalizers', () => {
    expect(namespaceManifest(form)).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'team-a',
        labels: { sys_enterprise_project_id: '0' },
        annotations: { 'namespace.kubernetes.io/flavor': 'gpu-accelerated' },
      },
      spec: { finalizers: ['kubernetes'] },
    });
  });

  it('N5 builds the network in the namespace with underlay_neutron', () => {
    const doc = networkManifest('team-a', network) as {
      metadata: { name: string; namespace: string };
      spec: Record<string, string>;
    };
    expect(doc.metadata).toMatchObject({ name: 'team-a-network', namespace: 'team-a' });
    expect(doc.spec).toMatchObject({ subnetID: 'subnet-1', networkType: 'underlay_neutron' });
  });

  it('N5 reports each missing id on its field and a malformed CIDR', () => {
    const check = checkNetwork('team-a', { ...network, vpcId: '', domainId: ' ', cidr: '10.0.0' });
    expect(Object.keys(check.errors).sort()).toEqual(['cidr', 'domainId', 'vpcId']);
    expect(check.errors.cidr?.rule).toBe('N5');
  });

  it('N6 an overlap with 10.247.0.0/16 needs an explicit confirmation', () => {
    const overlapping = { ...form, network: { ...network, cidr: '10.247.0.0/24' } };
    expect(checkNetwork('team-a', overlapping.network).serviceRangeOverlap?.rule).toBe('N6');
    expect(canCreate(overlapping, new Set(), false)).toBe(false);
    expect(canCreate(overlapping, new Set(), true)).toBe(true);
    expect(canCreate(form, new Set(), false)).toBe(true);
    expect(canCreate(form, new Set(['team-a']), false)).toBe(false);
  });
});
