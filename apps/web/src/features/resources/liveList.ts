import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { acquireLiveList } from './liveLists.ts';
import type { ResourcePlural } from './resourceKinds.ts';
import { kubeKeys } from '../../lib/kube/keys.ts';
import { resourceQueries } from './resources.queries.ts';

/**
 * Keeps a list's cache fresh from the live stream (see liveLists.ts); true while the stream
 * delivers, so the list can stop polling. Any drop (offline, error) returns to polling through
 * the proxy until the next complete snapshot.
 */
export function useLiveList(region: string, plural: ResourcePlural, namespace: string): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const shared = acquireLiveList(
      queryClient,
      kubeKeys.list(region, namespace, plural),
      plural,
      namespace,
    );
    if (!shared) return undefined;
    const update = () => setLive(shared.live.phase === 'live');
    const stopWatching = shared.live.watch(update);
    update();
    return () => {
      stopWatching();
      shared.release();
      setLive(false);
    };
  }, [queryClient, region, plural, namespace]);
  return live;
}

/** What a list page reads: its live list, polled through the proxy only while not live. */
export function useResourceListQuery(region: string, plural: ResourcePlural, namespace: string) {
  const live = useLiveList(region, plural, namespace);
  return useQuery(resourceQueries.list(region, plural, namespace, live));
}
