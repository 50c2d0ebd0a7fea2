/**
 * The namespace-and-network wizard's form as pure data: the two manifests it sends (N1-N3, N5)
 * and what is wrong with each field, from the shared CCI validators (@cci/model
 * validateDocument) plus the checks only the console can make (name syntax and uniqueness).
 */
import {
  DNS1123_LABEL_MAX,
  isDns1123Label,
  namespaceDefaults,
  validateDocument,
  type RuleViolation,
} from '@cci/model';

export type Flavor = 'general-computing' | 'gpu-accelerated';

export interface NetworkFields {
  vpcId: string;
  subnetId: string;
  networkId: string;
  cidr: string;
  securityGroup: string;
  domainId: string;
  projectId: string;
}

export interface NamespaceForm {
  flavor: Flavor;
  name: string;
  enterpriseProject: string;
  network: NetworkFields;
}

export const emptyNetwork: NetworkFields = {
  vpcId: '',
  subnetId: '',
  networkId: '',
  cidr: '192.168.0.0/24',
  securityGroup: '',
  domainId: '',
  projectId: '',
};

export type NameProblem = 'required' | 'tooLong' | 'dns1123' | 'taken';

/** Namespace names are DNS-1123 labels and unique in the region. */
export function namespaceNameProblem(
  name: string,
  existing: ReadonlySet<string> | undefined,
): NameProblem | undefined {
  if (name === '') return 'required';
  if (name.length > DNS1123_LABEL_MAX) return 'tooLong';
  if (!isDns1123Label(name)) return 'dns1123';
  if (existing?.has(name)) return 'taken';
  return undefined;
}

export function networkName(namespace: string): string {
  return `${namespace}-network`;
}

/** N1-N3: flavor annotation, enterprise project label, finalizers (defaults from the model). */
export function namespaceManifest(form: NamespaceForm): Record<string, unknown> {
  return namespaceDefaults({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: form.name,
      labels: { sys_enterprise_project_id: form.enterpriseProject.trim() || '0' },
      annotations: { 'namespace.kubernetes.io/flavor': form.flavor },
    },
    spec: { finalizers: ['kubernetes'] },
  });
}

/** N5: the Network that attaches the namespace to a VPC subnet. */
export function networkManifest(namespace: string, n: NetworkFields): Record<string, unknown> {
  return {
    apiVersion: 'networking.cci.io/v1beta1',
    kind: 'Network',
    metadata: {
      name: networkName(namespace),
      namespace,
      annotations: {
        'network.alpha.kubernetes.io/default-security-group': n.securityGroup.trim(),
        'network.alpha.kubernetes.io/domain-id': n.domainId.trim(),
        'network.alpha.kubernetes.io/project-id': n.projectId.trim(),
      },
    },
    spec: {
      cidr: n.cidr.trim(),
      attachedVPC: n.vpcId.trim(),
      networkID: n.networkId.trim(),
      networkType: 'underlay_neutron',
      subnetID: n.subnetId.trim(),
    },
  };
}

const fieldByPath: Record<string, keyof NetworkFields> = {
  'spec.cidr': 'cidr',
  'spec.attachedVPC': 'vpcId',
  'spec.networkID': 'networkId',
  'spec.subnetID': 'subnetId',
};

/** Which form field a Network violation belongs to (annotations by their key suffix). */
export function networkFieldOf(path: string): keyof NetworkFields | undefined {
  if (fieldByPath[path]) return fieldByPath[path];
  if (path.includes('default-security-group')) return 'securityGroup';
  if (path.includes('domain-id')) return 'domainId';
  if (path.includes('project-id')) return 'projectId';
  return undefined;
}

export interface NetworkCheck {
  /** Errors by field: creation is blocked while any is set. */
  errors: Partial<Record<keyof NetworkFields, RuleViolation>>;
  /** N6: the CIDR overlaps the Service range; allowed only after an explicit confirmation. */
  serviceRangeOverlap: RuleViolation | undefined;
}

export function checkNetwork(namespace: string, fields: NetworkFields): NetworkCheck {
  const errors: NetworkCheck['errors'] = {};
  let serviceRangeOverlap: RuleViolation | undefined;
  for (const v of validateDocument(networkManifest(namespace, fields))) {
    if (v.rule === 'N6') serviceRangeOverlap = v;
    const field = networkFieldOf(v.path);
    if (v.severity === 'error' && field && !errors[field]) errors[field] = v;
  }
  return { errors, serviceRangeOverlap };
}

/** Errors of the namespace manifest itself (N1-N3); the form only builds valid ones. */
export function namespaceErrors(form: NamespaceForm): RuleViolation[] {
  return validateDocument(namespaceManifest(form)).filter((v) => v.severity === 'error');
}

export function canCreate(
  form: NamespaceForm,
  existing: ReadonlySet<string> | undefined,
  overlapConfirmed: boolean,
): boolean {
  const check = checkNetwork(form.name, form.network);
  return (
    namespaceNameProblem(form.name, existing) === undefined &&
    namespaceErrors(form).length === 0 &&
    Object.keys(check.errors).length === 0 &&
    (check.serviceRangeOverlap === undefined || overlapConfirmed)
  );
}
