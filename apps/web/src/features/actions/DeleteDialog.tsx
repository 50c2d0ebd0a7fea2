import { Alert, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../resources/objects.ts';
import { NamespaceContentsList } from '../namespaces/NamespaceContentsList.tsx';
import { DialogButtons } from './DialogButtons.tsx';
import { ActionFailures } from './ActionError.tsx';
import { actionMutations, type ActionTarget } from './actions.queries.ts';
import { needsTypedConfirmation, typedNamesMatch } from './deletion.ts';
import { notify } from '../../notifications.tsx';

interface DeleteDialogProps {
  target: ActionTarget;
  objects: readonly KubeObject[];
  onClose: () => void;
  /** Called with the names actually deleted (the list drops them from its selection). */
  onDeleted?: ((names: string[]) => void) | undefined;
}

/** The frame of both delete dialogs (by name, by selector). */
export function DeleteModal(props: {
  target: ActionTarget;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('actions.deleteTitle', { resource: t(`nav.${props.target.plural}`) })}
      size="lg"
    >
      {props.children}
    </Modal>
  );
}

/** Delete one or several objects, named in the confirmation. */
export function DeleteDialog({ target, objects, onClose, onDeleted }: DeleteDialogProps) {
  return (
    <DeleteModal target={target} onClose={onClose}>
      <DeleteConfirmation
        target={target}
        objects={objects}
        onClose={onClose}
        onDeleted={onDeleted}
      />
    </DeleteModal>
  );
}

interface ConfirmationProps extends DeleteDialogProps {
  /** Replaces the default "these objects will be deleted" line (selector deletes say more). */
  intro?: string;
  /** While the objects shown may not be the final ones (a selector still being typed). */
  disabled?: boolean;
}

/**
 * The confirmation itself: the names that go, a typed confirmation for namespaces, and one
 * message per object that could not be deleted (the others are gone and leave the list).
 */
export function DeleteConfirmation(props: ConfirmationProps) {
  const { target, objects, onClose, onDeleted, intro, disabled = false } = props;
  const { t } = useTranslation();
  const client = useQueryClient();
  const mutation = useMutation(actionMutations.deleteObjects(client, target));
  const [typed, setTyped] = useState('');
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const remaining = objects.filter((o) => !gone.has(o.metadata.name));
  const names = remaining.map((o) => o.metadata.name);
  const typedNeeded = needsTypedConfirmation(target.plural);
  const confirmed = !typedNeeded || typedNamesMatch(typed, names);

  const submit = () =>
    mutation.mutate(remaining, {
      onSuccess: (outcome) => {
        if (outcome.deleted.length > 0) {
          setGone(new Set([...gone, ...outcome.deleted]));
          notify({
            color: 'green',
            message: t('actions.deleted', { names: outcome.deleted.join(', ') }),
          });
          onDeleted?.(outcome.deleted);
        }
        if (outcome.failed.length === 0) onClose();
      },
    });

  return (
    <Stack>
      <Text>{intro ?? t('actions.deleteIntro', { count: names.length })}</Text>
      <List aria-label={t('actions.targetsLabel')} className="actions-targets">
        {names.map((name) => (
          <List.Item key={name}>{name}</List.Item>
        ))}
      </List>
      {typedNeeded && <Alert color="red">{t('actions.deleteNamespaceWarning')}</Alert>}
      {target.plural === 'namespaces' &&
        names.map((name) => (
          <NamespaceContentsList
            key={name}
            region={target.region}
            namespace={name}
            titled={names.length > 1}
          />
        ))}
      <Text c="red" size="sm">
        {t('actions.deleteIrreversible')}
      </Text>
      {typedNeeded && (
        <TextInput
          label={t('actions.typeToConfirm', { names: names.join(' ') })}
          aria-label={t('actions.typeToConfirmLabel')}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          error={typed !== '' && !confirmed ? t('actions.typedMismatch') : undefined}
          autoComplete="off"
        />
      )}
      <ActionFailures failures={mutation.data?.failed ?? []} />
      <DialogButtons
        onCancel={onClose}
        onSubmit={submit}
        disabled={disabled || !confirmed || names.length === 0}
        pending={mutation.isPending}
        color="red"
      >
        {t('actions.delete')}
      </DialogButtons>
    </Stack>
  );
}
