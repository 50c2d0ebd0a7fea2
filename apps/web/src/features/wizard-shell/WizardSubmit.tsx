import { Alert, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SubmitProps {
  label: string;
  /** Whether what the form holds may be sent. */
  ready: boolean;
  pending?: boolean;
  /** Why the last attempt was refused, if it was. */
  error?: ReactNode;
  onSubmit: () => void;
}

interface Props extends SubmitProps {
  /** Buttons before Create (a stepped wizard's Back). */
  before?: ReactNode;
}

/** The end of a wizard: the last refusal, and Create. */
export function WizardSubmit({ label, ready, pending = false, error, onSubmit, before }: Props) {
  return (
    <>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        {before}
        <Button disabled={!ready} loading={pending} onClick={onSubmit}>
          {label}
        </Button>
      </Group>
    </>
  );
}
