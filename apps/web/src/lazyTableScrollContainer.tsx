import { lazy } from 'react';

/**
 * Stands in for Mantine's TableScrollContainer inside its Table module (build/mantineTable.ts):
 * the real one, with ScrollArea and floating-ui, loads only if rendered.
 */
export const TableScrollContainer = lazy(() =>
  // @ts-expect-error Resolved by the build plugin to Mantine's own module (no types at that id).
  import('cci:mantine-table-scroll-container').then(
    (m: { TableScrollContainer: React.ComponentType }) => ({ default: m.TableScrollContainer }),
  ),
);
