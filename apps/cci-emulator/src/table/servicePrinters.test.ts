import { describe, expect, it } from 'vitest';
import { rowByColumn } from './rowByColumn.ts';
import { toTable } from './toTable.ts';

const now = new Date('2024-05-01T12:00:00Z');
const metadata = { name: 'coredns', namespace: 'ns1', creationTimestamp: '2024-04-28T12:00:00Z' };

function row(kind: string, object: object): Record<string, unknown> {
  const t = toTable({ kind, objects: [object], now, includeObject: 'None' });
  return { columns: t.columnDefinitions.map((c) => c.name.toUpperCase()), ...rowByColumn(t) };
}

describe('kubectl get service', () => {
  it('prints a ClusterIP service with "53/UDP,53/TCP" ports and the selector in wide', () => {
    const r = row('Service', {
      metadata,
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.247.3.10',
        clusterIPs: ['10.247.3.10'],
        selector: { 'k8s-app': 'kube-dns', app: 'coredns' },
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        ],
      },
    });
    expect(r.columns).toEqual([
      'NAME',
      'TYPE',
      'CLUSTER-IP',
      'EXTERNAL-IP',
      'PORT(S)',
      'AGE',
      'SELECTOR',
    ]);
    expect(r).toMatchObject({
      Type: 'ClusterIP',
      'Cluster-IP': '10.247.3.10',
      'External-IP': '<none>',
      'Port(s)': '53/UDP,53/TCP',
      Age: '3d',
      Selector: 'app=coredns,k8s-app=kube-dns',
    });
  });

  it('prints node ports, pending and assigned load balancers, headless and external names', () => {
    const lb = {
      type: 'LoadBalancer',
      clusterIP: '10.247.1.2',
      ports: [{ port: 80, nodePort: 30080 }],
    };
    expect(row('Service', { metadata, spec: lb })).toMatchObject({
      'External-IP': '<pending>',
      'Port(s)': '80:30080/TCP',
      Selector: '<none>',
    });
    expect(
      row('Service', {
        metadata,
        spec: lb,
        status: { loadBalancer: { ingress: [{ ip: '100.85.1.1' }] } },
      })['External-IP'],
    ).toBe('100.85.1.1');
    expect(row('Service', { metadata, spec: { clusterIP: 'None' } })).toMatchObject({
      Type: 'ClusterIP',
      'Cluster-IP': 'None',
      'Port(s)': '<none>',
    });
    expect(
      row('Service', { metadata, spec: { type: 'ExternalName', externalName: 'db.example.com' } }),
    ).toMatchObject({
      'Cluster-IP': '<none>',
      'External-IP': 'db.example.com',
    });
  });
});

describe('kubectl get endpoints', () => {
  const subset = (ips: string[], ports: number[]) => ({
    addresses: ips.map((ip) => ({ ip })),
    ports: ports.map((port) => ({ port, protocol: 'TCP' })),
  });
  it.each([
    [[], '<none>'],
    [[subset(['192.168.0.5'], [80])], '192.168.0.5:80'],
    [
      [subset(['192.168.0.5', '192.168.0.6'], [80, 443])],
      '192.168.0.5:80,192.168.0.6:80,192.168.0.5:443 + 1 more...',
    ],
    [[subset(['192.168.0.5'], [])], '192.168.0.5'],
    [[subset(['fd00::1'], [8080])], '[fd00::1]:8080'],
    [[{ notReadyAddresses: [{ ip: '192.168.0.9' }], ports: [{ port: 80 }] }], '<none>'],
  ])('%j -> %s', (subsets, expected) => {
    const r = row('Endpoints', { metadata, subsets });
    expect(r.columns).toEqual(['NAME', 'ENDPOINTS', 'AGE']);
    expect(r.Endpoints).toBe(expected);
  });
});

describe('kubectl get ingress', () => {
  it('prints class, hosts, address and ports', () => {
    const r = row('Ingress', {
      metadata,
      spec: {
        ingressClassName: 'cce',
        rules: [
          { host: 'a.example.com' },
          {},
          { host: 'b.example.com' },
          { host: 'c.example.com' },
          { host: 'd' },
        ],
        tls: [{ hosts: ['a.example.com'] }],
      },
      status: { loadBalancer: { ingress: [{ ip: '100.85.1.1' }] } },
    });
    expect(r.columns).toEqual(['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE']);
    expect(r).toMatchObject({
      Class: 'cce',
      Hosts: 'a.example.com,b.example.com,c.example.com + 2 more...',
      Address: '100.85.1.1',
      Ports: '80, 443',
    });
    expect(row('Ingress', { metadata, spec: { rules: [{}] } })).toMatchObject({
      Class: '<none>',
      Hosts: '*',
      Address: '',
      Ports: '80',
    });
  });
});
