import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/objects.ts';
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
});
