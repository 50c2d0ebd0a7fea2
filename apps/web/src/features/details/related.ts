import { findKind, formatSelectorObject, type LabelSelectorObject } from '@cci/model';
import { asArray, asText, field, type KubeObject } from '../resources/objects.ts';

/** One related object: a link when `plural` names a kind, plain text otherwise (an EIP). */
export interface RelatedRef {
  plural?: string;
  namespace: string;
  name: string;
  /** i18n key (objectDetails.*) and params of a note shown beside the name. */
  note?: { key: string; params?: Record<string, string | number> };
}

/** Titles of the groups; each is an objectDetails.* i18n key. */
export type RelatedGroupId =
  | 'relOwner'
  | 'relReplicaSets'
  | 'relPods'
  | 'relEndpoints'
  | 'relNetworks'
  | 'relEip'
  | 'relEipPool'
  | 'relImageSnapshot'
  | 'relJobs'
  | 'relServices'
  | 'relConfig'
  | 'relBackends';

export interface RelatedGroup {
  id: RelatedGroupId;
  refs: RelatedRef[];
}

/**
 * A list to fetch to find related objects. `pick` keeps the related ones; it sees what earlier
 * lookups picked (a Deployment's pods are those owned by its ReplicaSets).
 */
export interface RelatedLookup {
  id: RelatedGroupId;
  plural: string;
  namespace: string;
  labelSelector?: string;
  pick: (
    items: KubeObject[],
    earlier: Partial<Record<RelatedGroupId, KubeObject[]>>,
  ) => KubeObject[];
}

interface OwnerReference {
  kind: string;
  name: string;
  uid?: string;
  apiVersion?: string;
}

export function ownerReferences(object: KubeObject): OwnerReference[] {
  return asArray(object.metadata['ownerReferences']).filter(
    (o): o is OwnerReference =>
      typeof field(o, 'kind') === 'string' && typeof field(o, 'name') === 'string',
  );
}

/** The plural of a kind name (first version listed), for links to owners. */
export function pluralOfKind(kind: string): string | undefined {
  return findKind({ kind })?.plural;
}

const ownedBy = (uids: Set<string>) => (o: KubeObject) =>
  ownerReferences(o).some((r) => r.uid !== undefined && uids.has(r.uid));
const uidsOf = (objects: KubeObject[] | undefined) =>
  new Set((objects ?? []).map((o) => o.metadata.uid ?? ''));

function selectorOf(object: KubeObject, path: string): string | undefined {
  const value = field(object, path);
  if (typeof value !== 'object' || value === null) return undefined;
  // A Service's spec.selector is a plain map; a workload's is a LabelSelector object.
  const selector = (
    'matchLabels' in value || 'matchExpressions' in value ? value : { matchLabels: value }
  ) as LabelSelectorObject;
  const text = formatSelectorObject(selector);
  return text ? text : undefined;
}

const ref = (plural: string | undefined, namespace: string, name: string): RelatedRef =>
  plural === undefined ? { namespace, name } : { plural, namespace, name };

/** Relations read off the object itself: owners, EIP and image snapshot annotations, mounts. */
export function directRelations(plural: string, object: KubeObject): RelatedGroup[] {
  const ns = object.metadata.namespace ?? '';
  const annotations = object.metadata.annotations ?? {};
  const groups: RelatedGroup[] = [];
  const owners = ownerReferences(object).map((o) => ref(pluralOfKind(o.kind), ns, o.name));
  if (owners.length) groups.push({ id: 'relOwner', refs: owners });
  if (plural === 'pods') {
    const eip = annotations['yangtse.io/allocated-ipv4-eip'];
    const pool = annotations['yangtse.io/eip-pool'];
    if (eip) groups.push({ id: 'relEip', refs: [{ namespace: ns, name: eip }] });
    else if (pool) {
      const note = { key: 'eipPending', params: { pool } };
      groups.push({ id: 'relEip', refs: [{ namespace: ns, name: '-', note }] });
    }
    if (pool) groups.push({ id: 'relEipPool', refs: [ref('eippools', ns, pool)] });
    const snapshot = annotations['cci.io/image-snapshot-specified-name'];
    if (snapshot)
      groups.push({ id: 'relImageSnapshot', refs: [ref('imagesnapshots', ns, snapshot)] });
    else if (annotations['cci.io/image-snapshot-auto-match'] === 'true') {
      const note = { key: 'relImageSnapshotAuto' };
      groups.push({ id: 'relImageSnapshot', refs: [{ namespace: ns, name: '-', note }] });
    }
  }
  const config = mountedConfig(plural, object, ns);
  if (config.length) groups.push({ id: 'relConfig', refs: config });
  if (plural === 'ingresses') {
    const names = new Set(
      asArray(field(object, 'spec.rules'))
        .flatMap((r) => asArray(field(r, 'http.paths')))
        .map(
          (p) =>
            asText(field(p, 'backend.serviceName')) || asText(field(p, 'backend.service.name')),
        )
        .filter(Boolean),
    );
    if (names.size)
      groups.push({ id: 'relBackends', refs: [...names].map((n) => ref('services', ns, n)) });
  }
  return groups;
}

/** ConfigMaps, Secrets and PVCs a pod (or a workload's pod template) uses. */
function mountedConfig(plural: string, object: KubeObject, ns: string): RelatedRef[] {
  const spec =
    plural === 'pods'
      ? object.spec
      : plural === 'cronjobs'
        ? field(object, 'spec.jobTemplate.spec.template.spec')
        : field(object, 'spec.template.spec');
  if (spec === undefined) return [];
  const found = new Map<string, RelatedRef>();
  const add = (p: string, name: string) => name && found.set(`${p}/${name}`, ref(p, ns, name));
  for (const v of asArray(field(spec, 'volumes'))) {
    add('configmaps', asText(field(v, 'configMap.name')));
    add('secrets', asText(field(v, 'secret.secretName')));
    add('persistentvolumeclaims', asText(field(v, 'persistentVolumeClaim.claimName')));
  }
  const containers = [
    ...asArray(field(spec, 'initContainers')),
    ...asArray(field(spec, 'containers')),
  ];
  for (const c of containers) {
    for (const e of asArray(field(c, 'env'))) {
      add('configmaps', asText(field(e, 'valueFrom.configMapKeyRef.name')));
      add('secrets', asText(field(e, 'valueFrom.secretKeyRef.name')));
    }
  }
  return [...found.values()];
}

/** Relations that need a list: what the object owns, selects or contains. */
export function relatedLookups(plural: string, object: KubeObject): RelatedLookup[] {
  const ns = object.metadata.namespace ?? '';
  const self = new Set([object.metadata.uid ?? '']);
  const selector = selectorOf(object, 'spec.selector');
  const withSelector = selector === undefined ? {} : { labelSelector: selector };
  switch (plural) {
    case 'deployments':
      // D2: Deployment → ReplicaSets → Pods, followed through ownerReferences.
      return [
        {
          id: 'relReplicaSets',
          plural: 'replicasets',
          namespace: ns,
          ...withSelector,
          pick: (items) => items.filter(ownedBy(self)),
        },
        {
          id: 'relPods',
          plural: 'pods',
          namespace: ns,
          ...withSelector,
          pick: (items, earlier) => items.filter(ownedBy(uidsOf(earlier.relReplicaSets))),
        },
      ];
    case 'replicasets':
    case 'jobs':
      return [
        {
          id: 'relPods',
          plural: 'pods',
          namespace: ns,
          ...withSelector,
          pick: (items) => items.filter(ownedBy(self)),
        },
      ];
    case 'cronjobs':
      return [
        {
          id: 'relJobs',
          plural: 'jobs',
          namespace: ns,
          pick: (items) => items.filter(ownedBy(self)),
        },
      ];
    case 'services': {
      const lookups: RelatedLookup[] = [
        // SV5: the Endpoints object of the same name lists the ready pods.
        {
          id: 'relEndpoints',
          plural: 'endpoints',
          namespace: ns,
          pick: (items) => items.filter((e) => e.metadata.name === object.metadata.name),
        },
      ];
      if (selector)
        lookups.push({
          id: 'relPods',
          plural: 'pods',
          namespace: ns,
          labelSelector: selector,
          pick: (items) => items,
        });
      return lookups;
    }
    case 'namespaces':
      // N4: a namespace is usable once it holds a Network.
      return [
        {
          id: 'relNetworks',
          plural: 'networks',
          namespace: object.metadata.name,
          pick: (items) => items,
        },
      ];
    case 'eippools': {
      const users = new Set(
        asArray(field(object, 'status.eips')).map((e) => asText(field(e, 'podName'))),
      );
      return [
        {
          id: 'relPods',
          plural: 'pods',
          namespace: ns,
          pick: (items) => items.filter((p) => users.has(p.metadata.name)),
        },
      ];
    }
    default:
      return [];
  }
}

/** "10.0.0.5, 10.0.0.6": the ready addresses of an Endpoints object (SV5). */
export function readyAddresses(endpoints: KubeObject): string[] {
  return asArray(endpoints['subsets']).flatMap((s) =>
    asArray(field(s, 'addresses')).map((a) => asText(field(a, 'ip'))),
  );
}
