import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormModel } from '../forms/formModel.tsx';
import { TextField } from '../forms/fields.tsx';
import { describeSchedule, formatRun, nextRuns } from './cronText.ts';

/** The schedule, what it means in words, and when it runs next (in the viewer's time zone). */
export function CronScheduleField({ form }: { form: FormModel }) {
  const { t } = useTranslation();
  const schedule = String(form.get(['spec', 'schedule']) ?? '');
  const zone = form.get(['spec', 'timeZone']);
  const words = describeSchedule(schedule, form.language);
  const runs = nextRuns(schedule, new Date(), 5, typeof zone === 'string' ? zone : 'UTC');
  return (
    <Stack gap={4}>
      <TextField
        form={form}
        path={['spec', 'schedule']}
        label={t('workloadForms.schedule')}
        description={t('workloadForms.scheduleHint')}
        placeholder="*/5 * * * *"
      />
      {words && (
        <Text size="sm" aria-label={t('workloadForms.scheduleWords')}>
          {words} ({typeof zone === 'string' ? zone : 'UTC'})
        </Text>
      )}
      {runs.length > 0 && (
        <section aria-label={t('workloadForms.nextRuns')}>
          <Text size="xs" c="dimmed">
            {t('workloadForms.nextRunsTitle', { count: runs.length })}
          </Text>
          <List size="xs">
            {runs.map((run) => (
              <List.Item key={run.toISOString()}>{formatRun(run, form.language)}</List.Item>
            ))}
          </List>
        </section>
      )}
    </Stack>
  );
}
