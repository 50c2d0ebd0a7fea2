/**
 * EIPPool (crd.yangtse.cni/v1): a namespaced pool of elastic public IPs that pods draw from
 * through the `yangtse.io/eip-pool` annotation. Seed chapter 7, rules E1-E5.
 */
import type { GroupVersionKind, OpenApiSchema } from './openapi-schema.ts';
import { definitionRef } from './openapi-schema.ts';
import {
  listDefinition,
  objectMetaName,
  refTo,
  typeMetaProperties,
} from './crd-building-blocks.ts';

// Definition names reverse the group, as Kubernetes does for its own (crd.yangtse.cni → cni.yangtse.crd).
const prefix = 'cni.yangtse.crd.v1.';
const eipPoolName = `${prefix}EIPPool`;
const gvk: GroupVersionKind = { group: 'crd.yangtse.cni', version: 'v1', kind: 'EIPPool' };

const eipNetworkTypes = ['5_telcom', '5_union', '5_bgp', '5_sbgp', '5_ipv6'] as const;

export const eipPoolDefinitions: Record<string, OpenApiSchema> = {
  [eipPoolName]: {
    description:
      'EIPPool holds elastic public IPs (EIPs) for the pods of its namespace. A dynamic pool ' +
      '(spec.amount + spec.eipAttributes) has CCI create the EIPs; a static pool (spec.eips) ' +
      'takes over existing, unused EIPs. A pod annotated yangtse.io/eip-pool: <pool> gets one ' +
      'EIP, reported in its yangtse.io/allocated-ipv4-eip annotation. A pool in use by a pod ' +
      'cannot be deleted; deleting a pool deletes its EIPs.',
    type: 'object',
    properties: {
      ...typeMetaProperties(gvk),
      metadata: refTo(
        objectMetaName,
        'Standard object metadata. Names longer than 29 bytes are truncated for the ' +
          'underlying cloud resources. The pool serves only pods of its own namespace.',
      ),
      spec: refTo(`${prefix}EIPPoolSpec`, 'Which EIPs the pool holds.'),
      status: refTo(`${prefix}EIPPoolStatus`, 'The EIPs of the pool and their use.'),
    },
    'x-kubernetes-group-version-kind': [gvk],
  },
  [`${prefix}EIPPoolList`]: listDefinition(eipPoolName, gvk),
  [`${prefix}EIPPoolSpec`]: {
    description:
      'EIPPoolSpec describes either a dynamic pool (amount and eipAttributes) or a static ' +
      'pool (eips), not both. Of a dynamic pool only amount can change later (scaling); a ' +
      'static pool can add or remove addresses.',
    type: 'object',
    properties: {
      amount: {
        description:
          'Dynamic pool: how many EIPs CCI keeps in the pool, 0 to 500. Scaling down never ' +
          'removes an EIP in use; it goes once released.',
        type: 'integer',
        format: 'int32',
        minimum: 0,
        maximum: 500,
      },
      eipAttributes: refTo(
        `${prefix}EIPAttributes`,
        'Dynamic pool: the kind of EIP and bandwidth CCI creates.',
      ),
      eips: {
        description:
          'Static pool: addresses of existing, unused EIPs to take over. Taking over an EIP ' +
          'already used by NAT or ELB fails.',
        type: 'array',
        items: { type: 'string' },
      },
    },
  },
  [`${prefix}EIPAttributes`]: {
    description: 'EIPAttributes describes the EIPs a dynamic pool creates.',
    type: 'object',
    properties: {
      networkType: {
        description:
          'EIP line type: 5_telcom (China Telecom), 5_union (China Unicom), 5_bgp (dynamic ' +
          'BGP), 5_sbgp (static BGP) or 5_ipv6; the region must support it.',
        type: 'string',
        enum: [...eipNetworkTypes],
      },
      ipVersion: {
        description: 'IP version of the EIPs: 4 (default) or 6.',
        type: 'integer',
        format: 'int32',
        enum: [4, 6],
        default: 4,
      },
      bandwidth: refTo(`${prefix}EIPBandwidth`, 'Bandwidth of the EIPs.'),
    },
  },
  [`${prefix}EIPBandwidth`]: {
    description:
      'EIPBandwidth is either dedicated (shareType PER, with name, size and chargeMode) or ' +
      'shared (shareType WHOLE, with only the id of an existing shared bandwidth).',
    type: 'object',
    required: ['shareType'],
    properties: {
      shareType: {
        description: 'PER: a dedicated bandwidth per EIP. WHOLE: an existing shared bandwidth.',
        type: 'string',
        enum: ['PER', 'WHOLE'],
      },
      id: {
        description: 'ID of the shared bandwidth; required with WHOLE, and then nothing else.',
        type: 'string',
      },
      name: { description: 'Name of the dedicated bandwidth (PER).', type: 'string' },
      size: {
        description: 'Size of the dedicated bandwidth in Mbit/s, 1 to 200 (regions may differ).',
        type: 'integer',
        format: 'int32',
        minimum: 1,
        maximum: 200,
      },
      chargeMode: {
        description: 'Billing by bandwidth (default) or by traffic.',
        type: 'string',
        enum: ['bandwidth', 'traffic'],
        default: 'bandwidth',
      },
    },
  },
  [`${prefix}EIPPoolStatus`]: {
    description: 'EIPPoolStatus lists the EIPs the pool holds and how many are in use.',
    type: 'object',
    properties: {
      eips: {
        description: 'One entry per EIP of the pool; podName is set while a pod holds it.',
        type: 'array',
        items: { $ref: definitionRef(`${prefix}PoolEIP`) },
      },
      usage: {
        description: 'EIPs in use over EIPs in the pool, e.g. "1/3" (the USAGE column).',
        type: 'string',
      },
    },
  },
  [`${prefix}PoolEIP`]: {
    description: 'PoolEIP is one EIP of a pool and the pod holding it, if any.',
    type: 'object',
    required: ['address'],
    properties: {
      address: { description: 'Public IP address of the EIP.', type: 'string' },
      eipID: { description: 'ID of the EIP in the VPC service.', type: 'string' },
      podName: {
        description: 'Name of the pod (in the pool namespace) holding the EIP; unset if free.',
        type: 'string',
      },
    },
  },
};
