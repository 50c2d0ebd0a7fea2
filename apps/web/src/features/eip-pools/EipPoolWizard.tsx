import {
  Alert,
  List,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { EIP_NETWORK_TYPES, type RuleViolation } from '@cci/model';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { testIds } from '../../testids.ts';
import { resourceKeys, resourceQueries } from '../resources/resources.queries.ts';
import { checkPool, defaultPoolForm, poolManifest, type EipPoolForm } from './eipPoolForm.ts';
import { namespaceNameProblem } from '../namespaces/namespaceForm.ts';
import { createObject, dryRunQuery } from '../wizard-shell/wizards.queries.ts';
import { WizardSubmit } from '../wizard-shell/WizardSubmit.tsx';

type FieldKey =
  | 'name'
  | 'amount'
  | 'networkType'
  | 'ipVersion'
  | 'bandwidthId'
  | 'bandwidthName'
  | 'size'
  | 'chargeMode'
  | 'eips';

function fieldOf(path: string): FieldKey {
  if (path.startsWith('metadata')) return 'name';
  if (path.startsWith('spec.eips')) return 'eips';
  if (path === 'spec.amount') return 'amount';
  const last = path.split('.').pop() ?? '';
  const byKey: Record<string, FieldKey> = {
    networkType: 'networkType',
    ipVersion: 'ipVersion',
    id: 'bandwidthId',
    name: 'bandwidthName',
    size: 'size',
    chargeMode: 'chargeMode',
  };
  return byKey[last] ?? 'amount';
}

/** /r/:region/ns/:namespace/create/eippool — a dynamic (E2) or static (E3) pool. */
export function EipPoolWizard() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { region, namespace } = useParams({ from: '/r/$region/ns/$namespace/create/eippool' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const pools = useQuery(resourceQueries.list(region, 'eippools', namespace));
  const [form, setForm] = useState<EipPoolForm>(defaultPoolForm);
  const [error, setError] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const set = (patch: Partial<EipPoolForm>) => setForm((f) => ({ ...f, ...patch }));

  const doc = poolManifest(form, namespace);
  const check = checkPool(doc, { namespace });
  const names = new Set(pools.data?.items.map((p) => p.metadata.name));
  const nameProblem = namespaceNameProblem(form.name, names);
  const errorOf = (key: FieldKey): string | undefined =>
    check.errors.find((v: RuleViolation) => fieldOf(v.path) === key)?.message[language];
  // E3: whether the addresses are free is known only to the server; ask it without creating.
  const [debounced] = useDebouncedValue(doc, 400);
  const staticOk = form.mode === 'static' && check.errors.length === 0 && nameProblem === undefined;
  const dryRun = useQuery({
    ...dryRunQuery(region, 'eippools', namespace, debounced, language),
    enabled: staticOk,
  });
  const serverRefusal = staticOk && dryRun.data && !dryRun.data.ok ? dryRun.data.messages : [];
  const ready =
    nameProblem === undefined && check.errors.length === 0 && serverRefusal.length === 0;

  const create = async () => {
    setPending(true);
    setError(undefined);
    try {
      await createObject('eippools', namespace, doc);
      await queryClient.invalidateQueries({ queryKey: resourceKeys.region(region) });
      await navigate({
        to: '/r/$region/ns/$namespace/manage/eippools',
        params: { region, namespace },
      });
    } catch (e) {
      setError(e instanceof ApiError ? e.localized(language) : String(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack>
      <Title order={3}>{t('eipPools.createTitle', { namespace })}</Title>
      <SegmentedControl
        data-testid={testIds.poolMode}
        value={form.mode}
        onChange={(v) => set({ mode: v as EipPoolForm['mode'] })}
        data={[
          { value: 'dynamic', label: t('eipPools.dynamicLong') },
          { value: 'static', label: t('eipPools.staticLong') },
        ]}
      />
      <TextInput
        label={t('eipPools.name')}
        data-testid={testIds.poolName}
        value={form.name}
        onChange={(e) => set({ name: e.currentTarget.value.trim() })}
        error={
          nameProblem && form.name !== ''
            ? t(`eipPools.nameProblem.${nameProblem}`, { name: form.name })
            : undefined
        }
      />
      {check.warnings.map((w) => (
        <Alert key={w.rule + w.path} color="yellow">
          {w.rule}: {w.message[language]}
        </Alert>
      ))}
      {form.mode === 'dynamic' ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <NumberInput
            label={t('eipPools.amount')}
            description={t('eipPools.amountHint')}
            data-testid={testIds.poolAmount}
            min={0}
            max={500}
            value={form.amount}
            onChange={(v) => set({ amount: v })}
            error={errorOf('amount')}
          />
          <Select
            label={t('eipPools.networkType')}
            data-testid={testIds.poolNetworkType}
            data={EIP_NETWORK_TYPES}
            value={form.networkType}
            onChange={(v) => set({ networkType: v ?? '' })}
            error={errorOf('networkType')}
            allowDeselect={false}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('eipPools.ipVersion')}
            </Text>
            <SegmentedControl
              data-testid={testIds.poolIpVersion}
              value={String(form.ipVersion)}
              onChange={(v) => set({ ipVersion: v === '6' ? 6 : 4 })}
              data={['4', '6']}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('eipPools.shareType')}
            </Text>
            <SegmentedControl
              data-testid={testIds.poolShareType}
              value={form.shareType}
              onChange={(v) => set({ shareType: v === 'WHOLE' ? 'WHOLE' : 'PER' })}
              data={[
                { value: 'PER', label: t('eipPools.dedicated') },
                { value: 'WHOLE', label: t('eipPools.shared') },
              ]}
            />
          </Stack>
          {form.shareType === 'WHOLE' ? (
            <TextInput
              label={t('eipPools.bandwidthId')}
              description={t('eipPools.bandwidthIdHint')}
              data-testid={testIds.poolBandwidthId}
              value={form.bandwidthId}
              onChange={(e) => set({ bandwidthId: e.currentTarget.value })}
              error={errorOf('bandwidthId')}
            />
          ) : (
            <>
              <NumberInput
                label={t('eipPools.size')}
                description={t('eipPools.sizeHint')}
                data-testid={testIds.poolBandwidthSize}
                min={1}
                max={200}
                value={form.size}
                onChange={(v) => set({ size: v })}
                error={errorOf('size')}
              />
              <TextInput
                label={t('eipPools.bandwidthName')}
                description={t('eipPools.bandwidthNameHint')}
                data-testid={testIds.poolBandwidthName}
                value={form.bandwidthName}
                onChange={(e) => set({ bandwidthName: e.currentTarget.value })}
                error={errorOf('bandwidthName')}
              />
              <Select
                label={t('eipPools.chargeMode')}
                data-testid={testIds.poolChargeMode}
                data={[
                  { value: 'bandwidth', label: t('eipPools.byBandwidth') },
                  { value: 'traffic', label: t('eipPools.byTraffic') },
                ]}
                value={form.chargeMode}
                onChange={(v) => set({ chargeMode: v === 'traffic' ? 'traffic' : 'bandwidth' })}
                allowDeselect={false}
              />
            </>
          )}
        </SimpleGrid>
      ) : (
        <Textarea
          label={t('eipPools.eips')}
          description={t('eipPools.eipsHint')}
          data-testid={testIds.poolEips}
          autosize
          minRows={3}
          value={form.eipsText}
          onChange={(e) => set({ eipsText: e.currentTarget.value })}
          error={errorOf('eips')}
        />
      )}
      {serverRefusal.length > 0 && (
        <Alert
          color="red"
          role="alert"
          data-testid={testIds.poolErrors}
          title={t('eipPools.refused')}
        >
          <List size="sm">
            {serverRefusal.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <WizardSubmit
        manifestTitle={t('eipPools.manifest')}
        documents={[doc]}
        error={error}
        ready={ready && !(staticOk && dryRun.isFetching)}
        pending={pending}
        label={t('eipPools.createSubmit')}
        onCreate={() => void create()}
      />
    </Stack>
  );
}
