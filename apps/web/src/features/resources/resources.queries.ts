import { resourcePath } from '@cci/model';
import { queryOptions, type QueryKey } from '@tanstack/react-query';
import { apiFetch } from '../../api/http.ts';
import { liveListOf, StreamUnavailable } from './liveLists.ts';
import type { KubeList, KubeObject } from './objects.ts';
import { kindOf, type ResourcePlural } from './resourceKinds.ts';

/** Lists poll only while /api/stream is not delivering them (see liveList.ts). */
export const LIST_POLL_MS = 5_000;

export function cciPath(plural: ResourcePlural, namespace?: string, name?: string): string {
  return `/api/cci${resourcePath(kindOf(plural), { namespace, name })}`;
}

/**
 * A list: from the live stream's snapshot when a screen follows this list (one upstream list
 * per page open, painted from its first page), else through the proxy. Waits one microtask
 * first: a child's query can start before its parent's effect subscribed the stream.
 */
async function listObjects(key: QueryKey, path: string, signal: AbortSignal): Promise<KubeList> {
  await Promise.resolve();
  const live = liveListOf(key);
  if (live) {
    try {
      return await live.snapshot(signal);
    } catch (error) {
      if (!(error instanceof StreamUnavailable)) throw error;
    }
  }
  return apiFetch<KubeList>(path, { signal });
}

export const resourceKeys = {
  all: ['resources'] as const,
  region: (region: string) => [...resourceKeys.all, region] as const,
  list: (region: string, plural: ResourcePlural, namespace: string) =>
    [...resourceKeys.region(region), plural, namespace, 'list'] as const,
  detail: (region: string, plural: ResourcePlural, namespace: string, name: string) =>
    [...resourceKeys.region(region), plural, namespace, 'detail', name] as const,
};

export const resourceQueries = {
  /** Cluster-scoped kinds ignore the namespace in the path but keep it in the key (the URL has one). */
  list: (region: string, plural: ResourcePlural, namespace: string, live = false) =>
    queryOptions({
      queryKey: resourceKeys.list(region, plural, namespace),
      queryFn: ({ signal, queryKey }) => listObjects(queryKey, cciPath(plural, namespace), signal),
      refetchInterval: live ? false : LIST_POLL_MS,
    }),
  /** N4 needs every namespace's networks: one list across namespaces. */
  allNetworks: (region: string) =>
    queryOptions({
      queryKey: [...resourceKeys.region(region), 'networks', '*', 'list'] as const,
      queryFn: ({ signal }) => apiFetch<KubeList>(cciPath('networks'), { signal }),
      refetchInterval: LIST_POLL_MS,
    }),
  detail: (region: string, plural: ResourcePlural, namespace: string, name: string) =>
    queryOptions({
      queryKey: resourceKeys.detail(region, plural, namespace, name),
      queryFn: ({ signal }) => apiFetch<KubeObject>(cciPath(plural, namespace, name), { signal }),
      refetchInterval: LIST_POLL_MS,
    }),
};
