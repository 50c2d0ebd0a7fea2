import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { testIds } from '../../testids.ts';
import { NamespaceContentsList } from './NamespaceContentsList.tsx';

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
        {opened && <NamespaceContentsList region={region} namespace={name} />}
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
