import { Anchor, Badge, Checkbox, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Link } from '@tanstack/react-router';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { rowTestId, selectRowTestId, testIds } from '../../testids.ts';
import type { ColumnContext, ColumnSpec } from './columns.ts';
import type { SortState } from './listView.ts';
import { formatLabels, type KubeObject } from './objects.ts';

interface Props {
  rows: readonly KubeObject[];
  columns: readonly ColumnSpec[];
  context: ColumnContext;
  sort: SortState;
  onSort: (sort: SortState) => void;
  /** Where a row's name links to (the details page). */
  linkParams: (object: KubeObject) => {
    region: string;
    namespace: string;
    resource: string;
    name: string;
  };
  /** Multi-select (a checkbox column) for the list's actions; selectionKey of selected rows. */
  selection?: {
    selected: ReadonlySet<string>;
    onChange: (selected: ReadonlySet<string>) => void;
  };
}

const ROW_HEIGHT = 40;

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
  const selectedShown = selection
    ? rows.filter((o) => selection.selected.has(selectionKey(o)))
    : [];
  const toggle = (key: string) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (!next.delete(key)) next.add(key);
    selection.onChange(next);
  };

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

  const cell = (column: ColumnSpec, object: KubeObject) => {
    const value = column.value(object, context);
    if (column.id === 'name') {
      return (
        <Anchor
          renderRoot={(props) => (
            <Link
              {...props}
              to="/r/$region/ns/$namespace/$resource/$name"
              params={linkParams(object)}
            />
          )}
        >
          {value}
        </Anchor>
      );
    }
    if (column.render === 'cciStatus') {
      if (value === 'unknown') return <Text c="dimmed">-</Text>;
      return (
        <Badge color={value === 'normal' ? 'green' : 'red'} variant="light" tt="none">
          {t(`cciStatus.${value === 'normal' ? 'normal' : 'abnormal'}`)}
        </Badge>
      );
    }
    return value;
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
                  data-testid={testIds.selectAllRows}
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
              <Table.Tr
                key={object.metadata.uid ?? object.metadata.name}
                data-testid={rowTestId(object.metadata.name)}
                style={{ height: ROW_HEIGHT }}
              >
                {selection && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('actions.selectRow', { name: object.metadata.name })}
                      data-testid={selectRowTestId(object.metadata.name)}
                      checked={selection.selected.has(selectionKey(object))}
                      onChange={() => toggle(selectionKey(object))}
                    />
                  </Table.Td>
                )}
                {columns.map((column) => (
                  <Table.Td key={column.id}>{cell(column, object)}</Table.Td>
                ))}
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {formatLabels(object.metadata.labels).map((label) => (
                      <Badge key={label} size="sm" variant="outline" tt="none">
                        {label}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
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
