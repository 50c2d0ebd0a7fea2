import { resourcePath, type KindDescriptor } from '@cci/model';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../api/http.ts';
import { resourceKeys } from '../../resources/resources.queries.ts';

export function liveObjectPath(kind: KindDescriptor, namespace: string, name: string): string {
  return `/api/cci${resourcePath(kind, { namespace, name })}`;
}

/**
 * The live object an edit starts from. A snapshot, not a poll: the editor compares against the
 * version the user began with, and a newer one only comes in through the 409 conflict flow.
 */
export const workflowQueries = {
  live: (region: string, kind: KindDescriptor, namespace: string, name: string) =>
    queryOptions({
      queryKey: [...resourceKeys.region(region), 'editor', kind.plural, namespace, name] as const,
      queryFn: ({ signal }) =>
        apiFetch<Record<string, unknown>>(`/api/cci${resourcePath(kind, { namespace, name })}`, {
          signal,
        }),
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    }),
};
