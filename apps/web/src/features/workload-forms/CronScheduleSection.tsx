/**
 * A CronJob's schedule on its details page: the expression, in words, the next five runs and
 * the last one, in the viewer's time zone. Loaded lazily (the cron libraries) by KindSections.
 */
import { List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import type { KubeObject } from '../resources/objects.ts';
import { describeSchedule, formatRun, nextRuns } from './cronText.ts';

export default function CronScheduleSection({ object }: { object: KubeObject }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const spec = (object as { spec?: { schedule?: string; suspend?: boolean; timeZone?: string } })
    .spec;
  const schedule = spec?.schedule ?? '';
  const zone = spec?.timeZone ?? 'UTC';
  const last = (object as { status?: { lastScheduleTime?: string } }).status?.lastScheduleTime;
  const runs = spec?.suspend ? [] : nextRuns(schedule, new Date(), 5, zone);
  return (
    <Stack gap="xs" component="section" aria-label={t('objectDetails.cron.title')}>
      <Title order={5}>{t('objectDetails.cron.title')}</Title>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={200}>{t('objectDetails.cron.schedule')}</Table.Th>
            <Table.Td ff="monospace">{schedule}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('objectDetails.cron.words')}</Table.Th>
            <Table.Td>
              {describeSchedule(schedule, language) ?? '-'} ({zone})
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('objectDetails.cron.lastSchedule')}</Table.Th>
            <Table.Td>
              {last ? formatRun(new Date(last), language) : t('objectDetails.cron.never')}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {spec?.suspend && <Text size="sm">{t('objectDetails.cron.suspended')}</Text>}
      {runs.length > 0 && (
        <>
          <Text size="sm" fw={500}>
            {t('objectDetails.cron.nextRuns')}
          </Text>
          <List size="sm">
            {runs.map((run) => (
              <List.Item key={run.toISOString()}>{formatRun(run, language)}</List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
