// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requireKind } from '../../lib/kube/kinds.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { stubFetch } from '../actions/fetchStub.testkit.ts';
import type { KubeObject } from '../resources/objects.ts';
import { EventsTable } from './EventsTable.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const pod = { metadata: { name: 'web-1', namespace: 'demo', uid: 'p1' } } as KubeObject;
const event = (name: string, over: Record<string, unknown>) => ({
  metadata: { name, namespace: 'demo', uid: name },
  involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'demo' },
  type: 'Warning',
  reason: 'BackOff',
  message: 'Back-off restarting failed container',
  source: { component: 'kubelet' },
  ...over,
});

describe('the Events tab of a details page', () => {
  it('folds repeated events as the namespace Events list does: one row, counts added, newest first', async () => {
    stubFetch({
      'GET /api/cci/api/v1/namespaces/demo/events': {
        body: {
          kind: 'EventList',
          metadata: {},
          items: [
            event('a', { count: 3, lastTimestamp: '2026-01-01T00:05:00Z' }),
            // The same series again as a separate object (another recorder): folded in.
            event('b', { count: 2, lastTimestamp: '2026-01-01T00:09:00Z' }),
            event('c', {
              type: 'Normal',
              reason: 'Pulled',
              message: 'pulled nginx',
              lastTimestamp: '2026-01-01T00:01:00Z',
            }),
          ],
        },
      },
    });
    renderWithProviders(
      <EventsTable object={pod} kind={requireKind('pods')} region="cn-north-4" />,
    );
    await screen.findByText('BackOff');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const cells = rows.map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );
    // type, reason, last seen, count, source, message
    expect(cells.map((c) => [c[0], c[1], c[3], c[4]])).toEqual([
      ['Warning', 'BackOff', '5', 'kubelet'],
      ['Normal', 'Pulled', '1', 'kubelet'],
    ]);
  });
});
