import type { KindDescriptor, Subresource } from './kinds.ts';

export interface ResourceLocation {
  namespace?: string | undefined;
  name?: string | undefined;
  subresource?: Subresource | undefined;
}

/**
 * The one place a Kubernetes REST path is built from a kind:
 * /api/v1/namespaces/{ns}/pods/{name}/log, /apis/{group}/{version}/{plural}, ...
 * A namespace given for a cluster-scoped kind is ignored; no namespace on a namespaced kind
 * means "across all namespaces".
 */
export function resourcePath(
  kind: Pick<KindDescriptor, 'group' | 'version' | 'plural' | 'namespaced'>,
  location: ResourceLocation = {},
): string {
  const base = kind.group === '' ? `/api/${kind.version}` : `/apis/${kind.group}/${kind.version}`;
  const segments = [base];
  if (kind.namespaced && location.namespace !== undefined) {
    segments.push('namespaces', encodeURIComponent(location.namespace));
  }
  segments.push(kind.plural);
  if (location.name !== undefined) {
    segments.push(encodeURIComponent(location.name));
    if (location.subresource !== undefined) segments.push(location.subresource);
  } else if (location.subresource !== undefined) {
    throw new Error(`subresource "${location.subresource}" needs an object name`);
  }
  return segments.join('/');
}
