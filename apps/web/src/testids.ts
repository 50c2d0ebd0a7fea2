/**
 * Test hooks for what has no accessible name of its own; everything else is found by role and
 * visible name (e2e/pages/, as an operator finds it). Never shipped: the production build stubs
 * this module and strips every data-testid (build/testIds.ts). Metrics charts still carry
 * data-points / data-last and the pod panel data-state (ok | metrics-off | not-running | error):
 * what a chart plots, which no accessible name says.
 */
export const testIds = {
  // The list's table has no caption or name of its own (ResourceTable.test.tsx, editor.spec.ts).
  resourceTable: 'resource-table',
} as const;

// A list row by metadata.name: a row's accessible name is all its cells' text (ResourceListPage).
export const rowTestId = (name: string): string => `row-${name}`;
