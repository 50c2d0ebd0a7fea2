// @vitest-environment jsdom
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { rowTestId, testIds } from '../../testids.ts';
import { columnsByResource, type ColumnContext } from './columns.ts';
import { visibleRows, type SortState } from './listView.ts';
import type { KubeObject } from './objects.ts';
import { ResourceTable } from './ResourceTable.tsx';

afterEach(cleanup);

const now = Date.parse('2026-01-01T01:00:00Z');
const context: ColumnContext = { now, namespacesWithNetwork: new Set(['demo']) };
const ns = (name: string, minutesOld: number): KubeObject => ({
  metadata: {
    name,
    labels: { team: name },
    creationTimestamp: new Date(now - minutesOld * 60_000).toISOString(),
  },
  status: { phase: 'Active' },
});
const items = [ns('demo', 30), ns('alpha', 5), ns('zeta', 50)];

function Harness() {
  const [sort, setSort] = useState<SortState>({ column: 'name', descending: false });
  const columns = columnsByResource.namespaces;
  return (
    <ResourceTable
      rows={visibleRows(items, { search: '', labels: undefined, sort, columns, context })}
      columns={columns}
      context={context}
      sort={sort}
      onSort={setSort}
      linkParams={(o) => ({
        region: 'r1',
        namespace: 'demo',
        resource: 'namespaces',
        name: o.metadata.name,
      })}
    />
  );
}

async function renderTable() {
  const router = createRouter({
    routeTree: createRootRoute({ component: Harness }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  renderWithProviders(<RouterProvider router={router} />);
  return screen.findByTestId(testIds.resourceTable);
}

const rowNames = () =>
  screen
    .getAllByTestId(/^row-/)
    .map((row) => row.getAttribute('data-testid')?.slice('row-'.length));

describe('ResourceTable', () => {
  it('renders rows with testids, links to details, N4 status and labels', async () => {
    await renderTable();
    expect(rowNames()).toEqual(['alpha', 'demo', 'zeta']);
    const demo = screen.getByTestId(rowTestId('demo'));
    expect(within(demo).getByRole('link', { name: 'demo' }).getAttribute('href')).toBe(
      '/r/r1/ns/demo/namespaces/demo',
    );
    expect(within(demo).getByText('Normal')).toBeTruthy();
    expect(within(screen.getByTestId(rowTestId('zeta'))).getByText('Abnormal')).toBeTruthy();
    expect(within(demo).getByText('team=demo')).toBeTruthy();
    expect(within(demo).getByText('30m')).toBeTruthy();
  });

  it('sorts by a column header, toggling the direction', async () => {
    await renderTable();
    fireEvent.click(screen.getByRole('button', { name: /Age/ }));
    expect(rowNames()).toEqual(['alpha', 'demo', 'zeta']);
    fireEvent.click(screen.getByRole('button', { name: /Age/ }));
    expect(rowNames()).toEqual(['zeta', 'demo', 'alpha']);
    const header = screen.getByRole('columnheader', { name: /Age/ });
    expect(header.getAttribute('aria-sort')).toBe('descending');
  });
});
