import { Alert, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusAlert } from '../errors/StatusAlert.tsx';
import { SelectionToolbar } from '../actions/SelectionToolbar.tsx';
import { columnsByResource, type ColumnContext } from './columns.ts';
import { visibleRows, type SortState } from './listView.ts';
import { useLabelFilter } from './useLabelFilter.ts';
import { ResourceTable, selectionKey } from './ResourceTable.tsx';
import { useResourceListQuery } from './liveList.ts';
import type { KubeObject } from './objects.ts';
import { isResourcePlural, type ResourcePlural } from './resourceKinds.ts';
import { resourceQueries } from './resources.queries.ts';
import { useNow } from './useNow.ts';
import { ListActions } from '../wizard-shell/ListActions.tsx';

// Events have a screen of their own (folded series, filters): loaded only when opened, so
// the first list after sign-in stays within the initial bundle budget.
const EventsList = lazy(() =>
  import('../events/EventsList.tsx').then((m) => ({ default: m.EventsList })),
);

/** /r/:region/ns/:namespace/:resource — one generic list for every kind. */
export function List() {
  const { t } = useTranslation();
  const { region, namespace, resource } = useParams({ from: '/r/$region/ns/$namespace/$resource' });
  if (!isResourcePlural(resource)) {
    return <Alert color="red">{t('list.unknownResource', { resource })}</Alert>;
  }
  if (resource === 'events') {
    return (
      <Suspense fallback={<Loader size="sm" aria-label={t('app.loading')} />}>
        <EventsList region={region} namespace={namespace} />
      </Suspense>
    );
  }
  return <ResourceList key={resource} region={region} namespace={namespace} plural={resource} />;
}

interface ListProps {
  region: string;
  namespace: string;
  plural: ResourcePlural;
}

export function ResourceList({ region, namespace, plural }: ListProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [labelText, setLabelText] = useState('');
  const [sort, setSort] = useState<SortState>({ column: 'name', descending: false });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const list = useResourceListQuery(region, plural, namespace);
  const networks = useQuery({
    ...resourceQueries.allNetworks(region),
    enabled: plural === 'namespaces',
  });
  const now = useNow();
  const filter = useLabelFilter(labelText);
  const columns = columnsByResource[plural];
  const namespacesWithNetwork = useMemo(
    () =>
      networks.data
        ? new Set(networks.data.items.map((n) => n.metadata.namespace ?? ''))
        : undefined,
    [networks.data],
  );
  const context: ColumnContext = useMemo(
    () => ({ now, namespacesWithNetwork }),
    [now, namespacesWithNetwork],
  );
  const labels = filter?.ok ? filter.matches : undefined;
  // Sorting 30,000 rows takes tens of ms: only when the rows or the order change, not every
  // second as ages tick (no column sorts by the clock: ages sort by their timestamps).
  const sortContext = useMemo(() => ({ now: 0, namespacesWithNetwork }), [namespacesWithNetwork]);
  const rows = useMemo(
    () =>
      visibleRows(list.data?.items ?? [], {
        search,
        labels,
        sort,
        columns,
        context: sortContext,
      }),
    [list.data, search, labels, sort, columns, sortContext],
  );
  const linkParams = useCallback(
    (o: KubeObject) => ({ region, namespace, resource: plural, name: o.metadata.name }),
    [region, namespace, plural],
  );
  // What is selected and still shown: hidden or deleted rows are never acted on.
  const selectedRows = rows.filter((o) => selected.has(selectionKey(o)));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t(`nav.${plural}`)}</Title>
        <Text size="sm" c="dimmed">
          {t('list.count', { count: rows.length })}
        </Text>
      </Group>
      <ListActions region={region} namespace={namespace} plural={plural} />
      <Group align="flex-start">
        <TextInput
          aria-label={t('list.search')}
          placeholder={t('list.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <TextInput
          aria-label={t('list.labelFilter')}
          placeholder={t('list.labelFilterPlaceholder')}
          value={labelText}
          onChange={(e) => setLabelText(e.currentTarget.value)}
          error={filter && !filter.ok ? filter.error : undefined}
          errorProps={{ id: 'label-filter-error' }}
          w={360}
        />
      </Group>
      {list.data && (
        <SelectionToolbar
          region={region}
          namespace={namespace}
          plural={plural}
          objects={list.data.items}
          selected={selectedRows}
          labelFilter={labelText}
          onDeleted={(names) =>
            setSelected(
              new Set(
                selectedRows.filter((o) => !names.includes(o.metadata.name)).map(selectionKey),
              ),
            )
          }
        />
      )}
      {list.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {list.error && <StatusAlert error={list.error} />}
      {list.data && (
        <ResourceTable
          rows={rows}
          columns={columns}
          context={context}
          sort={sort}
          onSort={setSort}
          selection={{ selected, onChange: setSelected }}
          linkParams={linkParams}
        />
      )}
    </Stack>
  );
}
