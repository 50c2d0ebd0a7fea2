import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../resources/objects.ts';
import { dataEntries } from './configData.ts';
import { DataEntryView } from './DataEntryView.tsx';

/** The Data section of a ConfigMap or Secret: each key's value, readable as text. */
export function DataSection({ object }: { object: KubeObject }) {
  const { t } = useTranslation();
  const entries = dataEntries(object);
  return (
    <Stack gap="xs" component="section" aria-label={t('configData.title')}>
      <Title order={5}>
        {t('configData.title')}{' '}
        <Text span size="sm" c="dimmed">
          {t('configData.keys', { count: entries.length })}
        </Text>
      </Title>
      {entries.length === 0 && <Text size="sm">{t('configData.none')}</Text>}
      {entries.map((entry) => (
        <DataEntryView key={entry.key} entry={entry} />
      ))}
    </Stack>
  );
}
