import { Loader, Modal, NumberInput, Stack, Table } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogButtons } from './DialogButtons.tsx';
import { ActionError } from './ActionError.tsx';
import { actionMutations, actionQueries, type ActionTarget } from './actions.queries.ts';
import { notify } from '../../notifications.tsx';

interface Props {
  target: ActionTarget;
  name: string;
  onClose: () => void;
}

/** `kubectl scale` semantics: replicas are whole numbers from 0 (the API's int32). */
export function validReplicas(value: number | string): number | undefined {
  const n = typeof value === 'number' ? value : Number(value.trim() === '' ? NaN : value);
  return Number.isInteger(n) && n >= 0 && n <= 2_147_483_647 ? n : undefined;
}

/**
 * Scales a Deployment through its scale subresource (autoscaling/v1 Scale): shows the current
 * replicas (status) next to the desired ones (spec), then patches spec.replicas. D6 columns of
 * the list follow through the live stream.
 */
export function ScaleDialog({ target, name, onClose }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const scale = useQuery(actionQueries.scale(target.region, target.plural, target.namespace, name));
  const mutation = useMutation(actionMutations.scale(client, target));
  const [value, setValue] = useState<number | string | undefined>();
  const desired = scale.data?.spec.replicas ?? 0;
  const shown = value ?? desired;
  const replicas = validReplicas(shown);

  const submit = () => {
    if (replicas === undefined) return;
    mutation.mutate(
      { name, replicas },
      {
        onSuccess: () => {
          notify({ color: 'green', message: t('actions.scaled', { name, replicas }) });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('actions.scaleTitle', { name })}>
      <Stack>
        {scale.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
        <ActionError error={scale.error} />
        {scale.data && (
          <>
            <Table withRowBorders={false} verticalSpacing={4}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>{t('actions.scaleCurrent')}</Table.Th>
                  <Table.Td>{scale.data.status.replicas ?? 0}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('actions.scaleDesired')}</Table.Th>
                  <Table.Td>{desired}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <NumberInput
              label={t('actions.scaleNew')}
              value={shown}
              onChange={setValue}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              error={replicas === undefined ? t('actions.scaleInvalid') : undefined}
              onKeyDown={(e) => {
                if (e.key === 'Enter') submit();
              }}
              data-autofocus
            />
          </>
        )}
        <ActionError error={mutation.error} />
        <DialogButtons
          onCancel={onClose}
          onSubmit={submit}
          disabled={!scale.data || replicas === undefined || replicas === desired}
          pending={mutation.isPending}
        >
          {t('actions.scale')}
        </DialogButtons>
      </Stack>
    </Modal>
  );
}
