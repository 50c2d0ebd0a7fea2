import type { Table } from './toTable.ts';
import type { TableCell } from './tableTypes.ts';

/** One row of a Table keyed by column name (for tests, logs and the demo). */
export function rowByColumn(table: Table, index = 0): Record<string, TableCell | undefined> {
  const row = table.rows[index];
  return Object.fromEntries(table.columnDefinitions.map((c, i) => [c.name, row?.cells[i]]));
}
