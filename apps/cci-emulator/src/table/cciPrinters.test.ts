import { describe, expect, it } from 'vitest';
import { rowByColumn } from './rowByColumn.ts';
import { toTable } from './toTable.ts';

const now = new Date('2024-05-01T12:00:00Z');
const created39mAgo = '2024-05-01T11:21:00Z';

function table(kind: string, object: object) {
  return toTable({ kind, objects: [object], now, includeObject: 'None' });
}

function row(kind: string, object: object): Record<string, unknown> {
  const t = table(kind, object);
  return { columns: t.columnDefinitions.map((c) => c.name.toUpperCase()), ...rowByColumn(t) };
}

const dynamicPool = (amount: number, status?: object) => ({
  apiVersion: 'crd.yangtse.cni/v1',
  kind: 'EIPPool',
  metadata: { name: 'eippool-demo1', namespace: 'ns1', creationTimestamp: created39mAgo },
  spec: {
    amount,
    eipAttributes: {
      networkType: '5_bgp',
      ipVersion: 4,
      bandwidth: { name: 'cci-eippool-demo1', chargeMode: 'bandwidth', shareType: 'PER', size: 5 },
    },
  },
  ...(status ? { status } : {}),
});

describe('E4 kubectl get eippool', () => {
  it('shows NAME EIPS USAGE AGE as the guide does on creation: eippool-demo1 0/3 0/3 39m', () => {
    const r = row('EIPPool', dynamicPool(3));
    expect(r).toEqual({
      columns: ['NAME', 'EIPS', 'USAGE', 'AGE'],
      Name: 'eippool-demo1',
      EIPs: '0/3',
      Usage: '0/3',
      Age: '39m',
    });
  });

  it('counts EIPs held by pods (1/3) and follows a scale to 5 (0/5)', () => {
    const status = {
      eips: [
        { ip: '116.205.0.1', podName: 'nginx-1' },
        { ip: '116.205.0.2' },
        { ip: '116.205.0.3', pod: '' },
      ],
    };
    expect(row('EIPPool', dynamicPool(3, status))).toMatchObject({ EIPs: '1/3', Usage: '1/3' });
    expect(row('EIPPool', dynamicPool(5))).toMatchObject({ EIPs: '0/5', Usage: '0/5' });
    expect(row('EIPPool', dynamicPool(3, { usage: 2 }))).toMatchObject({ Usage: '2/3' });
  });

  it('sizes a static pool by its listed addresses and prints ready-made status strings verbatim', () => {
    const staticPool = {
      metadata: { name: 'eippool-demo2', namespace: 'ns1', creationTimestamp: created39mAgo },
      spec: { eips: ['10.246.173.254', '10.246.172.3'] },
    };
    expect(row('EIPPool', staticPool)).toMatchObject({ EIPs: '0/2', Usage: '0/2' });
    expect(row('EIPPool', { ...staticPool, status: { eips: '2/2', usage: '1/2' } })).toMatchObject({
      EIPs: '2/2',
      Usage: '1/2',
    });
  });

  it('types Age as a date like CRD printer columns do', () => {
    expect(table('EIPPool', dynamicPool(3)).columnDefinitions.at(-1)).toMatchObject({
      name: 'Age',
      type: 'date',
    });
  });
});

describe('kubectl get network (N5)', () => {
  it('shows NAME STATUS CIDR AGE', () => {
    const network = {
      apiVersion: 'networking.cci.io/v1beta1',
      kind: 'Network',
      metadata: { name: 'ns1-network', namespace: 'ns1', creationTimestamp: created39mAgo },
      spec: {
        cidr: '192.168.0.0/24',
        attachedVPC: 'vpc-id',
        networkType: 'underlay_neutron',
        subnetID: 's',
      },
      status: { state: 'Active' },
    };
    expect(row('Network', network)).toEqual({
      columns: ['NAME', 'STATUS', 'CIDR', 'AGE'],
      Name: 'ns1-network',
      Status: 'Active',
      CIDR: '192.168.0.0/24',
      Age: '39m',
    });
    expect(row('Network', { ...network, status: undefined }).Status).toBeNull();
  });
});

describe('kubectl get imagesnapshot (S2)', () => {
  it('shows NAME PHASE AGE and SNAPSHOTID in wide', () => {
    const t = table('ImageSnapshot', {
      apiVersion: 'imagecache.cci.io/v1',
      kind: 'ImageSnapshot',
      metadata: { name: 'snap-nginx', creationTimestamp: created39mAgo },
      spec: { images: [{ image: 'nginx:alpine' }], buildingConfig: { namespace: 'ns1' } },
      status: { phase: 'Available', snapshotID: '3f2a1c4e-0000-4000-8000-000000000001' },
    });
    expect(t.columnDefinitions.map((c) => [c.name.toUpperCase(), c.priority])).toEqual([
      ['NAME', 0],
      ['PHASE', 0],
      ['AGE', 0],
      ['SNAPSHOTID', 1],
    ]);
    expect(t.rows[0]?.cells).toEqual([
      'snap-nginx',
      'Available',
      '39m',
      '3f2a1c4e-0000-4000-8000-000000000001',
    ]);
    expect(row('ImageSnapshot', { metadata: { name: 's' } })).toMatchObject({
      Phase: null,
      Age: '<unknown>',
      SnapshotID: null,
    });
  });
});
