// @vitest-environment jsdom
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { columnsByResource, type ColumnContext } from '../resources/columns.ts';
import type { KubeObject } from '../resources/objects.ts';
import { ResourceTable } from '../resources/ResourceTable.tsx';

afterEach(cleanup);

const context: ColumnContext = { now: 0, namespacesWithNetwork: undefined };
const rows: KubeObject[] = ['a', 'b', 'c'].map((name) => ({ metadata: { name } }));
let current: ReadonlySet<string> = new Set();

function Harness() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  current = selected;
  return (
    <ResourceTable
      rows={rows}
      columns={columnsByResource.configmaps}
      context={context}
      sort={{ column: 'name', descending: false }}
      onSort={() => {}}
      linkParams={(o) => ({
        region: 'r',
        namespace: 'n',
        resource: 'configmaps',
        name: o.metadata.name,
      })}
      selection={{ selected, onChange: setSelected }}
    />
  );
}

describe('ResourceTable multi-select', () => {
  it('toggles rows one by one and all shown rows at once', async () => {
    const router = createRouter({
      routeTree: createRootRoute({ component: Harness }),
      history: createMemoryHistory({ initialEntries: ['/'] }),
    });
    renderWithProviders(<RouterProvider router={router} />);
    const b = (await screen.findByRole('checkbox', { name: 'Select b' })) as HTMLInputElement;
    fireEvent.click(b);
    expect([...current]).toEqual(['b']);
    const all = screen.getByRole('checkbox', { name: 'Select all shown' }) as HTMLInputElement;
    expect(all.indeterminate).toBe(true);
    fireEvent.click(all);
    expect([...current].sort()).toEqual(['a', 'b', 'c']);
    fireEvent.click(all);
    expect([...current]).toEqual([]);
    fireEvent.click(b);
    fireEvent.click(b);
    expect([...current]).toEqual([]);
  });
});
