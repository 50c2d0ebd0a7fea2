import { asText, field, type KubeObject } from '../resources/objects.ts';

/** The object an event is about, as its details link needs it. */
export interface InvolvedObject {
  kind: string;
  name: string;
  namespace: string;
}

export function involvedObject(event: KubeObject): InvolvedObject {
  const regarding = field(event, 'involvedObject') ?? field(event, 'regarding');
  return {
    kind: asText(field(regarding, 'kind')),
    name: asText(field(regarding, 'name')),
    namespace: asText(field(regarding, 'namespace')) || (event.metadata.namespace ?? ''),
  };
}

export const eventType = (e: KubeObject) => asText(e['type']) || 'Normal';
export const eventMessage = (e: KubeObject) => asText(e['message']) || asText(e['note']);

/** What makes events one series (kubectl's aggregation): object, type, reason and message. */
export function seriesKey(e: KubeObject): string {
  const o = involvedObject(e);
  return [o.kind, o.namespace, o.name, eventType(e), asText(e['reason']), eventMessage(e)].join(
    '\u0000',
  );
}

/**
 * The sidebar badge: Warning series, as the Events list shows them. Kept apart from the fold
 * (eventFold.ts), which only the lazily loaded Events screen needs.
 */
export function warningCount(events: readonly KubeObject[]): number {
  const series = new Set<string>();
  for (const e of events) if (eventType(e) === 'Warning') series.add(seriesKey(e));
  return series.size;
}
