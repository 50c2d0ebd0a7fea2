import { Alert, Loader, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../resources/objects.ts';
import { DialogButtons } from './DialogButtons.tsx';
import { ActionError } from './ActionError.tsx';
import { actionMutations, actionQueries, type ActionTarget } from './actions.queries.ts';
import {
  currentRevision,
  previousRevision,
  revisionsOf,
  rollbackPlan,
  type RollbackPlan,
} from './rollback.ts';
import { notify } from '../../notifications.tsx';

interface Props {
  target: ActionTarget;
  deployment: KubeObject;
  onClose: () => void;
}

/** D5 `kubectl rollout undo [--to-revision]`: pick a revision (the previous by default). */
export function RollbackDialog({ target, deployment, onClose }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const replicaSets = useQuery(actionQueries.replicaSets(target.region, deployment));
  const mutation = useMutation(actionMutations.rollback(client, target));
  const [chosen, setChosen] = useState<number | undefined>();
  const name = deployment.metadata.name;
  const current = currentRevision(deployment);
  const revisions = revisionsOf(deployment, replicaSets.data?.items ?? []);
  const older = revisions.filter((r) => r.revision !== current);
  const selected = chosen ?? previousRevision(revisions, current);
  const plan = rollbackPlan(deployment, revisions, selected);
  const revision = revisions.find((r) => r.revision === selected);

  const submit = () => {
    if (!plan.ok) return;
    mutation.mutate(
      { name, patch: plan.patch },
      {
        onSuccess: () => {
          notify({
            color: 'green',
            message: t('actions.rolledBack', { name, revision: selected }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('actions.rollbackTitle', { name })} size="lg">
      <Stack>
        <Text size="sm">{t('actions.rollbackIntro')}</Text>
        <Text size="sm" c="dimmed">
          {t('actions.revisionCurrent', { revision: current || '-' })}
        </Text>
        {replicaSets.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
        <ActionError error={replicaSets.error} />
        {replicaSets.data && older.length === 0 && (
          <Alert color="yellow">{t('actions.rollbackNoHistory')}</Alert>
        )}
        {older.length > 0 && (
          <NativeSelect
            label={t('actions.revision')}
            value={selected === undefined ? '' : String(selected)}
            onChange={(e) => setChosen(Number(e.currentTarget.value))}
            data={older.map((r) => ({
              value: String(r.revision),
              label: t('actions.revisionOption', {
                revision: r.revision,
                images: r.images.join(', '),
              }),
            }))}
          />
        )}
        {revision?.changeCause && (
          <Text size="sm">{t('actions.changeCause', { cause: revision.changeCause })}</Text>
        )}
        {older.length > 0 && !plan.ok && <Alert color="yellow">{planProblem(t, plan)}</Alert>}
        <ActionError error={mutation.error} />
        <DialogButtons
          onCancel={onClose}
          onSubmit={submit}
          disabled={!plan.ok}
          pending={mutation.isPending}
        >
          {t('actions.rollback')}
        </DialogButtons>
      </Stack>
    </Modal>
  );
}

function planProblem(t: TFunction, plan: Extract<RollbackPlan, { ok: false }>): string {
  switch (plan.reason) {
    case 'paused':
      return t('actions.rollbackPaused');
    case 'sameTemplate':
      return t('actions.rollbackSame', { revision: plan.revision });
    case 'notFound':
      return t('actions.rollbackNotFound');
  }
}
