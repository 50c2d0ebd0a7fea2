import { Alert, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { testIds } from '../../testids.ts';
import { YamlPreview } from './YamlPreview.tsx';

interface Props {
  manifestTitle: string;
  /** Exactly what the create button sends. */
  documents: Record<string, unknown>[];
  /** Why the last attempt was refused, if it was. */
  error?: ReactNode;
  errorTestId?: string;
  ready: boolean;
  pending: boolean;
  label: string;
  onCreate: () => void;
}

/** The end of a one-page wizard: the manifests it will send, the last refusal, and Create. */
export function WizardSubmit(props: Props) {
  const { manifestTitle, documents, error, errorTestId, ready, pending, label, onCreate } = props;
  return (
    <>
      <YamlPreview title={manifestTitle} documents={documents} testId={testIds.wizardYaml} />
      {error && (
        <Alert color="red" role="alert" data-testid={errorTestId}>
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          data-testid={testIds.wizardCreate}
          disabled={!ready}
          loading={pending}
          onClick={onCreate}
        >
          {label}
        </Button>
      </Group>
    </>
  );
}
