import { escapeFieldValue, type KindDescriptor } from '@cci/model';
import { queryOptions } from '@tanstack/react-query';
import { kube } from '../../lib/kube/client.ts';
import { kubeKeys } from '../../lib/kube/keys.ts';
import { kindByPlural, requireKind } from '../../lib/kube/kinds.ts';
import type { KubeObject } from '../../lib/kube/objects.ts';
import { kubeQueries, POLL_MS } from '../../lib/kube/queries.ts';

/**
 * The details screen opens any kind of the model (ReplicaSets and Endpoints too, reached
 * through related objects), not only the sidebar's: kinds are looked up by plural here.
 */
export function detailsKind(plural: string): KindDescriptor | undefined {
  return kindByPlural(plural);
}

/** Keys are kubeKeys: a write's refresh policy (lib/kube/refresh.ts) reaches all of these. */
export const detailsQueries = {
  /** Callers check detailsKind(plural) first; an unknown plural never reaches the BFF. */
  object: (region: string, plural: string, namespace: string, name: string) =>
    queryOptions({
      queryKey: kubeKeys.object(region, namespace, plural, name),
      queryFn: ({ signal }) => kube.get(requireKind(plural), { namespace, name }, { signal }),
      refetchInterval: POLL_MS,
    }),
  /** kubectl describe's events: the involved object's kind, name and namespace as a field selector. */
  events: (region: string, object: KubeObject, kind: KindDescriptor) => {
    const name = object.metadata.name;
    const namespace = object.metadata.namespace ?? 'default';
    const fieldSelector = [
      `involvedObject.kind=${escapeFieldValue(kind.kind)}`,
      `involvedObject.name=${escapeFieldValue(name)}`,
      ...(kind.namespaced ? [`involvedObject.namespace=${escapeFieldValue(namespace)}`] : []),
    ].join(',');
    return kubeQueries.list(region, requireKind('events'), namespace, { fieldSelector });
  },
  related: (region: string, plural: string, namespace: string, labelSelector: string | undefined) =>
    kubeQueries.list(region, requireKind(plural), namespace, { labelSelector }),
};
