import {
  Badge,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusAlert } from '../errors/StatusAlert.tsx';
import { useResourceListQuery } from '../resources/liveList.ts';
import { useNow } from '../resources/useNow.ts';
import { eventColumns, type EventColumn } from './eventColumns.ts';
import {
  filterEvents,
  foldEvents,
  noEventFilter,
  type EventFilter,
  type FoldedEvent,
} from './eventFold.ts';
import { EventObjectLink } from './EventObjectLink.tsx';

interface Props {
  region: string;
  namespace: string;
}

/** /r/:region/ns/:namespace/events — the namespace's events, live, folded as kubectl does. */
export function EventsList({ region, namespace }: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const list = useResourceListQuery(region, 'events', namespace);
  const [filter, setFilter] = useState<EventFilter>(noEventFilter);
  const folded = useMemo(() => foldEvents(list.data?.items ?? []), [list.data]);
  const rows = useMemo(() => filterEvents(folded, filter), [folded, filter]);
  const set = (change: Partial<EventFilter>) => setFilter((f) => ({ ...f, ...change }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('events.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('events.count', { count: rows.length })}
        </Text>
      </Group>
      <Group align="flex-end">
        <SegmentedControl
          aria-label={t('events.typeFilter')}
          value={filter.type}
          onChange={(v) => set({ type: v === 'Normal' || v === 'Warning' ? v : '' })}
          data={[
            { value: '', label: t('events.typeAll') },
            { value: 'Normal', label: t('events.typeNormal') },
            { value: 'Warning', label: t('events.typeWarning') },
          ]}
        />
        <TextInput
          aria-label={t('events.reasonFilter')}
          placeholder={t('events.reasonFilter')}
          value={filter.reason}
          onChange={(e) => set({ reason: e.currentTarget.value })}
        />
        <TextInput
          aria-label={t('events.objectFilter')}
          placeholder={t('events.objectFilter')}
          value={filter.object}
          onChange={(e) => set({ object: e.currentTarget.value })}
          w={280}
        />
      </Group>
      {list.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {list.error && <StatusAlert error={list.error} />}
      {list.data && rows.length === 0 && (
        <Text size="sm">{t(folded.length === 0 ? 'events.none' : 'events.noMatch')}</Text>
      )}
      {rows.length > 0 && (
        <Table aria-label={t('events.title')} verticalSpacing={4} striped>
          <Table.Thead>
            <Table.Tr>
              {eventColumns.map((c) => (
                <Table.Th key={c.id} w={c.width}>
                  {t(`events.${c.title}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                {eventColumns.map((c) => (
                  <Table.Td key={c.id}>{cell(c, row, now, region, t)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function cell(
  column: EventColumn,
  row: FoldedEvent,
  now: number,
  region: string,
  t: (key: string) => string,
) {
  if (column.render === 'type') {
    const warning = row.type === 'Warning';
    return (
      <Badge color={warning ? 'orange' : 'blue'} variant="light">
        {t(warning ? 'events.typeWarning' : row.type === 'Normal' ? 'events.typeNormal' : row.type)}
      </Badge>
    );
  }
  if (column.render === 'object') return <EventObjectLink object={row.object} region={region} />;
  return column.value(row, now);
}
