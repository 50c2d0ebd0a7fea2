import { asNumber, asText, field, type KubeObject } from '../resources/objects.ts';
import {
  eventMessage,
  eventType,
  involvedObject,
  seriesKey,
  type InvolvedObject,
} from './eventSeries.ts';

export type { InvolvedObject } from './eventSeries.ts';

/** One row of the namespace's events: the events of one series folded together. */
export interface FoldedEvent {
  key: string;
  type: string;
  reason: string;
  message: string;
  object: InvolvedObject;
  source: string;
  count: number;
  /** ISO timestamps; '' when the events carry none. */
  firstSeen: string;
  lastSeen: string;
}

const time = (text: string) => Date.parse(text) || 0;

function firstSeenOf(e: KubeObject): string {
  return (
    asText(e['firstTimestamp']) || asText(e['eventTime']) || (e.metadata.creationTimestamp ?? '')
  );
}

function lastSeenOf(e: KubeObject): string {
  return (
    asText(field(e, 'series.lastObservedTime')) ||
    asText(e['lastTimestamp']) ||
    asText(e['eventTime']) ||
    (e.metadata.creationTimestamp ?? '')
  );
}

/** events.k8s.io series count, else core count; an event without one happened once. */
function countOf(e: KubeObject): number {
  return asNumber(field(e, 'series.count'), 0) || asNumber(e['count'], 1) || 1;
}

/**
 * kubectl's view of events: the recorder already folds repeats of one event into `count`, first
 * and last timestamps; events that still arrive as separate objects for the same object, type,
 * reason and message (another recorder, a restart of the component) are folded the same way
 * here: counts add up, first seen is the earliest, last seen the latest. Newest first.
 */
export function foldEvents(events: readonly KubeObject[]): FoldedEvent[] {
  const rows = new Map<string, FoldedEvent>();
  for (const e of events) {
    const key = seriesKey(e);
    const row: FoldedEvent = {
      key,
      type: eventType(e),
      reason: asText(e['reason']),
      message: eventMessage(e),
      object: involvedObject(e),
      source: asText(field(e, 'source.component')) || asText(e['reportingComponent']),
      count: countOf(e),
      firstSeen: firstSeenOf(e),
      lastSeen: lastSeenOf(e),
    };
    const seen = rows.get(key);
    if (!seen) {
      rows.set(key, row);
      continue;
    }
    seen.count += row.count;
    if (row.firstSeen && (!seen.firstSeen || time(row.firstSeen) < time(seen.firstSeen))) {
      seen.firstSeen = row.firstSeen;
    }
    if (time(row.lastSeen) > time(seen.lastSeen)) seen.lastSeen = row.lastSeen;
    seen.source ||= row.source;
  }
  return [...rows.values()].sort((a, b) => time(b.lastSeen) - time(a.lastSeen));
}

export interface EventFilter {
  /** '' for both. */
  type: '' | 'Normal' | 'Warning';
  /** Substrings, case-insensitive; '' matches all. */
  reason: string;
  object: string;
}

export const noEventFilter: EventFilter = { type: '', reason: '', object: '' };

const contains = (text: string, needle: string) =>
  needle.trim() === '' || text.toLowerCase().includes(needle.trim().toLowerCase());

/** The object filter matches "Kind/name" as well as the name alone. */
export function filterEvents(rows: readonly FoldedEvent[], filter: EventFilter): FoldedEvent[] {
  return rows.filter(
    (r) =>
      (filter.type === '' || r.type === filter.type) &&
      contains(r.reason, filter.reason) &&
      contains(`${r.object.kind}/${r.object.name}`, filter.object),
  );
}
