import type { ColumnContext, ColumnSpec } from './columns.ts';
import type { LabelMatcher } from './labelFilter.ts';
import type { KubeObject } from './objects.ts';

export interface SortState {
  column: string;
  descending: boolean;
}

// One collator each, made once: localeCompare with options builds a collator per call, which
// made sorting 10,000 rows (every second, as ages tick) a long task (e2e/bench/listScroll.ts).
const numericOrder = new Intl.Collator(undefined, { numeric: true });
const nameOrder = new Intl.Collator();

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return numericOrder.compare(String(a), String(b));
}

/** Name search (substring, case-insensitive), label filter, then a stable sort by a column. */
export function visibleRows(
  items: readonly KubeObject[],
  options: {
    search: string;
    labels: LabelMatcher | undefined;
    sort: SortState;
    columns: readonly ColumnSpec[];
    context: ColumnContext;
  },
): KubeObject[] {
  const needle = options.search.trim().toLowerCase();
  const rows = items.filter(
    (o) =>
      (needle === '' || o.metadata.name.toLowerCase().includes(needle)) &&
      (!options.labels || options.labels(o.metadata.labels ?? {})),
  );
  const column = options.columns.find((c) => c.id === options.sort.column);
  if (!column) return rows;
  const key = column.sortValue ?? column.value;
  const sign = options.sort.descending ? -1 : 1;
  return rows
    .map((o) => ({ o, k: key(o, options.context) }))
    .sort(
      (x, y) => sign * compare(x.k, y.k) || nameOrder.compare(x.o.metadata.name, y.o.metadata.name),
    )
    .map((r) => r.o);
}
