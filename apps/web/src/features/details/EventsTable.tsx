import type { KindDescriptor } from '@cci/model';
import { Alert, Badge, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/kube/http.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { foldEvents } from '../events/eventFold.ts';
import { formatAge, type KubeObject } from '../resources/objects.ts';
import { useNow } from '../resources/useNow.ts';
import { detailsQueries } from './details.queries.ts';

interface Props {
  object: KubeObject;
  kind: KindDescriptor;
  region: string;
}

/**
 * Events whose involvedObject is this object (field selector on kind, name, namespace), folded
 * as the namespace's Events list folds them (foldEvents: one row per type, reason and message,
 * counts added, newest first), so a crash loop is one row with its count, not one per event.
 */
export function EventsTable({ object, kind, region }: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const query = useQuery(detailsQueries.events(region, object, kind));
  if (query.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (query.error) {
    return (
      <Alert color="red" role="alert">
        {query.error instanceof ApiError
          ? query.error.localized(currentLanguage())
          : t('common.error')}
      </Alert>
    );
  }
  const rows = foldEvents(query.data.items);
  if (rows.length === 0) return <Text size="sm">{t('objectDetails.eventsNone')}</Text>;
  return (
    <Table verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('objectDetails.eventType')}</Table.Th>
          <Table.Th>{t('objectDetails.eventReason')}</Table.Th>
          <Table.Th>{t('objectDetails.eventLast')}</Table.Th>
          <Table.Th>{t('objectDetails.eventCount')}</Table.Th>
          <Table.Th>{t('objectDetails.eventSource')}</Table.Th>
          <Table.Th>{t('objectDetails.eventMessage')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((e) => (
          <Table.Tr key={e.key}>
            <Table.Td>
              <Badge color={e.type === 'Warning' ? 'orange' : 'blue'} variant="light">
                {e.type}
              </Badge>
            </Table.Td>
            <Table.Td>{e.reason}</Table.Td>
            <Table.Td>{e.lastSeen ? formatAge(e.lastSeen, now) : ''}</Table.Td>
            <Table.Td>{e.count}</Table.Td>
            <Table.Td>{e.source}</Table.Td>
            <Table.Td>{e.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
