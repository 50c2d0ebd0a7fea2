/**
 * The demo's namespaces, Network and EIP pools (N1-N5, E2, E3). The Network carries the ids of
 * the account the emulator serves, so what the console shows matches "My Credentials"; VPC,
 * subnet and security group ids are fixed fakes.
 */
import { seededEip } from '../cloud/eipSeed.ts';
import { DEMO_NAMESPACE, GPU_NAMESPACE, type Manifest } from './demoManifest.ts';

export interface DemoAccountIds {
  domainId: string;
  projectId: string;
}

export const DEMO_SUBNET_CIDR = '192.168.0.0/24';
export const GPU_SUBNET_CIDR = '192.168.1.0/24';
export const DYNAMIC_POOL = 'demo-pool';
export const STATIC_POOL = 'static-pool';

/** N1-N3: flavor annotation, enterprise project label, finalizers [kubernetes]. */
function namespace(name: string, flavor: 'general-computing' | 'gpu-accelerated'): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: { sys_enterprise_project_id: '0' },
      annotations: { 'namespace.kubernetes.io/flavor': flavor },
    },
    spec: { finalizers: ['kubernetes'] },
  };
}

/** N5: the subnet a namespace's pods take their addresses from (N7); one VPC for both. */
function network(
  ids: DemoAccountIds,
  namespace: string,
  subnet: { cidr: string; networkID: string; subnetID: string },
): Manifest {
  return {
    apiVersion: 'networking.cci.io/v1beta1',
    kind: 'Network',
    metadata: {
      name: `${namespace}-network`,
      namespace,
      annotations: {
        'network.alpha.kubernetes.io/default-security-group':
          '3f6c2a1e-8b4d-4e0f-9a2b-6c7d8e9f0a1b',
        'network.alpha.kubernetes.io/domain-id': ids.domainId,
        'network.alpha.kubernetes.io/project-id': ids.projectId,
      },
    },
    spec: {
      cidr: subnet.cidr,
      attachedVPC: '5b2e9c4d-1a3f-4b6e-8d7c-0f1e2d3c4b5a',
      networkID: subnet.networkID,
      networkType: 'underlay_neutron',
      subnetID: subnet.subnetID,
    },
  };
}

/** The namespaces and their Networks; gpu-lab has one so its GPU pod runs (metrics, P3). */
export function demoNamespaces(ids: DemoAccountIds): Manifest[] {
  return [
    namespace(DEMO_NAMESPACE, 'general-computing'),
    namespace(GPU_NAMESPACE, 'gpu-accelerated'),
    network(ids, DEMO_NAMESPACE, {
      cidr: DEMO_SUBNET_CIDR,
      networkID: '9d8c7b6a-5f4e-4d3c-8b2a-1e0f9d8c7b6a',
      subnetID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    }),
    network(ids, GPU_NAMESPACE, {
      cidr: GPU_SUBNET_CIDR,
      networkID: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
      subnetID: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
    }),
  ];
}

/**
 * E2: a dynamic pool of three EIPs with dedicated 5 Mbit/s bandwidth; E3: a static pool taking
 * over the last two free EIPs of the seeded inventory (the first two stay free for EIP2).
 */
export function demoEipPools(): Manifest[] {
  const free = seededEip.free.slice(-2).map((eip) => eip.address);
  return [
    {
      apiVersion: 'crd.yangtse.cni/v1',
      kind: 'EIPPool',
      metadata: { name: DYNAMIC_POOL, namespace: DEMO_NAMESPACE },
      spec: {
        amount: 3,
        eipAttributes: {
          networkType: '5_bgp',
          ipVersion: 4,
          bandwidth: {
            name: `cci-${DYNAMIC_POOL}`,
            chargeMode: 'bandwidth',
            shareType: 'PER',
            size: 5,
          },
        },
      },
    },
    {
      apiVersion: 'crd.yangtse.cni/v1',
      kind: 'EIPPool',
      metadata: { name: STATIC_POOL, namespace: DEMO_NAMESPACE },
      spec: { eips: free },
    },
  ];
}
