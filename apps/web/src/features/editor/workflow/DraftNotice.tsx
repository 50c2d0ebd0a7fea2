import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { testIds } from '../../../testids.ts';
import type { DraftSave, StoredDraft } from './drafts.ts';

interface Props {
  restored: StoredDraft | undefined;
  lastSave: DraftSave | undefined;
  onDiscard(): void;
}

/** Says when the text came from a stored draft, and when a Secret's values were not stored. */
export function DraftNotice({ restored, lastSave, onDiscard }: Props) {
  const { t } = useTranslation();
  const secretNote =
    lastSave === 'notSavedSecret'
      ? t('workflow.draft.notSavedSecret')
      : lastSave === 'savedWithoutSecretValues' || restored?.secretValuesRemoved
        ? t('workflow.draft.secretValuesRemoved')
        : undefined;
  if (!restored && !secretNote) return null;
  return (
    <Alert color="yellow" data-testid={testIds.editorDraft} data-save={lastSave ?? 'none'}>
      <Group justify="space-between" wrap="nowrap">
        <div>
          {restored && (
            <Text size="sm">
              {t('workflow.draft.restored', { time: new Date(restored.savedAt).toLocaleString() })}
            </Text>
          )}
          {secretNote && <Text size="sm">{secretNote}</Text>}
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
