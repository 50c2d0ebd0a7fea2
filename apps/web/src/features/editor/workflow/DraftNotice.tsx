import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DraftSave, StoredDraft } from './drafts.ts';

interface Props {
  /** useDraft's state: the restored draft, the last save, blank Secret values still to type. */
  draft: {
    restored: StoredDraft | undefined;
    lastSave: DraftSave | undefined;
    missingSecretValues: readonly string[];
  };
  onDiscard(): void;
}

/** Says when the text came from a stored draft, and when a Secret's values were not stored. */
export function DraftNotice({ draft, onDiscard }: Props) {
  const { t } = useTranslation();
  const { restored, lastSave, missingSecretValues } = draft;
  const secretNote =
    lastSave === 'notSavedSecret'
      ? t('workflow.draft.notSavedSecret')
      : lastSave === 'savedWithoutSecretValues' || restored?.secretValuesRemoved
        ? t('workflow.draft.secretValuesRemoved')
        : undefined;
  if (!restored && !secretNote) return null;
  return (
    <Alert
      color="yellow"
      aria-label={t('workflow.draft.noticeLabel')}
      data-save={lastSave ?? 'none'}
    >
      <Group justify="space-between" wrap="nowrap">
        <div>
          {restored && (
            <Text size="sm">
              {t('workflow.draft.restored', { time: new Date(restored.savedAt).toLocaleString() })}
            </Text>
          )}
          {secretNote && <Text size="sm">{secretNote}</Text>}
          {missingSecretValues.length > 0 && (
            <Text size="sm" fw={500}>
              {t('workflow.draft.missingSecretValues', { fields: missingSecretValues.join(', ') })}
            </Text>
          )}
        </div>
        {restored && (
          <Button size="xs" variant="subtle" onClick={onDiscard}>
            {t('workflow.draft.discard')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
