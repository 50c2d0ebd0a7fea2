import { apiVersionOf } from '@cci/model';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { liveStream, type StreamMessage } from '../../api/liveStream.ts';
import type { KubeList } from './objects.ts';
import { kindOf, type ResourcePlural } from './resourceKinds.ts';
import { resourceKeys } from './resources.queries.ts';

type StreamEvent = Extract<StreamMessage, { type: 'event' }>;

const objectKey = (o: KubeList['items'][number]) =>
  `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/**
 * Folds stream messages, in order, into the cached list; undefined while no snapshot came.
 * One pass however many events: a burst of changes to a 10,000-pod list costs one copy, not one
 * copy per event. A modified object keeps its place, so an unsorted list does not jump.
 */
export function applyStreamMessages(
  list: KubeList | undefined,
  messages: readonly StreamMessage[],
): KubeList | undefined {
  let current = list;
  let events: StreamEvent[] = [];
  for (const message of messages) {
    if (message.type === 'snapshot' || message.type === 'reset') {
      events = [];
      current = { metadata: { resourceVersion: message.resourceVersion }, items: message.items };
    } else if (message.type === 'event') {
      events.push(message);
    }
  }
  return current && events.length > 0 ? applyEvents(current, events) : current;
}

function applyEvents(list: KubeList, events: readonly StreamEvent[]): KubeList {
  // The latest event per object wins; objects not seen before are appended in arrival order.
  const latest = new Map<string, StreamEvent>();
  for (const event of events) {
    const key = objectKey(event.object);
    latest.delete(key);
    latest.set(key, event);
  }
  const items: KubeList['items'] = [];
  for (const item of list.items) {
    const key = objectKey(item);
    const event = latest.get(key);
    if (!event) items.push(item);
    else {
      latest.delete(key);
      if (event.eventType !== 'DELETED') items.push(event.object);
    }
  }
  for (const event of latest.values()) if (event.eventType !== 'DELETED') items.push(event.object);
  return { ...list, items };
}

/** Stream messages arriving within this window are folded into the cache in one update. */
const BATCH_MS = 50;

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
    let pending: StreamMessage[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      queryClient.setQueryData(
        key,
        applyStreamMessages(queryClient.getQueryData<KubeList>(key), batch),
      );
      setLive(true);
    };
    const unsubscribe = stream.subscribe(
      {
        resource: `${apiVersionOf(kind)}/${plural}`, // core group: "v1/pods"
        namespace: kind.namespaced ? namespace : undefined,
      },
      (message) => {
        if (message.type === 'offline' || message.type === 'error') {
          flush();
          setLive(false);
          return;
        }
        pending.push(message);
        timer ??= setTimeout(flush, BATCH_MS);
      },
    );
    return () => {
      unsubscribe();
      clearTimeout(timer);
      setLive(false);
    };
  }, [queryClient, region, plural, namespace]);
  return live;
}
