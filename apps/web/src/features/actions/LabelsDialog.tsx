import './actions.css';
import { Alert, Badge, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatLabels, type KubeObject } from '../resources/objects.ts';
import { DialogButtons } from './DialogButtons.tsx';
import { ActionError } from './ActionError.tsx';
import { actionMutations, type ActionTarget } from './actions.queries.ts';
import {
  labelMergePatch,
  parseLabelChanges,
  planChangesSomething,
  planLabelChanges,
  type LabelPlan,
  type LabelProblem,
} from './labelChanges.ts';
import { notify } from '../../notifications.tsx';

interface Props {
  target: ActionTarget;
  /** The object as last seen (kept fresh by the list stream or the details query). */
  object: KubeObject;
  onClose: () => void;
}

/** What the user agreed to overwrite, and the version of the object they saw then. */
interface Confirmed {
  plan: LabelPlan;
  resourceVersion: string | undefined;
}

/**
 * L1: adding labels applies at once; changing an existing value first lists each overwrite
 * (old → new) and applies only after an explicit "Overwrite". The patch carries the version
 * the user saw, so a label changed meanwhile by someone else is refused (409), not overwritten.
 */
export function LabelsDialog({ target, object, onClose }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const mutation = useMutation(actionMutations.patchLabels(client, target));
  const [text, setText] = useState('');
  const [confirmed, setConfirmed] = useState<Confirmed | undefined>();
  const [attempted, setAttempted] = useState(false);
  const parsed = parseLabelChanges(text);
  const plan = parsed.ok ? planLabelChanges(object.metadata.labels, parsed.changes) : undefined;
  const resourceVersion = object.metadata['resourceVersion'] as string | undefined;
  const name = object.metadata.name;

  const apply = (agreed: Confirmed) =>
    mutation.mutate(
      { object, patch: labelMergePatch(agreed.plan, agreed.resourceVersion) },
      {
        onSuccess: () => {
          notify({ color: 'green', message: t('actions.labelsSaved', { name }) });
          onClose();
        },
      },
    );

  const submit = () => {
    setAttempted(true);
    if (confirmed) return apply(confirmed);
    if (!plan || !planChangesSomething(plan)) return;
    const agreed = { plan, resourceVersion };
    if (plan.overwritten.length > 0) setConfirmed(agreed);
    else apply(agreed);
  };

  const problems = parsed.ok ? [] : parsed.problems.map((p) => problemText(t, p));
  const nothing = attempted && plan !== undefined && !planChangesSomething(plan);

  return (
    <Modal opened onClose={onClose} title={t('actions.labelsTitle', { name })} size="lg">
      <Stack>
        <Text size="sm" fw={600}>
          {t('actions.currentLabels')}
        </Text>
        <Group gap={4}>
          {formatLabels(object.metadata.labels).map((label) => (
            <Badge key={label} variant="outline" tt="none">
              {label}
            </Badge>
          ))}
          {formatLabels(object.metadata.labels).length === 0 && (
            <Text c="dimmed" size="sm">
              {t('actions.noLabels')}
            </Text>
          )}
        </Group>
        <TextInput
          label={t('actions.changesLabel')}
          description={t('actions.changesHint')}
          placeholder="tier=frontend release=v2 old-label-"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            // Another text is another plan: the overwrite must be confirmed again.
            setConfirmed(undefined);
            setAttempted(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit();
          }}
          error={
            problems.length > 0
              ? problems.join('\n')
              : nothing
                ? t('actions.nothingToChange')
                : undefined
          }
          errorProps={{ className: 'actions-multiline' }}
          autoComplete="off"
          data-autofocus
        />
        {plan && plan.missing.length > 0 && (
          <Text c="dimmed" size="sm">
            {t('actions.missingLabel', { keys: plan.missing.join(', ') })}
          </Text>
        )}
        {confirmed && (
          <Alert color="yellow" title={t('actions.overwriteTitle')}>
            <Text size="sm">{t('actions.overwriteText')}</Text>
            <List size="sm">
              {confirmed.plan.overwritten.map(({ key, from, to }) => (
                <List.Item key={key}>{t('actions.overwriteItem', { key, from, to })}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <ActionError error={mutation.error} />
        <DialogButtons
          onCancel={onClose}
          onSubmit={submit}
          disabled={problems.length > 0 || text.trim() === ''}
          pending={mutation.isPending}
          color={confirmed ? 'orange' : undefined}
        >
          {confirmed ? t('actions.overwrite') : t('actions.apply')}
        </DialogButtons>
      </Stack>
    </Modal>
  );
}

function problemText(t: TFunction, problem: LabelProblem): string {
  switch (problem.problem) {
    case 'format':
      return t('actions.problemFormat', { token: problem.token });
    case 'duplicate':
      return t('actions.problemDuplicate', { token: problem.token, key: problem.key });
    case 'key':
      return t('actions.problemKey', { token: problem.token, details: problem.details.join('; ') });
    case 'value':
      return t('actions.problemValue', {
        token: problem.token,
        details: problem.details.join('; '),
      });
  }
}
