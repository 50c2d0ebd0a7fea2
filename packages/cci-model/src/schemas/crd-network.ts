/**
 * Network (networking.cci.io/v1beta1): ties a namespace to a VPC subnet. Seed chapter 3,
 * rules N4, N5, N7.
 */
import type { GroupVersionKind, OpenApiSchema } from './openapi-schema.ts';
import {
  listDefinition,
  objectMetaName,
  refTo,
  typeMetaProperties,
} from './crd-building-blocks.ts';

const prefix = 'io.cci.networking.v1beta1.';
const networkName = `${prefix}Network`;
const gvk: GroupVersionKind = { group: 'networking.cci.io', version: 'v1beta1', kind: 'Network' };

/** Annotations CCI reads from a Network's metadata (rule N5). */
const networkAnnotations = {
  defaultSecurityGroup: 'network.alpha.kubernetes.io/default-security-group',
  domainId: 'network.alpha.kubernetes.io/domain-id',
  projectId: 'network.alpha.kubernetes.io/project-id',
} as const;

export const networkDefinitions: Record<string, OpenApiSchema> = {
  [networkName]: {
    description:
      'Network links a namespace to a subnet of a VPC. Pods and Services created in the ' +
      'namespace take their IP addresses from that subnet; a namespace without a Network is ' +
      'shown as abnormal until one is created.',
    type: 'object',
    properties: {
      ...typeMetaProperties(gvk),
      metadata: refTo(
        objectMetaName,
        'Standard object metadata. CCI reads the annotations ' +
          `${networkAnnotations.defaultSecurityGroup} (security group ID), ` +
          `${networkAnnotations.domainId} (account ID) and ` +
          `${networkAnnotations.projectId} (project ID).`,
      ),
      spec: refTo(`${prefix}NetworkSpec`, 'The VPC and subnet the namespace uses.'),
      status: refTo(`${prefix}NetworkStatus`, 'Most recently observed state of the Network.'),
    },
    'x-kubernetes-group-version-kind': [gvk],
  },
  [`${prefix}NetworkList`]: listDefinition(networkName, gvk),
  [`${prefix}NetworkSpec`]: {
    description: 'NetworkSpec names the VPC subnet the namespace is attached to.',
    type: 'object',
    required: ['attachedVPC', 'cidr', 'networkID', 'networkType', 'subnetID'],
    properties: {
      attachedVPC: { description: 'ID of the VPC (from the VPC console).', type: 'string' },
      cidr: {
        description:
          'CIDR block of the subnet, e.g. 192.168.0.0/24. Avoid 10.247.0.0/16: CCI reserves ' +
          'it for Services, so it is only safe when no Service is used.',
        type: 'string',
      },
      networkID: {
        description: 'Network ID of the subnet (VPC console > Subnets).',
        type: 'string',
      },
      networkType: {
        description: 'Network mode; CCI supports only underlay_neutron.',
        type: 'string',
        enum: ['underlay_neutron'],
      },
      subnetID: { description: 'ID of the subnet (VPC console > Subnets).', type: 'string' },
    },
  },
  [`${prefix}NetworkStatus`]: {
    description: 'NetworkStatus is the observed state of a Network.',
    type: 'object',
    properties: {
      state: {
        description:
          'Lifecycle state: Initializing while the subnet is being attached, Active once pods ' +
          'can use it, Failed if attaching failed.',
        type: 'string',
      },
    },
  },
};
