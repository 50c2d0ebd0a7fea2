import { Alert, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { ConfirmDialog } from '../wizard-shell/ConfirmDialog.tsx';
import { errorText } from '../wizard-shell/wizardMutations.ts';
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
  const confirm = useMutation({
    mutationFn: async () => onConfirm(),
    onSettled: () => setTyped(''),
  });
  return (
    <ConfirmDialog
      title={t('nsWizard.deleteTitle', { name })}
      opened={opened}
      onClose={onClose}
      submitLabel={t('nsWizard.deleteButton')}
      danger
      ready={typed === name}
      pending={confirm.isPending}
      error={errorText(confirm.error, currentLanguage())}
      onSubmit={() => confirm.mutate()}
    >
      <Alert color="red">{t('nsWizard.deleteWarning', { name })}</Alert>
      {opened && <NamespaceContentsList region={region} namespace={name} />}
      <TextInput
        label={t('nsWizard.typeName', { name })}
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
        autoComplete="off"
      />
    </ConfirmDialog>
  );
}
