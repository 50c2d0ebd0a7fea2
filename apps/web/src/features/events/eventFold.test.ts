import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/objects.ts';
import { filterEvents, foldEvents, noEventFilter } from './eventFold.ts';
import { warningCount } from './eventSeries.ts';

let uid = 0;
function event(over: Partial<Record<string, unknown>> & { name?: string }): KubeObject {
  uid += 1;
  return {
    metadata: { name: over.name ?? `e${uid}`, namespace: 'demo', uid: `u${uid}` },
    involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'demo' },
    type: 'Normal',
    reason: 'Pulled',
    message: 'pulled nginx',
    count: 1,
    firstTimestamp: '2026-01-01T00:00:00Z',
    lastTimestamp: '2026-01-01T00:00:00Z',
    source: { component: 'kubelet' },
    ...over,
  };
}

describe('foldEvents', () => {
  it('folds events of one object, type, reason and message: counts add, first/last widen', () => {
    const rows = foldEvents([
      event({
        count: 3,
        firstTimestamp: '2026-01-01T00:01:00Z',
        lastTimestamp: '2026-01-01T00:05:00Z',
      }),
      event({
        count: 2,
        firstTimestamp: '2026-01-01T00:00:30Z',
        lastTimestamp: '2026-01-01T00:02:00Z',
      }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      count: 5,
      firstSeen: '2026-01-01T00:00:30Z',
      lastSeen: '2026-01-01T00:05:00Z',
      object: { kind: 'Pod', name: 'web-1', namespace: 'demo' },
      source: 'kubelet',
    });
  });

  it('keeps different reasons, messages, types or objects apart, newest first', () => {
    const rows = foldEvents([
      event({ reason: 'Pulled', lastTimestamp: '2026-01-01T00:01:00Z' }),
      event({ reason: 'Started', lastTimestamp: '2026-01-01T00:03:00Z' }),
      event({ type: 'Warning', reason: 'Pulled', lastTimestamp: '2026-01-01T00:02:00Z' }),
      event({
        involvedObject: { kind: 'Pod', name: 'web-2' },
        lastTimestamp: '2026-01-01T00:04:00Z',
      }),
    ]);
    expect(rows.map((r) => `${r.type}/${r.reason}/${r.object.name}`)).toEqual([
      'Normal/Pulled/web-2',
      'Normal/Started/web-1',
      'Warning/Pulled/web-1',
      'Normal/Pulled/web-1',
    ]);
    // The involved object's namespace defaults to the event's own.
    expect(rows[0]?.object.namespace).toBe('demo');
  });

  it('reads events.k8s.io series and eventTime when the core fields are absent', () => {
    const [row] = foldEvents([
      event({
        count: undefined,
        firstTimestamp: undefined,
        lastTimestamp: undefined,
        eventTime: '2026-01-01T00:00:00.000000Z',
        series: { count: 7, lastObservedTime: '2026-01-01T00:09:00.000000Z' },
      }),
    ]);
    expect(row).toMatchObject({
      count: 7,
      firstSeen: '2026-01-01T00:00:00.000000Z',
      lastSeen: '2026-01-01T00:09:00.000000Z',
    });
  });
});

describe('filterEvents and warningCount', () => {
  const rows = foldEvents([
    event({ type: 'Warning', reason: 'Unhealthy', message: 'probe failed' }),
    event({ type: 'Warning', reason: 'Unhealthy', message: 'probe failed', count: 4 }),
    event({
      type: 'Warning',
      reason: 'FailedScheduling',
      involvedObject: { kind: 'Pod', name: 'db-0' },
    }),
    event({ reason: 'Scheduled', involvedObject: { kind: 'Deployment', name: 'web' } }),
  ]);

  it('filters by type, reason and object (kind/name), case-insensitive', () => {
    expect(filterEvents(rows, { ...noEventFilter, type: 'Warning' })).toHaveLength(2);
    expect(filterEvents(rows, { ...noEventFilter, reason: 'unhealth' })).toHaveLength(1);
    expect(filterEvents(rows, { ...noEventFilter, object: 'deployment/' })).toHaveLength(1);
    expect(filterEvents(rows, { ...noEventFilter, object: 'db-0' })[0]?.reason).toBe(
      'FailedScheduling',
    );
    expect(filterEvents(rows, noEventFilter)).toHaveLength(3);
  });

  it('counts Warning series, not Warning objects', () => {
    expect(
      warningCount([
        event({ type: 'Warning', reason: 'Unhealthy' }),
        event({ type: 'Warning', reason: 'Unhealthy' }),
        event({ type: 'Warning', reason: 'BackOff' }),
        event({}),
      ]),
    ).toBe(2);
  });

  it('counts as many Warning series as the list shows Warning rows', () => {
    const events = [
      event({ type: 'Warning', reason: 'Unhealthy' }),
      event({ type: 'Warning', reason: 'Unhealthy', involvedObject: { kind: 'Pod', name: 'x' } }),
      event({ type: 'Warning', reason: 'Unhealthy' }),
      event({ reason: 'Unhealthy' }),
    ];
    const rows = foldEvents(events).filter((r) => r.type === 'Warning');
    expect(warningCount(events)).toBe(rows.length);
    expect(rows).toHaveLength(2);
  });
});
