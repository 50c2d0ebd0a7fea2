import type { KindDescriptor } from '@cci/model';
import { requireKind } from '../../lib/kube/kinds.ts';

/** Sidebar areas and the resources in each, in the order the console shows them. */
export const navAreas = [
  { area: 'areaNamespaces', resources: ['namespaces'] },
  { area: 'areaWorkloads', resources: ['deployments', 'pods', 'jobs', 'cronjobs'] },
  { area: 'areaNetwork', resources: ['services', 'ingresses', 'networks', 'eippools'] },
  { area: 'areaStorage', resources: ['persistentvolumeclaims'] },
  { area: 'areaConfig', resources: ['configmaps', 'secrets'] },
  { area: 'areaImages', resources: ['imagesnapshots'] },
  { area: 'areaObserve', resources: ['events'] },
] as const;

export type ResourcePlural = (typeof navAreas)[number]['resources'][number];

export const resourcePlurals: readonly ResourcePlural[] = navAreas.flatMap((a) => a.resources);

export function isResourcePlural(value: string): value is ResourcePlural {
  return (resourcePlurals as readonly string[]).includes(value);
}

/** The version the console reads a sidebar resource in (lib/kube/kinds.ts). */
export function kindOf(plural: ResourcePlural): KindDescriptor {
  return requireKind(plural);
}
