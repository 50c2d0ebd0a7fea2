/**
 * A CronJob's schedule where it is shown: a CronJobs list cell (in words, or the next run) and
 * the details section (expression, words, next five runs, last run), in the viewer's time zone.
 * One module loaded lazily by both, so the cron libraries stay off the first load.
 */
import { List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import type { KubeObject } from '../resources/objects.ts';
import { describeSchedule, formatRun, nextRuns } from './cronText.ts';

/** A list cell: the `schedule` column in words, the `nextRun` column as a time. */
export default function CronCell({ schedule, column }: { schedule: string; column: string }) {
  useTranslation(); // renders again when the language changes
  const language = currentLanguage();
  if (column === 'schedule') {
    const words = describeSchedule(schedule, language);
    return <span title={schedule}>{words ?? schedule}</span>;
  }
  const [next] = nextRuns(schedule, new Date(), 1);
  return next ? formatRun(next, language) : '';
}

export function CronScheduleSection({ object }: { object: KubeObject }) {
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
      <Text component="h5" fw={700}>
        {t('objectDetails.cron.title')}
      </Text>
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
