import type { StreamMessage } from '../../lib/kube/liveStream.ts';
import type { KubeList, KubeObject } from './objects.ts';

type StreamEvent = Extract<StreamMessage, { type: 'event' }>;

/** A snapshot or reset whose parts are still arriving. */
interface Assembly {
  resourceVersion: string;
  items: KubeObject[];
  /** Events that came before the last part (the BFF sends none; kept in order if one does). */
  events: StreamEvent[];
  /** Nothing was shown before: show the parts as they come (first rows early). */
  progressive: boolean;
}

export interface LiveListState {
  /** What the list shows; undefined until the first part of a snapshot. */
  list: KubeList | undefined;
  assembling: Assembly | undefined;
  /** How many snapshots were completed (a change means the list is whole and current). */
  completed: number;
}

export const emptyLiveList: LiveListState = {
  list: undefined,
  assembling: undefined,
  completed: 0,
};

const objectKey = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/**
 * Folds stream messages, in order, into a list. A snapshot arrives in parts: on an empty list
 * they are shown as they come; over a list already shown (a reset, a reconnect) they are put
 * together first and swapped in whole, so the list never shrinks to a first page. Events fold in
 * one pass however many: a burst of changes to a 10,000-pod list costs one copy, not one per
 * event; a modified object keeps its place, so an unsorted list does not jump.
 */
export function applyStreamMessages(
  state: LiveListState,
  messages: readonly StreamMessage[],
): LiveListState {
  let { list, assembling, completed } = state;
  let events: StreamEvent[] = [];
  let grew = false;
  for (const message of messages) {
    if (message.type === 'snapshot' || message.type === 'reset') {
      if (message.part === 0) {
        if (list && events.length > 0) list = applyEvents(list, events);
        events = [];
        assembling = {
          resourceVersion: message.resourceVersion,
          items: [],
          events: [],
          progressive: list === undefined || assembling?.progressive === true,
        };
      }
      if (!assembling) continue; // the start of this state was missed; the next one comes whole
      for (const item of message.items) assembling.items.push(item);
      grew = true;
      if (message.complete) {
        list = {
          metadata: { resourceVersion: assembling.resourceVersion },
          items: assembling.items,
        };
        events = assembling.events;
        assembling = undefined;
        completed += 1;
        grew = false;
      }
    } else if (message.type === 'event') {
      if (assembling) assembling.events.push(message);
      else events.push(message);
    }
  }
  if (assembling?.progressive && grew) {
    list = {
      metadata: { resourceVersion: assembling.resourceVersion },
      items: [...assembling.items],
    };
  }
  if (list && events.length > 0) list = applyEvents(list, events);
  return { list, assembling, completed };
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
