import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/objects.ts';
import { eventRows } from './EventsTable.tsx';
import { conditionsOf } from './StatusSection.tsx';

describe('details sections', () => {
  it('orders conditions by their last transition, newest first', () => {
    const object = {
      metadata: { name: 'd' },
      status: {
        conditions: [
          { type: 'Progressing', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z' },
          {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            lastTransitionTime: '2024-01-02T00:00:00Z',
          },
        ],
      },
    } as KubeObject;
    expect(conditionsOf(object).map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Available', 'False', 'MinimumReplicasUnavailable'],
      ['Progressing', 'True', ''],
    ]);
  });

  it('reads events like kubectl describe: newest first, count defaulting to 1, source component', () => {
    const event = (name: string, last: string, extra: Record<string, unknown> = {}) =>
      ({
        metadata: { name, uid: name },
        type: 'Normal',
        reason: 'Pulled',
        message: 'm',
        lastTimestamp: last,
        ...extra,
      }) as KubeObject;
    const rows = eventRows([
      event('a', '2024-01-01T00:00:00Z', { count: 3, source: { component: 'kubelet' } }),
      event('b', '2024-01-02T00:00:00Z'),
    ]);
    expect(rows.map((r) => [r.key, r.count, r.source])).toEqual([
      ['b', 1, ''],
      ['a', 3, 'kubelet'],
    ]);
  });
});
