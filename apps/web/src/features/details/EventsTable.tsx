import type { KindDescriptor } from '@cci/model';
import { Alert, Badge, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/kube/http.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { asNumber, asText, formatAge, type KubeObject } from '../resources/objects.ts';
import { ofKind } from '../../lib/kube/objects.ts';
import { useNow } from '../resources/useNow.ts';
import { detailsQueries } from './details.queries.ts';

interface EventRow {
  key: string;
  type: string;
  reason: string;
  message: string;
  count: number;
  last: string;
  source: string;
}

/** Newest first, as `kubectl describe` shows them last-seen ordered. */
export function eventRows(events: KubeObject[]): EventRow[] {
  return events
    .map((e) => ({
      key: e.metadata.uid ?? e.metadata.name,
      type: asText(e['type']),
      reason: asText(e['reason']),
      message: asText(e['message']),
      count: asNumber(e['count'], 1),
      last:
        asText(e['lastTimestamp']) ||
        asText(e['eventTime']) ||
        (e.metadata.creationTimestamp ?? ''),
      source: (ofKind<'Event'>(e).source?.component ?? '') || asText(e['reportingComponent']),
    }))
    .sort((a, b) => (Date.parse(b.last) || 0) - (Date.parse(a.last) || 0));
}

interface Props {
  object: KubeObject;
  kind: KindDescriptor;
  region: string;
}

/** Events whose involvedObject is this object (field selector on kind, name, namespace). */
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
  const rows = eventRows(query.data.items);
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
            <Table.Td>{e.last ? formatAge(e.last, now) : ''}</Table.Td>
            <Table.Td>{e.count}</Table.Td>
            <Table.Td>{e.source}</Table.Td>
            <Table.Td>{e.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
