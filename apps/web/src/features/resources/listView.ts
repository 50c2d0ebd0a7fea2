import { matchesLabels, parseLabelSelector, type LabelSelector } from '@cci/model';
import type { ColumnContext, ColumnSpec } from './columns.ts';
import type { KubeObject } from './objects.ts';

export interface SortState {
  column: string;
  descending: boolean;
}

export type ParsedFilter =
  { ok: true; selector: LabelSelector | undefined } | { ok: false; error: string };

/** L1: the label filter box; empty means no filter; errors come from @cci/model's parser. */
export function parseLabelFilter(text: string): ParsedFilter {
  if (text.trim() === '') return { ok: true, selector: undefined };
  const parsed = parseLabelSelector(text);
  return parsed.ok ? { ok: true, selector: parsed.selector } : parsed;
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** Name search (substring, case-insensitive), label selector, then a stable sort by a column. */
export function visibleRows(
  items: readonly KubeObject[],
  options: {
    search: string;
    selector: LabelSelector | undefined;
    sort: SortState;
    columns: readonly ColumnSpec[];
    context: ColumnContext;
  },
): KubeObject[] {
  const needle = options.search.trim().toLowerCase();
  const rows = items.filter(
    (o) =>
      (needle === '' || o.metadata.name.toLowerCase().includes(needle)) &&
      (!options.selector || matchesLabels(options.selector, o.metadata.labels ?? {})),
  );
  const column = options.columns.find((c) => c.id === options.sort.column);
  if (!column) return rows;
  const key = column.sortValue ?? column.value;
  const sign = options.sort.descending ? -1 : 1;
  return rows
    .map((o) => ({ o, k: key(o, options.context) }))
    .sort((x, y) => sign * compare(x.k, y.k) || x.o.metadata.name.localeCompare(y.o.metadata.name))
    .map((r) => r.o);
}
