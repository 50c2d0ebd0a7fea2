import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  NumberInput,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { validateDocument } from '@cci/model';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { testIds } from '../../testids.ts';
import type { KubeObject } from '../resources/objects.ts';
import { resourceKeys } from '../resources/resources.queries.ts';
import { parseAddresses, podsOfPool, scaledPool, withAddresses } from './eipPoolForm.ts';
import { deleteObject, replaceObject } from '../wizard-shell/wizards.queries.ts';

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
  const oldAmount = typeof pool.spec?.['amount'] === 'number' ? pool.spec['amount'] : 0;
  const oldEips = Array.isArray(pool.spec?.['eips']) ? (pool.spec['eips'] as string[]) : [];
  const [amount, setAmount] = useState<number | string>(oldAmount);
  const [eipsText, setEipsText] = useState(oldEips.join('\n'));
  const [error, setError] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);
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

  const submit = async () => {
    setPending(true);
    setError(undefined);
    try {
      if (action === 'delete') await deleteObject('eippools', namespace, name);
      else await replaceObject('eippools', namespace, next);
      await queryClient.invalidateQueries({ queryKey: resourceKeys.region(region) });
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.localized(language) : String(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t(`eipPools.dialog.${action}`, { name })}>
      <Stack>
        {action === 'scale' && (
          <NumberInput
            label={t('eipPools.amount')}
            description={t('eipPools.scaleHint')}
            data-testid={testIds.poolDialogInput}
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
            data-testid={testIds.poolDialogInput}
            autosize
            minRows={3}
            value={eipsText}
            onChange={(e) => setEipsText(e.currentTarget.value)}
          />
        )}
        {findings.length > 0 && (
          <List size="sm" data-testid={testIds.poolDialogMessage}>
            {findings.map((f, i) => (
              <List.Item key={i} c={f.severity === 'error' ? 'red' : undefined}>
                {f.rule}: {f.message[language]}
              </List.Item>
            ))}
          </List>
        )}
        {action === 'delete' && !blocked && (
          <Text size="sm">{t('eipPools.deleteConfirm', { name })}</Text>
        )}
        {blocked && (
          <Alert
            color="red"
            data-testid={testIds.poolDeleteBlocked}
            title={t('eipPools.deleteBlocked')}
          >
            <List size="sm">
              {users.map((u) => (
                <List.Item key={u.pod}>
                  {u.pod} {u.eip && `(${u.eip})`}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('eipPools.cancel')}
          </Button>
          <Button
            color={action === 'delete' ? 'red' : undefined}
            data-testid={testIds.poolDialogSubmit}
            disabled={blocked || errors.length > 0}
            loading={pending}
            onClick={() => void submit()}
          >
            {t(`eipPools.submit.${action}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
