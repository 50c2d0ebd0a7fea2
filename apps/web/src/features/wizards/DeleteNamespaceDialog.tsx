import { Alert, Button, Group, List, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { testIds } from '../../testids.ts';
import { wizardQueries } from './wizards.queries.ts';

interface Props {
  region: string;
  name: string;
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void | Promise<void>;
}

/** Deleting a namespace deletes everything in it: list it, and ask for the name typed out. */
export function DeleteNamespaceDialog({ region, name, opened, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState(false);
  const contents = useQuery({ ...wizardQueries.contents(region, name), enabled: opened });
  const confirm = async () => {
    setPending(true);
    try {
      await onConfirm();
    } finally {
      setPending(false);
      setTyped('');
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('nsWizard.deleteTitle', { name })}>
      <Stack>
        <Alert color="red">{t('nsWizard.deleteWarning', { name })}</Alert>
        {contents.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
        {contents.data && contents.data.length === 0 && (
          <Text size="sm">{t('nsWizard.empty')}</Text>
        )}
        {contents.data && contents.data.length > 0 && (
          <List size="sm" data-testid={testIds.deleteContents}>
            {contents.data.map(({ plural, names }) => (
              <List.Item key={plural}>
                {t(`nav.${plural}`)} ({names.length}): {names.join(', ')}
              </List.Item>
            ))}
          </List>
        )}
        <TextInput
          label={t('nsWizard.typeName', { name })}
          data-testid={testIds.deleteConfirmName}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autoComplete="off"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('nsWizard.cancel')}
          </Button>
          <Button
            color="red"
            data-testid={testIds.deleteConfirm}
            disabled={typed !== name}
            loading={pending}
            onClick={() => void confirm()}
          >
            {t('nsWizard.deleteButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
