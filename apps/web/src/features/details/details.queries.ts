import { escapeFieldValue, kinds, resourcePath, type KindDescriptor } from '@cci/model';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../api/http.ts';
import type { KubeList, KubeObject } from '../resources/objects.ts';
import { LIST_POLL_MS, resourceKeys } from '../resources/resources.queries.ts';

/**
 * The details screen opens any kind of the model (ReplicaSets and Endpoints too, reached
 * through related objects), not only the sidebar's: kinds are looked up by plural here.
 */
export function detailsKind(plural: string): KindDescriptor | undefined {
  return kinds.find((k) => k.plural === plural);
}

function path(kind: KindDescriptor, namespace: string, name?: string, query?: URLSearchParams) {
  const base = `/api/cci${resourcePath(kind, { namespace, name })}`;
  const text = query?.toString();
  return text ? `${base}?${text}` : base;
}

/** Keys under resourceKeys.region, so a fresh sign-in (which drops those) drops these too. */
export const detailsKeys = {
  // Same shape as resourceKeys.detail: invalidating a sidebar kind's detail reaches this one.
  object: (region: string, plural: string, namespace: string, name: string) =>
    [...resourceKeys.region(region), plural, namespace, 'detail', name] as const,
  events: (region: string, namespace: string, kind: string, name: string) =>
    [...resourceKeys.region(region), 'events', namespace, 'involved', kind, name] as const,
  related: (region: string, plural: string, namespace: string, selector: string) =>
    [...resourceKeys.region(region), plural, namespace, 'related', selector] as const,
};

export const detailsQueries = {
  /** Callers check detailsKind(plural) first; an unknown plural never reaches the BFF. */
  object: (region: string, plural: string, namespace: string, name: string) =>
    queryOptions({
      queryKey: detailsKeys.object(region, plural, namespace, name),
      queryFn: ({ signal }) => {
        const kind = detailsKind(plural);
        if (!kind) throw new Error(`unknown resource ${plural}`);
        return apiFetch<KubeObject>(path(kind, namespace, name), { signal });
      },
      refetchInterval: LIST_POLL_MS,
    }),
  /** kubectl describe's events: the involved object's kind, name and namespace as a field selector. */
  events: (region: string, object: KubeObject, kind: KindDescriptor) => {
    const name = object.metadata.name;
    const namespace = object.metadata.namespace ?? 'default';
    const selector = [
      `involvedObject.kind=${escapeFieldValue(kind.kind)}`,
      `involvedObject.name=${escapeFieldValue(name)}`,
      ...(kind.namespaced ? [`involvedObject.namespace=${escapeFieldValue(namespace)}`] : []),
    ].join(',');
    const events = detailsKind('events') as KindDescriptor;
    return queryOptions({
      queryKey: detailsKeys.events(region, namespace, kind.kind, name),
      queryFn: ({ signal }) =>
        apiFetch<KubeList>(
          path(events, namespace, undefined, new URLSearchParams({ fieldSelector: selector })),
          {
            signal,
          },
        ),
      refetchInterval: LIST_POLL_MS,
    });
  },
  related: (
    region: string,
    plural: string,
    namespace: string,
    labelSelector: string | undefined,
  ) => {
    const kind = detailsKind(plural) as KindDescriptor;
    const query = labelSelector ? new URLSearchParams({ labelSelector }) : undefined;
    return queryOptions({
      queryKey: detailsKeys.related(region, plural, namespace, labelSelector ?? ''),
      queryFn: ({ signal }) =>
        apiFetch<KubeList>(path(kind, namespace, undefined, query), { signal }),
      refetchInterval: LIST_POLL_MS,
    });
  },
};
