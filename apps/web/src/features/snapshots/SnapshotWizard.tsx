import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { SNAPSHOT_VOLUME_TYPES } from '@cci/model';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { resourceQueries } from '../resources/resources.queries.ts';
import { namespaceNameProblem } from '../namespaces/namespaceForm.ts';
import {
  defaultSnapshotForm,
  emptyRegistry,
  maskedManifest,
  snapshotErrors,
  snapshotManifest,
  type RegistryForm,
  type SnapshotForm,
} from './snapshotForm.ts';
import { errorText, wizardMutations } from '../wizard-shell/wizardMutations.ts';
import { nameProblemText } from '../wizard-shell/nameProblemText.ts';
import { WizardShell } from '../wizard-shell/WizardShell.tsx';

/** /r/:region/ns/:namespace/create/imagesnapshot — an ImageSnapshot (S1, S6). */
export function SnapshotWizard() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { region, namespace } = useParams({
    from: '/r/$region/ns/$namespace/create/imagesnapshot',
  });
  const navigate = useNavigate();
  const snapshots = useQuery(resourceQueries.list(region, 'imagesnapshots', namespace));
  const namespaces = useQuery(resourceQueries.list(region, 'namespaces', namespace));
  const [form, setForm] = useState<SnapshotForm>(() => defaultSnapshotForm(namespace));
  const create = useMutation(
    wizardMutations.create(useQueryClient(), {
      region,
      plural: 'imagesnapshots',
      namespace: undefined,
    }),
  );
  const set = (patch: Partial<SnapshotForm>) => setForm((f) => ({ ...f, ...patch }));
  const setImage = (i: number, image: string) =>
    set({ images: form.images.map((old, j) => (j === i ? image : old)) });
  const setRegistry = (i: number, patch: Partial<RegistryForm>) =>
    set({ registries: form.registries.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  const doc = snapshotManifest(form);
  const errors = snapshotErrors(doc);
  const errorAt = (path: string) => errors.find((v) => v.path === path)?.message[language];
  const shown = new Set([
    ...form.images.map((_, i) => `spec.images[${i}].image`),
    ...form.registries.flatMap((_, i) =>
      ['server', 'username', 'password'].map((k) => `spec.registries[${i}].${k}`),
    ),
    'spec.buildingConfig.namespace',
    'spec.evsInfo.volumeSizeGiB',
    'spec.ttlDaysAfterCreated',
  ]);
  const otherErrors = errors.filter((v) => !shown.has(v.path));
  const names = new Set(snapshots.data?.items.map((s) => s.metadata.name));
  const nameProblem = namespaceNameProblem(form.name, names);
  const ready = nameProblem === undefined && errors.length === 0;

  const submit = () =>
    create.mutate(doc, {
      onSuccess: () => {
        // S6: the password is not kept once sent.
        set({ registries: form.registries.map((r) => ({ ...r, password: '' })) });
        return navigate({
          to: '/r/$region/ns/$namespace/manage/imagesnapshots',
          params: { region, namespace },
        });
      },
    });

  return (
    <WizardShell
      title={t('snapshots.createTitle')}
      review={{ title: t('snapshots.manifest'), documents: [maskedManifest(doc)] }}
      submit={{
        label: t('snapshots.createSubmit'),
        ready,
        pending: create.isPending,
        error: errorText(create.error, language),
        onSubmit: submit,
      }}
    >
      <TextInput
        label={t('snapshots.name')}
        value={form.name}
        onChange={(e) => set({ name: e.currentTarget.value.trim() })}
        error={nameProblemText(t, nameProblem, form.name, 'snapshots.nameTaken')}
      />
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('snapshots.images')}
        </Text>
        {form.images.map((image, i) => (
          <Group key={i} align="flex-start">
            <TextInput
              flex={1}
              aria-label={t('snapshots.image', { index: i + 1 })}
              placeholder="nginx:latest"
              value={image}
              onChange={(e) => setImage(i, e.currentTarget.value)}
              error={errorAt(`spec.images[${i}].image`)}
            />
            {form.images.length > 1 && (
              <Button
                variant="subtle"
                onClick={() => set({ images: form.images.filter((_, j) => j !== i) })}
              >
                {t('snapshots.remove')}
              </Button>
            )}
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" onClick={() => set({ images: [...form.images, ''] })}>
            {t('snapshots.addImage')}
          </Button>
        </Group>
      </Stack>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('snapshots.registries')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('snapshots.registriesHint')}
        </Text>
        {form.registries.map((r, i) => (
          <SimpleGrid key={i} cols={{ base: 1, md: 3 }}>
            <TextInput
              label={t('snapshots.server')}
              description={t('snapshots.serverHint')}
              value={r.server}
              onChange={(e) => setRegistry(i, { server: e.currentTarget.value })}
              error={errorAt(`spec.registries[${i}].server`)}
            />
            <TextInput
              label={t('snapshots.username')}
              value={r.username}
              onChange={(e) => setRegistry(i, { username: e.currentTarget.value })}
              error={errorAt(`spec.registries[${i}].username`)}
              autoComplete="off"
            />
            <PasswordInput
              label={t('snapshots.password')}
              value={r.password}
              onChange={(e) => setRegistry(i, { password: e.currentTarget.value })}
              error={errorAt(`spec.registries[${i}].password`)}
              autoComplete="new-password"
            />
            <Checkbox
              label={t('snapshots.plainHTTP')}
              checked={r.plainHTTP}
              onChange={(e) => setRegistry(i, { plainHTTP: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('snapshots.insecureSkipVerify')}
              checked={r.insecureSkipVerify}
              onChange={(e) => setRegistry(i, { insecureSkipVerify: e.currentTarget.checked })}
            />
            <Button
              variant="subtle"
              onClick={() => set({ registries: form.registries.filter((_, j) => j !== i) })}
            >
              {t('snapshots.remove')}
            </Button>
          </SimpleGrid>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => set({ registries: [...form.registries, emptyRegistry] })}
          >
            {t('snapshots.addRegistry')}
          </Button>
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Select
          label={t('snapshots.buildingNamespace')}
          description={t('snapshots.buildingNamespaceHint')}
          data={namespaces.data?.items.map((n) => n.metadata.name) ?? [form.buildingNamespace]}
          value={form.buildingNamespace}
          onChange={(v) => set({ buildingNamespace: v ?? '' })}
          error={errorAt('spec.buildingConfig.namespace')}
          allowDeselect={false}
        />
        <Select
          label={t('snapshots.volumeType')}
          data={SNAPSHOT_VOLUME_TYPES}
          value={form.volumeType}
          onChange={(v) => set({ volumeType: v ?? 'ssd' })}
          allowDeselect={false}
        />
        <NumberInput
          label={t('snapshots.volumeSize')}
          min={1}
          value={form.volumeSizeGiB}
          onChange={(v) => set({ volumeSizeGiB: v })}
          error={errorAt('spec.evsInfo.volumeSizeGiB')}
        />
        <TextInput
          label={t('snapshots.filesystem')}
          value="ext4"
          readOnly
          description={t('snapshots.filesystemHint')}
        />
        <NumberInput
          label={t('snapshots.ttl')}
          description={t('snapshots.ttlHint')}
          min={0}
          value={form.ttlDays}
          onChange={(v) => set({ ttlDays: v })}
          error={errorAt('spec.ttlDaysAfterCreated')}
        />
      </SimpleGrid>
      {otherErrors.map((v) => (
        <Alert key={v.path} color="red">
          {v.message[language]}
        </Alert>
      ))}
    </WizardShell>
  );
}
