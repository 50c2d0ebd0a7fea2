import type { QueryClient } from '@tanstack/react-query';
import { detailsKind, detailsQueries } from '../details/details.queries.ts';
import { primeLiveList } from './liveLists.ts';
import { isResourcePlural } from './resourceKinds.ts';
import { kubeKeys } from '../../lib/kube/keys.ts';
import { resourceQueries } from './resources.queries.ts';

/**
 * Route loaders: navigation starts the page's reads before it renders. They never block the
 * navigation nor throw (the page shows pending and error states itself): lists paint from their
 * first streamed part, which a blocking loader would hold back.
 */
export interface LoaderArgs {
  queryClient: QueryClient;
  /** A hover preload (defaultPreload 'intent'): only what costs no upstream list. */
  preload: boolean;
}

/**
 * A list page reads the live list: the loader subscribes it (the stream's snapshot is the
 * page's ONE upstream list) and starts the list query, which waits for that snapshot. Without
 * a stream the query lists through the proxy, and the page reuses that answer. A preload does
 * nothing: subscribing on hover would list upstream for pages never opened.
 */
export function loadList(
  { queryClient, preload }: LoaderArgs,
  params: { region: string; namespace: string; resource: string },
): void {
  const { region, namespace, resource } = params;
  if (preload || !isResourcePlural(resource)) return;
  primeLiveList(queryClient, kubeKeys.list(region, namespace, resource), resource, namespace);
  void queryClient
    .ensureQueryData(resourceQueries.list(region, resource, namespace))
    .catch(() => undefined); // the page's own query shows the error
}

/** A details page reads its object first; the sections' reads follow from it. */
export function loadDetails(
  { queryClient }: LoaderArgs,
  params: { region: string; namespace: string; resource: string; name: string },
): void {
  const { region, namespace, resource, name } = params;
  if (!detailsKind(resource)) return;
  void queryClient
    .ensureQueryData(detailsQueries.object(region, resource, namespace, name))
    .catch(() => undefined);
}
