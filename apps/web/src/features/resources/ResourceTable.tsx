import { Checkbox, Table, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { testIds } from '../../testids.ts';
import type { ColumnContext, ColumnSpec } from './columns.ts';
import type { SortState } from './listView.ts';
import type { KubeObject } from './objects.ts';
import { ResourceRow, ROW_HEIGHT, type LinkParams } from './ResourceRow.tsx';

interface Props {
  rows: readonly KubeObject[];
  columns: readonly ColumnSpec[];
  context: ColumnContext;
  sort: SortState;
  onSort: (sort: SortState) => void;
  /** Where a row's name links to (the details page); stable, or every row renders again. */
  linkParams: (object: KubeObject) => LinkParams;
  /** Multi-select (a checkbox column) for the list's actions; selectionKey of selected rows. */
  selection?: {
    selected: ReadonlySet<string>;
    onChange: (selected: ReadonlySet<string>) => void;
  };
}

/** Rows are selected by uid: an object re-created under the same name is not selected. */
export const selectionKey = (object: KubeObject): string =>
  object.metadata.uid ?? object.metadata.name;

/** The one table of every list: columns come as data, rows are virtualized. */
export function ResourceTable({
  rows,
  columns,
  context,
  sort,
  onSort,
  linkParams,
  selection,
}: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Until the scroll box is measured (and in jsdom, never), assume a screenful.
    initialRect: { width: 1200, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const span = columns.length + 1 + (selection ? 1 : 0);
  // Not per scroll step: the table renders again each time the virtualizer moves.
  const selected = selection?.selected;
  const selectedShown = useMemo(
    () => (selected ? rows.filter((o) => selected.has(selectionKey(o))) : []),
    [rows, selected],
  );
  // Stable across renders (the rows are memoized); reads the selection of the latest render.
  const selectionRef = useRef(selection);
  useLayoutEffect(() => {
    selectionRef.current = selection;
  });
  const toggle = useCallback((object: KubeObject) => {
    const current = selectionRef.current;
    if (!current) return;
    const next = new Set(current.selected);
    const key = selectionKey(object);
    if (!next.delete(key)) next.add(key);
    current.onChange(next);
  }, []);

  const header = (column: ColumnSpec) => {
    const active = sort.column === column.id;
    const direction = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
    return (
      <Table.Th key={column.id} aria-sort={direction} style={{ width: column.width }}>
        <UnstyledButton
          fw={700}
          fz="sm"
          onClick={() => onSort({ column: column.id, descending: active && !sort.descending })}
        >
          {t(`column.${column.title}`)} {active ? (sort.descending ? '▼' : '▲') : ''}
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <div ref={scrollRef} className="resource-table-scroll">
      <Table stickyHeader highlightOnHover data-testid={testIds.resourceTable}>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('actions.selectAll')}
                  checked={rows.length > 0 && selectedShown.length === rows.length}
                  indeterminate={selectedShown.length > 0 && selectedShown.length < rows.length}
                  onChange={() =>
                    selection.onChange(
                      new Set(selectedShown.length === rows.length ? [] : rows.map(selectionKey)),
                    )
                  }
                />
              </Table.Th>
            )}
            {columns.map(header)}
            <Table.Th>{t('column.labels')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
          {items.map((item) => {
            const object = rows[item.index];
            if (!object) return null;
            return (
              <ResourceRow
                key={selectionKey(object)}
                object={object}
                columns={columns}
                context={context}
                linkParams={linkParams}
                selected={selection ? selection.selected.has(selectionKey(object)) : undefined}
                onToggle={toggle}
              />
            );
          })}
          {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={span}>
                <Text c="dimmed">{t('list.empty')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
