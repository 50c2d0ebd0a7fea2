import { Alert, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { ofKind } from '../../lib/kube/objects.ts';
import { resourceQueries } from '../resources/resources.queries.ts';
import {
  cpuChoices,
  defaultWorkloadForm,
  memoryChoices,
  poolCapacityWith,
  workloadManifest,
  workloadProblems,
  type WorkloadForm,
  type WorkloadLookups,
} from './workloadForm.ts';
import { problemsView, problemText, serverProblems, type FormProblem } from './workloadProblems.ts';
import { WorkloadEipFields } from './WorkloadEipFields.tsx';
import { WorkloadSnapshotFields } from './WorkloadSnapshotFields.tsx';
import { errorText, statusOf, wizardMutations } from '../wizard-shell/wizardMutations.ts';
import { WizardShell } from '../wizard-shell/WizardShell.tsx';

export interface WorkloadWizardSearch {
  /** S3: open the form with this image snapshot specified (from the snapshot overview). */
  snapshot?: string | undefined;
}

const ROUTE = '/r/$region/ns/$namespace/create/deployment';

/** /r/:region/ns/:namespace/create/deployment — one Deployment, one POST (nothing half-made). */
export function WorkloadWizard() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { region, namespace } = useParams({ from: ROUTE });
  const search = useSearch({ from: ROUTE });
  const navigate = useNavigate();
  const deployments = useQuery(resourceQueries.list(region, 'deployments', namespace));
  const pools = useQuery(resourceQueries.list(region, 'eippools', namespace));
  const snapshots = useQuery(resourceQueries.list(region, 'imagesnapshots', namespace));
  const [form, setForm] = useState<WorkloadForm>(() => defaultWorkloadForm(search.snapshot));
  const create = useMutation(
    wizardMutations.create(useQueryClient(), { region, plural: 'deployments', namespace }),
  );
  // A refusal is about what was sent: any change makes it stale.
  const set = (patch: Partial<WorkloadForm>) => {
    create.reset();
    setForm((f) => ({ ...f, ...patch }));
  };
  const refused: FormProblem[] = create.error
    ? serverProblems(statusOf(create.error), errorText(create.error, language) ?? '')
    : [];

  const snapshotList = (snapshots.data?.items ?? []).map((s) => ({
    name: s.metadata.name,
    phase: ofKind<'ImageSnapshot'>(s).status?.phase || 'Pending',
  }));
  const lookups: WorkloadLookups = {
    names: new Set(deployments.data?.items.map((d) => d.metadata.name)),
    pools: pools.data?.items ?? [],
    deployments: deployments.data?.items ?? [],
    snapshots: new Map(snapshotList.map((s) => [s.name, s.phase])),
  };
  const doc = workloadManifest(form, namespace);
  const problems = [...workloadProblems(form, doc, namespace, lookups), ...refused];
  const view = problemsView(problems, t, language);
  const capacity = poolCapacityWith(form, doc, lookups);
  const loaded = deployments.isSuccess && pools.isSuccess && snapshots.isSuccess;
  const ready = loaded && !view.hasErrors;

  const submit = () =>
    create.mutate(doc, {
      onSuccess: () =>
        navigate({
          to: '/r/$region/ns/$namespace/$resource',
          params: { region, namespace, resource: 'deployments' },
        }),
    });

  return (
    <WizardShell
      title={t('workloads.createTitle', { namespace })}
      review={{ title: t('workloads.manifest'), documents: [doc] }}
      submit={{
        label: t('workloads.createSubmit'),
        ready,
        pending: create.isPending,
        error:
          refused.length > 0 &&
          `${t('workloads.refused')} ${refused.map((p) => problemText(p, t, language)).join(' ')}`,
        onSubmit: submit,
      }}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t('workloads.name')}
          description={t('workloads.nameHint')}
          value={form.name}
          onChange={(e) => set({ name: e.currentTarget.value.trim() })}
          error={form.name !== '' || refused.length > 0 ? view.errorOf('name') : undefined}
        />
        <TextInput
          label={t('workloads.image')}
          placeholder="nginx:alpine"
          value={form.image}
          onChange={(e) => set({ image: e.currentTarget.value })}
          error={form.image !== '' || refused.length > 0 ? view.errorOf('image') : undefined}
        />
        <NumberInput
          label={t('workloads.replicas')}
          min={0}
          value={form.replicas}
          onChange={(v) => set({ replicas: v })}
          error={view.errorOf('replicas')}
        />
        <NumberInput
          label={t('workloads.port')}
          description={t('workloads.portHint')}
          min={1}
          max={65535}
          value={form.port}
          onChange={(v) => set({ port: v })}
          error={view.errorOf('port')}
        />
        <Select
          label={t('workloads.cpu')}
          data={[...cpuChoices]}
          value={form.cpu}
          onChange={(v) => set({ cpu: v ?? form.cpu })}
          error={view.errorOf('resources')}
          allowDeselect={false}
        />
        <Select
          label={t('workloads.memory')}
          data={[...memoryChoices]}
          value={form.memory}
          onChange={(v) => set({ memory: v ?? form.memory })}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('workloads.resourcesHint')}
      </Text>
      {view.notesOf('resources').map((p) => (
        <Text key={p.rule} size="xs" c="dimmed">
          {problemText(p, t, language)}
        </Text>
      ))}
      <WorkloadEipFields
        eip={form.eip}
        pools={(pools.data?.items ?? []).map((p) => p.metadata.name)}
        problems={view}
        onChange={(patch) => set({ eip: { ...form.eip, ...patch } })}
      />
      {capacity && !capacity.sufficient && (
        <Alert color="yellow">
          {t('workloads.capacity', {
            pool: capacity.pool,
            size: capacity.size,
            needed: capacity.needed,
            replicas: capacity.replicas,
            surge: capacity.surge,
          })}
        </Alert>
      )}
      <WorkloadSnapshotFields
        snapshot={form.snapshot}
        snapshots={snapshotList}
        problems={view}
        onChange={(patch) => set({ snapshot: { ...form.snapshot, ...patch } })}
      />
      {view.others.length > 0 && (
        <Stack gap={4}>
          {view.others.map((p, i) => (
            <Alert
              key={i}
              color={p.severity === 'error' ? 'red' : p.severity === 'warning' ? 'yellow' : 'blue'}
            >
              {problemText(p, t, language)}
            </Alert>
          ))}
        </Stack>
      )}
    </WizardShell>
  );
}
