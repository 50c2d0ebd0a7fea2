import type { KindDescriptor } from '@cci/model';
import { queryOptions } from '@tanstack/react-query';
import { kube, type ListQuery } from './client.ts';
import { ALL_NAMESPACES, kubeKeys } from './keys.ts';
import type { KubeObject } from './objects.ts';

/** Screens poll what the live stream does not carry (details, selections, unwatchable kinds). */
export const POLL_MS = 5_000;

/**
 * Query options of plain reads, keyed by kubeKeys so the refresh policy reaches them. Live
 * lists (the list screens) are built on top of these in features/resources/resources.queries.ts.
 */
export const kubeQueries = {
  object: (region: string, kind: KindDescriptor, namespace: string, name: string) =>
    queryOptions({
      queryKey: kubeKeys.object(region, namespace, kind.plural, name),
      queryFn: ({ signal }) => kube.get<KubeObject>(kind, { namespace, name }, { signal }),
      refetchInterval: POLL_MS,
    }),
  /** A selection of a list (a `{}` query: the whole list, apart from the live one's cache). */
  list: (region: string, kind: KindDescriptor, namespace: string, query: ListQuery = {}) =>
    queryOptions({
      queryKey: kubeKeys.list(region, namespace, kind.plural, query),
      queryFn: ({ signal }) =>
        kube.list(kind, namespace === ALL_NAMESPACES ? undefined : namespace, {
          ...query,
          signal,
        }),
      refetchInterval: POLL_MS,
    }),
};
