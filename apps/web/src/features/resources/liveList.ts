import { apiVersionOf } from '@cci/model';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { liveStream, type StreamMessage } from '../../api/liveStream.ts';
import type { KubeList } from './objects.ts';
import { kindOf, type ResourcePlural } from './resourceKinds.ts';
import { resourceKeys } from './resources.queries.ts';

/** Folds one stream message into the cached list; undefined when the message carries no data. */
export function applyStreamMessage(
  list: KubeList | undefined,
  message: StreamMessage,
): KubeList | undefined {
  if (message.type === 'snapshot' || message.type === 'reset') {
    return { metadata: { resourceVersion: message.resourceVersion }, items: message.items };
  }
  if (message.type !== 'event' || !list) return list;
  const { object } = message;
  const same = (o: KubeList['items'][number]) =>
    o.metadata.name === object.metadata.name && o.metadata.namespace === object.metadata.namespace;
  const rest = list.items.filter((o) => !same(o));
  return { ...list, items: message.eventType === 'DELETED' ? rest : [...rest, object] };
}

/**
 * Keeps a list's cache fresh from /api/stream; true while the stream delivers, so the list
 * can stop polling. Any drop (offline, error) returns to polling until the next snapshot.
 */
export function useLiveList(region: string, plural: ResourcePlural, namespace: string): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const stream = liveStream();
    if (!stream) return undefined;
    const kind = kindOf(plural);
    const key = resourceKeys.list(region, plural, namespace);
    const unsubscribe = stream.subscribe(
      {
        resource: `${apiVersionOf(kind)}/${plural}`, // core group: "v1/pods"
        namespace: kind.namespaced ? namespace : undefined,
      },
      (message) => {
        const next = applyStreamMessage(queryClient.getQueryData<KubeList>(key), message);
        if (message.type === 'snapshot' || message.type === 'reset' || message.type === 'event') {
          queryClient.setQueryData(key, next);
          setLive(true);
        } else {
          setLive(false);
        }
      },
    );
    return () => {
      unsubscribe();
      setLive(false);
    };
  }, [queryClient, region, plural, namespace]);
  return live;
}
