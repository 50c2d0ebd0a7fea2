import { Button, Group, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The row that ends every action dialog: Cancel, then the action itself. */
export function DialogButtons(props: {
  onCancel: () => void;
  onSubmit: () => void;
  disabled: boolean;
  pending: boolean;
  color?: MantineColor | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onCancel}>
        {t('actions.cancel')}
      </Button>
      <Button
        color={props.color}
        disabled={props.disabled}
        loading={props.pending}
        onClick={props.onSubmit}
      >
        {props.children}
      </Button>
    </Group>
  );
}
