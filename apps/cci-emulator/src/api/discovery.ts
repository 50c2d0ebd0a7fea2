import { apiVersionOf, findKinds, groupVersions, kinds, type KindDescriptor } from '@cci/model';

/** The Kubernetes version CCI reports (the seed's kubectl is 1.19). */
export const serverVersion = {
  major: '1',
  minor: '19',
  gitVersion: 'v1.19.16-cci',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2023-05-30T00:00:00Z',
  goVersion: 'go1.15.15',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const subresourceVerbs: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  scale: ['get', 'patch', 'update'],
  log: ['get'],
  proxy: ['create', 'delete', 'get', 'patch', 'update'],
  exec: ['create', 'get'],
  attach: ['create', 'get'],
  portforward: ['create', 'get'],
};

function resourcesOf(group: string, version: string): unknown[] {
  const out: unknown[] = [];
  for (const k of findKinds({ group, version })) {
    out.push(resourceEntry(k));
    for (const sub of k.subresources) {
      out.push({
        name: `${k.plural}/${sub}`,
        singularName: '',
        namespaced: k.namespaced,
        kind: sub === 'scale' ? 'Scale' : sub === 'status' ? k.kind : kindForRaw(k, sub),
        ...(sub === 'scale' ? { group: 'autoscaling', version: 'v1' } : {}),
        verbs: subresourceVerbs[sub] ?? [],
      });
    }
  }
  return out;
}

const optionsKinds: Record<string, string> = {
  proxy: 'PodProxyOptions',
  exec: 'PodExecOptions',
  attach: 'PodAttachOptions',
  portforward: 'PodPortForwardOptions',
};

function kindForRaw(k: KindDescriptor, sub: string): string {
  return optionsKinds[sub] ?? k.kind;
}

function resourceEntry(k: KindDescriptor): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    name: k.plural,
    singularName: k.singular,
    namespaced: k.namespaced,
    kind: k.kind,
    verbs: [...k.verbs],
  };
  if (k.shortNames.length > 0) entry['shortNames'] = [...k.shortNames];
  if (k.categories.length > 0) entry['categories'] = [...k.categories];
  return entry;
}

export function apiVersions(serverAddress: string): unknown {
  return {
    kind: 'APIVersions',
    versions: groupVersions().get('') ?? [],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/**
 * Groups the server answers itself rather than storing objects of (no kind in @cci/model):
 * access reviews, created and answered at once (api/accessReview.ts).
 */
const reviewGroups: Record<string, { version: string; resources: unknown[] }> = {
  'authorization.k8s.io': {
    version: 'v1',
    resources: ['SelfSubjectAccessReview', 'SelfSubjectRulesReview'].map((kind) => ({
      name: `${kind.toLowerCase()}s`,
      singularName: kind.toLowerCase(),
      namespaced: false,
      kind,
      verbs: ['create'],
    })),
  },
};

function allGroupVersions(): Map<string, string[]> {
  const groups = groupVersions();
  for (const [group, { version }] of Object.entries(reviewGroups)) groups.set(group, [version]);
  return groups;
}

export function apiResourceList(group: string, version: string): unknown | undefined {
  const review = reviewGroups[group];
  if (review && review.version === version) {
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: `${group}/${version}`,
      resources: review.resources,
    };
  }
  if (!kinds.some((k) => k.group === group && k.version === version)) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf({ group, version }),
    resources: resourcesOf(group, version),
  };
}

function apiGroup(group: string, versions: string[]): Record<string, unknown> {
  const list = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions: list, preferredVersion: list[0] };
}

export function apiGroupList(): unknown {
  const groups = [...allGroupVersions()].filter(([g]) => g !== '').map(([g, v]) => apiGroup(g, v));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function apiGroupDocument(group: string): unknown | undefined {
  const versions = allGroupVersions().get(group);
  if (!versions || group === '') return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, versions) };
}
