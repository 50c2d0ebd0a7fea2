import { Alert, List, NumberInput, Text, Textarea } from '@mantine/core';
import { validateDocument } from '@cci/model';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import type { KubeObject } from '../resources/objects.ts';
import { ConfirmDialog } from '../wizard-shell/ConfirmDialog.tsx';
import { errorText, wizardMutations } from '../wizard-shell/wizardMutations.ts';
import { parseAddresses, podsOfPool, scaledPool, withAddresses } from './eipPoolForm.ts';

export type PoolAction = 'scale' | 'eips' | 'delete';

interface Props {
  region: string;
  pool: KubeObject;
  action: PoolAction;
  pods: KubeObject[];
  onClose: () => void;
}

/** Scale (E5: amount only), edit a static pool's addresses (E5), or delete (E6: not while used). */
export function PoolDialog({ region, pool, action, pods, onClose }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const name = pool.metadata.name;
  const namespace = pool.metadata.namespace ?? '';
  const target = { region, plural: 'eippools', namespace } as const;
  const replace = useMutation(wizardMutations.replace(queryClient, target));
  const remove = useMutation(wizardMutations.delete(queryClient, target));
  const oldAmount = typeof pool.spec?.['amount'] === 'number' ? pool.spec['amount'] : 0;
  const oldEips = Array.isArray(pool.spec?.['eips']) ? (pool.spec['eips'] as string[]) : [];
  const [amount, setAmount] = useState<number | string>(oldAmount);
  const [eipsText, setEipsText] = useState(oldEips.join('\n'));
  const users = podsOfPool(pods, name);

  const next =
    action === 'scale'
      ? scaledPool(pool, typeof amount === 'number' ? amount : Number.NaN)
      : withAddresses(pool, parseAddresses(eipsText));
  const findings =
    action === 'delete'
      ? []
      : validateDocument(next as unknown as Record<string, unknown>, {
          operation: 'UPDATE',
          oldObject: pool,
          namespace,
        });
  const errors = findings.filter((f) => f.severity === 'error');
  const blocked = action === 'delete' && users.length > 0;
  const submit = () => {
    if (action === 'delete') remove.mutate(name, { onSuccess: onClose });
    else replace.mutate(next, { onSuccess: onClose });
  };

  return (
    <ConfirmDialog
      title={t(`eipPools.dialog.${action}`, { name })}
      onClose={onClose}
      submitLabel={t(`eipPools.submit.${action}`)}
      danger={action === 'delete'}
      ready={!blocked && errors.length === 0}
      pending={replace.isPending || remove.isPending}
      error={errorText(replace.error ?? remove.error, language)}
      onSubmit={submit}
    >
      {action === 'scale' && (
        <NumberInput
          label={t('eipPools.amount')}
          description={t('eipPools.scaleHint')}
          min={0}
          max={500}
          value={amount}
          onChange={setAmount}
        />
      )}
      {action === 'eips' && (
        <Textarea
          label={t('eipPools.eips')}
          description={t('eipPools.eipsHint')}
          autosize
          minRows={3}
          value={eipsText}
          onChange={(e) => setEipsText(e.currentTarget.value)}
        />
      )}
      {findings.length > 0 && (
        <List size="sm" aria-label={t('eipPools.findings')}>
          {findings.map((f, i) => (
            <List.Item key={i} c={f.severity === 'error' ? 'red' : undefined}>
              {f.message[language]}
            </List.Item>
          ))}
        </List>
      )}
      {action === 'delete' && !blocked && (
        <Text size="sm">{t('eipPools.deleteConfirm', { name })}</Text>
      )}
      {blocked && (
        <Alert color="red" role="alert" title={t('eipPools.deleteBlocked')}>
          <List size="sm">
            {users.map((u) => (
              <List.Item key={u.pod}>
                {u.pod} {u.eip && `(${u.eip})`}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </ConfirmDialog>
  );
}
