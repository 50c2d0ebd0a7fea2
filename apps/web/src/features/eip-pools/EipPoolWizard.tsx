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
} from '@mantine/core';
import { EIP_NETWORK_TYPES, type RuleViolation } from '@cci/model';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { resourceQueries } from '../resources/resources.queries.ts';
import { checkPool, defaultPoolForm, poolManifest, type EipPoolForm } from './eipPoolForm.ts';
import { namespaceNameProblem } from '../namespaces/namespaceForm.ts';
import { errorText, wizardMutations } from '../wizard-shell/wizardMutations.ts';
import { dryRunQuery } from '../wizard-shell/wizards.queries.ts';
import { nameProblemText } from '../wizard-shell/nameProblemText.ts';
import { WizardShell } from '../wizard-shell/WizardShell.tsx';

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
  const pools = useQuery(resourceQueries.list(region, 'eippools', namespace));
  const [form, setForm] = useState<EipPoolForm>(defaultPoolForm);
  const create = useMutation(
    wizardMutations.create(useQueryClient(), { region, plural: 'eippools', namespace }),
  );
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

  const submit = () =>
    create.mutate(doc, {
      onSuccess: () =>
        navigate({ to: '/r/$region/ns/$namespace/manage/eippools', params: { region, namespace } }),
    });

  return (
    <WizardShell
      title={t('eipPools.createTitle', { namespace })}
      review={{ title: t('eipPools.manifest'), documents: [doc] }}
      submit={{
        label: t('eipPools.createSubmit'),
        ready: ready && !(staticOk && dryRun.isFetching),
        pending: create.isPending,
        error: errorText(create.error, language),
        onSubmit: submit,
      }}
    >
      <SegmentedControl
        aria-label={t('eipPools.mode')}
        value={form.mode}
        onChange={(v) => set({ mode: v as EipPoolForm['mode'] })}
        data={[
          { value: 'dynamic', label: t('eipPools.dynamicLong') },
          { value: 'static', label: t('eipPools.staticLong') },
        ]}
      />
      <TextInput
        label={t('eipPools.name')}
        value={form.name}
        onChange={(e) => set({ name: e.currentTarget.value.trim() })}
        error={nameProblemText(t, nameProblem, form.name, 'eipPools.nameTaken')}
      />
      {check.warnings.map((w) => (
        <Alert key={w.rule + w.path} color="yellow">
          {w.message[language]}
        </Alert>
      ))}
      {form.mode === 'dynamic' ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <NumberInput
            label={t('eipPools.amount')}
            description={t('eipPools.amountHint')}
            min={0}
            max={500}
            value={form.amount}
            onChange={(v) => set({ amount: v })}
            error={errorOf('amount')}
          />
          <Select
            label={t('eipPools.networkType')}
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
              aria-label={t('eipPools.ipVersion')}
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
              aria-label={t('eipPools.shareType')}
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
              value={form.bandwidthId}
              onChange={(e) => set({ bandwidthId: e.currentTarget.value })}
              error={errorOf('bandwidthId')}
            />
          ) : (
            <>
              <NumberInput
                label={t('eipPools.size')}
                description={t('eipPools.sizeHint')}
                min={1}
                max={200}
                value={form.size}
                onChange={(v) => set({ size: v })}
                error={errorOf('size')}
              />
              <TextInput
                label={t('eipPools.bandwidthName')}
                description={t('eipPools.bandwidthNameHint')}
                value={form.bandwidthName}
                onChange={(e) => set({ bandwidthName: e.currentTarget.value })}
                error={errorOf('bandwidthName')}
              />
              <Select
                label={t('eipPools.chargeMode')}
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
          autosize
          minRows={3}
          value={form.eipsText}
          onChange={(e) => set({ eipsText: e.currentTarget.value })}
          error={errorOf('eips')}
        />
      )}
      {serverRefusal.length > 0 && (
        <Alert color="red" role="alert" title={t('eipPools.refused')}>
          <List size="sm">
            {serverRefusal.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </WizardShell>
  );
}
