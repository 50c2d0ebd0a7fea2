import { formatAge } from '../resources/objects.ts';
import type { FoldedEvent } from './eventFold.ts';

/** The Events list's columns, as data: title key (events.*), text, sort key, special cells. */
export interface EventColumn {
  id: string;
  title: 'type' | 'reason' | 'object' | 'message' | 'count' | 'firstSeen' | 'lastSeen' | 'source';
  value: (row: FoldedEvent, now: number) => string | number;
  /** 'type': a coloured badge; 'object': a link to the involved object. */
  render?: 'type' | 'object';
  width?: number;
}

const age = (time: string, now: number) => (time ? formatAge(time, now) : '');

/** kubectl get events' columns (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE) plus count, first seen, source. */
export const eventColumns: readonly EventColumn[] = [
  { id: 'lastSeen', title: 'lastSeen', value: (r, now) => age(r.lastSeen, now), width: 90 },
  { id: 'type', title: 'type', value: (r) => r.type, render: 'type', width: 100 },
  { id: 'reason', title: 'reason', value: (r) => r.reason, width: 160 },
  {
    id: 'object',
    title: 'object',
    value: (r) => `${r.object.kind}/${r.object.name}`,
    render: 'object',
    width: 240,
  },
  { id: 'message', title: 'message', value: (r) => r.message },
  { id: 'count', title: 'count', value: (r) => r.count, width: 70 },
  { id: 'firstSeen', title: 'firstSeen', value: (r, now) => age(r.firstSeen, now), width: 90 },
  { id: 'source', title: 'source', value: (r) => r.source, width: 120 },
];
