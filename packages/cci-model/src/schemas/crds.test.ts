import { describe, expect, it } from 'vitest';
import { checkAgainst } from './check-json-schema.testkit.ts';
import { resolveRef, toJsonSchema } from './index.ts';
import type { OpenApiSchema } from './openapi-schema.ts';

function field(definition: string, path: string): OpenApiSchema | undefined {
  let schema = resolveRef(`#/definitions/${definition}`);
  for (const name of path.split('.')) {
    const next = schema?.properties?.[name];
    schema = next?.$ref
      ? resolveRef(next.$ref)
      : next?.items?.$ref
        ? resolveRef(next.items.$ref)
        : next;
  }
  return schema;
}

const network = {
  apiVersion: 'networking.cci.io/v1beta1',
  kind: 'Network',
  metadata: {
    name: 'test-network',
    annotations: {
      'network.alpha.kubernetes.io/default-security-group': 'security-group-id',
      'network.alpha.kubernetes.io/domain-id': 'domain-id',
      'network.alpha.kubernetes.io/project-id': 'project-id',
    },
  },
  spec: {
    cidr: '192.168.0.0/24',
    attachedVPC: 'vpc-id',
    networkID: 'network-id',
    networkType: 'underlay_neutron',
    subnetID: 'subnet-id',
  },
};

const dynamicPool = {
  apiVersion: 'crd.yangtse.cni/v1',
  kind: 'EIPPool',
  metadata: { name: 'eippool-demo1', namespace: 'xxx' },
  spec: {
    amount: 3,
    eipAttributes: {
      networkType: '5_bgp',
      ipVersion: 4,
      bandwidth: { name: 'cci-eippool-demo1', chargeMode: 'bandwidth', shareType: 'PER', size: 5 },
    },
  },
};

const snapshot = {
  apiVersion: 'imagecache.cci.io/v1',
  kind: 'ImageSnapshot',
  metadata: { name: 'my-imagesnapshot' },
  spec: {
    images: [{ image: 'serverA.com/xx/redis' }, { image: 'nginx:latest' }, { image: 'redis' }],
    registries: [
      { server: 'serverA.com', username: 'userA', password: 'pwdA' },
      { server: 'serverB.com', username: 'userB', password: 'pwdB', plainHTTP: true },
      { server: 'serverC.com', username: 'userC', password: 'pwdC', insecureSkipVerify: true },
    ],
    buildingConfig: { namespace: 'my-namespace-a' },
    evsInfo: { volumeType: 'ssd', volumeSizeGiB: 30, filesystemType: 'ext4' },
    ttlDaysAfterCreated: 20,
  },
  status: {
    snapshotID: 'a1b2c3d4-0000-0000-0000-000000000000',
    snapshotName: 'cci-imagesnapshot-my-imagesnapshot',
    phase: 'Available',
    images: [{ image: 'nginx:latest' }],
  },
};

function errorsOf(definition: string, doc: unknown): string[] {
  return checkAgainst(toJsonSchema(definition, { strict: true }), doc);
}

function withSpec<T extends { spec: object }>(doc: T, spec: object): T {
  return { ...doc, spec: { ...doc.spec, ...spec } };
}

describe('Network (N5)', () => {
  const name = 'io.cci.networking.v1beta1.Network';

  it('N5 accepts the seed example, annotations included', () => {
    expect(errorsOf(name, network)).toEqual([]);
  });

  it('N5 networkType allows only underlay_neutron', () => {
    expect(field(name, 'spec.networkType')?.enum).toEqual(['underlay_neutron']);
    expect(errorsOf(name, withSpec(network, { networkType: 'overlay_l2' }))).toHaveLength(1);
  });

  it('N5 requires the VPC, subnet and CIDR fields', () => {
    const { subnetID: _dropped, ...spec } = network.spec;
    expect(errorsOf(name, { ...network, spec })).toEqual(['$.spec: missing required subnetID']);
  });
});

describe('EIPPool (E1, E2, E3)', () => {
  const name = 'cni.yangtse.crd.v1.EIPPool';

  it('E1 is crd.yangtse.cni/v1 EIPPool', () => {
    expect(resolveRef(`#/definitions/${name}`)?.['x-kubernetes-group-version-kind']).toEqual([
      { group: 'crd.yangtse.cni', version: 'v1', kind: 'EIPPool' },
    ]);
  });

  it('E2 accepts the seed dynamic pools (dedicated and shared bandwidth)', () => {
    expect(errorsOf(name, dynamicPool)).toEqual([]);
    const shared = {
      eipAttributes: { networkType: '5_bgp', bandwidth: { id: 'bw', shareType: 'WHOLE' } },
    };
    expect(errorsOf(name, withSpec(dynamicPool, shared))).toEqual([]);
  });

  it('E2 enums: networkType, ipVersion, shareType, chargeMode (with defaults)', () => {
    const attributes = 'cni.yangtse.crd.v1.EIPAttributes';
    expect(field(attributes, 'networkType')?.enum).toEqual([
      '5_telcom',
      '5_union',
      '5_bgp',
      '5_sbgp',
      '5_ipv6',
    ]);
    expect(field(attributes, 'ipVersion')).toMatchObject({ enum: [4, 6], default: 4 });
    expect(field(attributes, 'bandwidth.shareType')?.enum).toEqual(['PER', 'WHOLE']);
    expect(field(attributes, 'bandwidth.chargeMode')).toMatchObject({
      enum: ['bandwidth', 'traffic'],
      default: 'bandwidth',
    });
  });

  it('E2 bounds amount to 0-500 and bandwidth size to 1-200', () => {
    expect(errorsOf(name, withSpec(dynamicPool, { amount: 501 }))).toEqual([
      '$.spec.amount: above 500',
    ]);
    expect(errorsOf(name, withSpec(dynamicPool, { amount: 0 }))).toEqual([]);
    const bandwidth = { shareType: 'PER', size: 0 };
    const doc = withSpec(dynamicPool, { eipAttributes: { networkType: '5_bgp', bandwidth } });
    expect(errorsOf(name, doc)).toEqual(['$.spec.eipAttributes.bandwidth.size: below 1']);
  });

  it('E3 accepts a static pool listing EIP addresses', () => {
    const staticPool = { ...dynamicPool, spec: { eips: ['10.246.173.254', '10.246.172.3'] } };
    expect(errorsOf(name, staticPool)).toEqual([]);
  });

  it('E4 status lists the EIPs and the usage string', () => {
    const status = { eips: [{ address: '116.205.0.1', podName: 'nginx' }], usage: '1/3' };
    expect(errorsOf(name, { ...dynamicPool, status })).toEqual([]);
  });
});

describe('ImageSnapshot (S1, S2)', () => {
  const name = 'io.cci.imagecache.v1.ImageSnapshot';

  it('S1 S2 accept the seed example with its status', () => {
    expect(errorsOf(name, snapshot)).toEqual([]);
  });

  it('S1 requires images[].image, registries[].server and buildingConfig.namespace', () => {
    const spec = { images: [{}], registries: [{ username: 'u' }], buildingConfig: {} };
    expect(errorsOf(name, { ...snapshot, spec }).sort()).toEqual([
      '$.spec.buildingConfig: missing required namespace',
      '$.spec.images[0]: missing required image',
      '$.spec.registries[0]: missing required server',
    ]);
  });

  it('S1 registry server has no scheme', () => {
    const registries = [{ server: 'https://serverA.com' }];
    expect(errorsOf(name, withSpec(snapshot, { registries }))).toHaveLength(1);
  });

  it('S1 defaults: plainHTTP/insecureSkipVerify false, ssd, 20 GiB, ext4 only, ttl 0', () => {
    const spec = 'io.cci.imagecache.v1.ImageSnapshotSpec';
    expect(field(spec, 'registries.plainHTTP')?.default).toBe(false);
    expect(field(spec, 'registries.insecureSkipVerify')?.default).toBe(false);
    expect(field(spec, 'evsInfo.volumeType')?.default).toBe('ssd');
    expect(field(spec, 'evsInfo.volumeSizeGiB')?.default).toBe(20);
    expect(field(spec, 'evsInfo.filesystemType')).toMatchObject({
      enum: ['ext4'],
      default: 'ext4',
    });
    expect(field(spec, 'ttlDaysAfterCreated')?.default).toBe(0);
  });

  it('S2 phase is Creating, Available, Unavailable or Deleting', () => {
    expect(field(name, 'status.phase')?.enum).toEqual([
      'Creating',
      'Available',
      'Unavailable',
      'Deleting',
    ]);
    const status = { ...snapshot.status, phase: 'Ready' };
    expect(errorsOf(name, { ...snapshot, status })).toEqual(['$.status.phase: Ready not in enum']);
  });

  it('S1 is cluster-scoped imagecache.cci.io/v1 and says so', () => {
    const schema = resolveRef(`#/definitions/${name}`);
    expect(schema?.['x-kubernetes-group-version-kind']).toEqual([
      { group: 'imagecache.cci.io', version: 'v1', kind: 'ImageSnapshot' },
    ]);
    expect(schema?.properties?.['metadata']?.description).toMatch(/cluster-scoped/);
  });
});
