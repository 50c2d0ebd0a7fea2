import { queryOptions, type QueryKey } from '@tanstack/react-query';
import { kube } from '../../lib/kube/client.ts';
import { ALL_NAMESPACES, kubeKeys } from '../../lib/kube/keys.ts';
import type { KubeList } from '../../lib/kube/objects.ts';
import { kubeQueries, POLL_MS } from '../../lib/kube/queries.ts';
import { liveListOf, StreamUnavailable } from './liveLists.ts';
import { kindOf, type ResourcePlural } from './resourceKinds.ts';

/** Lists poll only while the live stream is not delivering them (see liveList.ts). */
export const LIST_POLL_MS = POLL_MS;

/**
 * A list: from the live stream's snapshot when a screen follows this list (one upstream list
 * per page open, painted from its first page), else through the proxy. Waits one microtask
 * first: a child's query can start before its parent's effect subscribed the stream.
 */
async function listObjects(
  key: QueryKey,
  plural: ResourcePlural,
  namespace: string,
  signal: AbortSignal,
): Promise<KubeList> {
  await Promise.resolve();
  const live = liveListOf(key);
  if (live) {
    try {
      return await live.snapshot(signal);
    } catch (error) {
      if (!(error instanceof StreamUnavailable)) throw error;
    }
  }
  return kube.list(kindOf(plural), namespace, { signal });
}

export const resourceQueries = {
  /** Cluster-scoped kinds ignore the namespace in the path but keep it in the key (the URL has one). */
  list: (region: string, plural: ResourcePlural, namespace: string, live = false) =>
    queryOptions({
      queryKey: kubeKeys.list(region, namespace, plural),
      queryFn: ({ signal, queryKey }) => listObjects(queryKey, plural, namespace, signal),
      refetchInterval: live ? false : LIST_POLL_MS,
    }),
  /** N4 needs every namespace's networks: one list across namespaces. */
  allNetworks: (region: string) =>
    queryOptions({
      ...kubeQueries.list(region, kindOf('networks'), ALL_NAMESPACES),
      queryKey: kubeKeys.list(region, ALL_NAMESPACES, 'networks'),
    }),
  detail: (region: string, plural: ResourcePlural, namespace: string, name: string) =>
    kubeQueries.object(region, kindOf(plural), namespace, name),
};
