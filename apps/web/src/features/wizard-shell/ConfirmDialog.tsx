import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  opened?: boolean;
  onClose: () => void;
  children: ReactNode;
  submitLabel: string;
  /** Red for what cannot be undone. */
  danger?: boolean;
  /** Whether the button may be pressed (a typed name, a valid value...). */
  ready?: boolean;
  pending: boolean;
  /** Why the last attempt was refused, if it was. */
  error?: string | undefined;
  onSubmit: () => void;
}

/** The managers' dialogs (scale, edit, delete): what will happen, Cancel, and the action. */
export function ConfirmDialog(props: Props) {
  const { title, opened = true, onClose, children, submitLabel, danger = false } = props;
  const { ready = true, pending, error, onSubmit } = props;
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        {children}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={danger ? 'red' : undefined}
            disabled={!ready}
            loading={pending}
            onClick={onSubmit}
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
