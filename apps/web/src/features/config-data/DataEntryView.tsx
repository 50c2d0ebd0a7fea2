import { ActionIcon, Code, CopyButton, Group, Paper, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MASK, type DataEntry } from './configData.ts';

/** One key: its value as text (multi-line as a block), a Secret's masked until revealed. */
export function DataEntryView({ entry }: { entry: DataEntry }) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState(false);
  const shown = !entry.secret || revealed;
  const key = entry.key;
  return (
    <Paper withBorder p="xs" component="article" aria-label={key}>
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Text fw={600} size="sm">
            {key}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              t('configData.bytes', { count: entry.bytes }),
              entry.lines > 1 ? t('configData.lines', { count: entry.lines }) : '',
              entry.binary ? t('configData.binary') : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Group>
        <Group gap={4}>
          {entry.secret && (
            <Tooltip label={t(revealed ? 'configData.hide' : 'configData.reveal', { key })}>
              <ActionIcon
                variant="subtle"
                aria-label={t(revealed ? 'configData.hide' : 'configData.reveal', { key })}
                aria-pressed={revealed}
                onClick={() => setRevealed(!revealed)}
              >
                {revealed ? '◉' : '◎'}
              </ActionIcon>
            </Tooltip>
          )}
          <CopyButton value={entry.text}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('configData.copied') : t('configData.copy', { key })}>
                <ActionIcon
                  variant="subtle"
                  color={copied ? 'teal' : undefined}
                  aria-label={t('configData.copy', { key })}
                  onClick={copy}
                >
                  {copied ? '✓' : '⧉'}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Group>
      {shown ? (
        <Code block className="data-value">
          {entry.text}
        </Code>
      ) : (
        <Code aria-label={t('configData.masked', { key })}>{MASK}</Code>
      )}
    </Paper>
  );
}
