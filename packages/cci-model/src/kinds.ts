/**
 * The one table of every kind CCI serves. The emulator's discovery, the BFF's allow-list and
 * the web's screens all read it, so a kind is described here once.
 */
export type Verb =
  'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch';

export type Subresource =
  | 'status'
  | 'scale'
  | 'log'
  | 'proxy'
  // Streaming (upgraded to a WebSocket): kubectl exec, attach, cp and port-forward.
  | 'exec'
  | 'attach'
  | 'portforward';

export interface KindDescriptor {
  /** API group; '' is the core group served under /api. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly verbs: readonly Verb[];
  readonly subresources: readonly Subresource[];
  readonly categories: readonly string[];
  /** OpenAPI definition name of the object's schema (see schemas). */
  readonly definition: string;
  /**
   * Versions of one resource share storage (an Ingress created as extensions/v1beta1 is
   * readable as networking.k8s.io/v1beta1), so storage is keyed by this, not by group/version.
   */
  readonly storageKey: string;
  /** Rule S4: ImageSnapshots support no watch and no label/field selectors. */
  readonly supportsWatch: boolean;
  readonly supportsSelectors: boolean;
}

const allVerbs: readonly Verb[] = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
const readOnlyVerbs: readonly Verb[] = ['get', 'list', 'watch'];

interface KindInput {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  definition: string;
  shortNames?: string[];
  verbs?: readonly Verb[];
  subresources?: Subresource[];
  categories?: string[];
  storageKey?: string;
  supportsWatch?: boolean;
  supportsSelectors?: boolean;
}

function describeKind(input: KindInput): KindDescriptor {
  return {
    group: input.group,
    version: input.version,
    kind: input.kind,
    plural: input.plural,
    singular: input.kind.toLowerCase(),
    namespaced: input.namespaced,
    shortNames: input.shortNames ?? [],
    verbs: input.verbs ?? allVerbs,
    subresources: input.subresources ?? [],
    categories: input.categories ?? [],
    definition: input.definition,
    storageKey: input.storageKey ?? `${input.group}/${input.plural}`,
    supportsWatch: input.supportsWatch ?? true,
    supportsSelectors: input.supportsSelectors ?? true,
  };
}

export const kinds: readonly KindDescriptor[] = [
  describeKind({
    group: '',
    version: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
    namespaced: false,
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: ['status'],
    definition: 'io.k8s.api.core.v1.Namespace',
  }),
  describeKind({
    group: '',
    version: 'v1',
    kind: 'Pod',
    plural: 'pods',
    namespaced: true,
    shortNames: ['po'],
    subresources: ['status', 'log', 'proxy', 'exec', 'attach', 'portforward'],
    categories: ['all'],
    definition: 'io.k8s.api.core.v1.Pod',
  }),
  describeKind({
    group: '',
    version: 'v1',
    kind: 'Service',
    plural: 'services',
    namespaced: true,
    shortNames: ['svc'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: ['status'],
    categories: ['all'],
    definition: 'io.k8s.api.core.v1.Service',
  }),
  describeKind({
    group: '',
    version: 'v1',
    kind: 'Endpoints',
    plural: 'endpoints',
    namespaced: true,
    shortNames: ['ep'],
    definition: 'io.k8s.api.core.v1.Endpoints',
  }),
  describeKind({
    group: '',
    version: 'v1',
    kind: 'ConfigMap',
    plural: 'configmaps',
    namespaced: true,
    shortNames: ['cm'],
    definition: 'io.k8s.api.core.v1.ConfigMap',
  }),
  describeKind({
    group: '',
    version: 'v1',
    kind: 'Secret',
    plural: 'secrets',
    namespaced: true,
    definition: 'io.k8s.api.core.v1.Secret',
  }),
  describeKind({
    group: '',
    version: 'v1',
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    namespaced: true,
    shortNames: ['pvc'],
    subresources: ['status'],
    definition: 'io.k8s.api.core.v1.PersistentVolumeClaim',
  }),
  describeKind({
    group: '',
    version: 'v1',
    kind: 'Event',
    plural: 'events',
    namespaced: true,
    shortNames: ['ev'],
    definition: 'io.k8s.api.core.v1.Event',
  }),
  describeKind({
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    plural: 'deployments',
    namespaced: true,
    shortNames: ['deploy'],
    subresources: ['status', 'scale'],
    categories: ['all'],
    definition: 'io.k8s.api.apps.v1.Deployment',
  }),
  describeKind({
    group: 'apps',
    version: 'v1',
    kind: 'ReplicaSet',
    plural: 'replicasets',
    namespaced: true,
    shortNames: ['rs'],
    subresources: ['status', 'scale'],
    categories: ['all'],
    definition: 'io.k8s.api.apps.v1.ReplicaSet',
  }),
  describeKind({
    group: 'batch',
    version: 'v1',
    kind: 'Job',
    plural: 'jobs',
    namespaced: true,
    subresources: ['status'],
    categories: ['all'],
    definition: 'io.k8s.api.batch.v1.Job',
  }),
  // Versions of one resource (same storage, same shape): the first listed is the preferred one.
  ...(['v1', 'v1beta1'] as const).map((version) =>
    describeKind({
      group: 'batch',
      version,
      kind: 'CronJob',
      plural: 'cronjobs',
      namespaced: true,
      shortNames: ['cj'],
      subresources: ['status'],
      categories: ['all'],
      definition: `io.k8s.api.batch.${version}.CronJob`,
      storageKey: 'cronjobs',
    }),
  ),
  ...(
    [
      ['extensions', 'extensions'],
      ['networking.k8s.io', 'networking'],
    ] as const
  ).map(([group, definitionGroup]) =>
    describeKind({
      group,
      version: 'v1beta1',
      kind: 'Ingress',
      plural: 'ingresses',
      namespaced: true,
      shortNames: ['ing'],
      subresources: ['status'],
      definition: `io.k8s.api.${definitionGroup}.v1beta1.Ingress`,
      storageKey: 'ingresses',
    }),
  ),
  describeKind({
    group: 'networking.cci.io',
    version: 'v1beta1',
    kind: 'Network',
    plural: 'networks',
    namespaced: true,
    subresources: ['status'],
    definition: 'io.cci.networking.v1beta1.Network',
  }),
  describeKind({
    group: 'crd.yangtse.cni',
    version: 'v1',
    kind: 'EIPPool',
    plural: 'eippools',
    namespaced: true,
    subresources: ['status'],
    definition: 'cni.yangtse.crd.v1.EIPPool',
  }),
  describeKind({
    group: 'imagecache.cci.io',
    version: 'v1',
    kind: 'ImageSnapshot',
    plural: 'imagesnapshots',
    namespaced: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update'],
    subresources: ['status'],
    definition: 'io.cci.imagecache.v1.ImageSnapshot',
    supportsWatch: false,
    supportsSelectors: false,
  }),
];

/** The version a client gets by default for a group (first listed wins). */
export function groupVersions(): Map<string, string[]> {
  const byGroup = new Map<string, string[]>();
  for (const k of kinds) {
    const versions = byGroup.get(k.group) ?? [];
    if (!versions.includes(k.version)) versions.push(k.version);
    byGroup.set(k.group, versions);
  }
  return byGroup;
}

export function apiVersionOf(k: Pick<KindDescriptor, 'group' | 'version'>): string {
  return k.group === '' ? k.version : `${k.group}/${k.version}`;
}

/** What to look a kind up by; every given field must match (apiVersion is "group/version"). */
export interface KindQuery {
  group?: string;
  version?: string;
  apiVersion?: string;
  kind?: string;
  plural?: string;
  storageKey?: string;
}

function matches(k: KindDescriptor, q: KindQuery): boolean {
  return (
    (q.group === undefined || k.group === q.group) &&
    (q.version === undefined || k.version === q.version) &&
    (q.apiVersion === undefined || apiVersionOf(k) === q.apiVersion) &&
    (q.kind === undefined || k.kind === q.kind) &&
    (q.plural === undefined || k.plural === q.plural) &&
    (q.storageKey === undefined || k.storageKey === q.storageKey)
  );
}

/** The first kind of the table matching the query (so a group's preferred version first). */
export function findKind(query: KindQuery): KindDescriptor | undefined {
  return kinds.find((k) => matches(k, query));
}

/** Every kind matching the query, in table order. */
export function findKinds(query: KindQuery): KindDescriptor[] {
  return kinds.filter((k) => matches(k, query));
}

export function findKindByResource(
  group: string,
  version: string,
  plural: string,
): KindDescriptor | undefined {
  return findKind({ group, version, plural });
}

export function findKindByApiVersion(apiVersion: string, kind: string): KindDescriptor | undefined {
  return findKind({ apiVersion, kind });
}

/**
 * Served from a CustomResourceDefinition (CCI's Network, EIPPool, ImageSnapshot) rather than
 * built into Kubernetes: such kinds take no strategic merge patch, as on a real API server.
 */
export function isCustomKind(kind: Pick<KindDescriptor, 'definition'>): boolean {
  return !kind.definition.startsWith('io.k8s.');
}

export { readOnlyVerbs };
