import { kinds, type KindDescriptor } from '@cci/model';

/** Sidebar areas and the resources in each, in the order the console shows them. */
export const navAreas = [
  { area: 'areaNamespaces', resources: ['namespaces'] },
  { area: 'areaWorkloads', resources: ['deployments', 'pods', 'jobs', 'cronjobs'] },
  { area: 'areaNetwork', resources: ['services', 'ingresses', 'networks', 'eippools'] },
  { area: 'areaStorage', resources: ['persistentvolumeclaims'] },
  { area: 'areaConfig', resources: ['configmaps', 'secrets'] },
  { area: 'areaImages', resources: ['imagesnapshots'] },
] as const;

export type ResourcePlural = (typeof navAreas)[number]['resources'][number];

export const resourcePlurals: readonly ResourcePlural[] = navAreas.flatMap((a) => a.resources);

export function isResourcePlural(value: string): value is ResourcePlural {
  return (resourcePlurals as readonly string[]).includes(value);
}

/**
 * The version the console reads a resource in: kinds lists some plurals twice (CronJob in
 * batch v1 and v1beta1, Ingress in two groups); the first listed is the preferred one.
 */
export function kindOf(plural: ResourcePlural): KindDescriptor {
  const kind = kinds.find((k) => k.plural === plural);
  if (!kind) throw new Error(`@cci/model has no kind with plural ${plural}`);
  return kind;
}
