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
  Title,
} from '@mantine/core';
import { SNAPSHOT_VOLUME_TYPES } from '@cci/model';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { testIds, wizardTestId } from '../../testids.ts';
import { resourceKeys, resourceQueries } from '../resources/resources.queries.ts';
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
import { createObject } from '../wizard-shell/wizards.queries.ts';
import { WizardSubmit } from '../wizard-shell/WizardSubmit.tsx';

/** /r/:region/ns/:namespace/create/imagesnapshot — an ImageSnapshot (S1, S6). */
export function SnapshotWizard() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { region, namespace } = useParams({
    from: '/r/$region/ns/$namespace/create/imagesnapshot',
  });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const snapshots = useQuery(resourceQueries.list(region, 'imagesnapshots', namespace));
  const namespaces = useQuery(resourceQueries.list(region, 'namespaces', namespace));
  const [form, setForm] = useState<SnapshotForm>(() => defaultSnapshotForm(namespace));
  const [error, setError] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);
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

  const create = async () => {
    setPending(true);
    setError(undefined);
    try {
      await createObject('imagesnapshots', undefined, doc);
      // S6: the password is not kept once sent.
      set({ registries: form.registries.map((r) => ({ ...r, password: '' })) });
      await queryClient.invalidateQueries({ queryKey: resourceKeys.region(region) });
      await navigate({
        to: '/r/$region/ns/$namespace/manage/imagesnapshots',
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
      <Title order={3}>{t('snapshots.createTitle')}</Title>
      <TextInput
        label={t('snapshots.name')}
        data-testid={testIds.snapshotName}
        value={form.name}
        onChange={(e) => set({ name: e.currentTarget.value.trim() })}
        error={
          nameProblem && form.name !== ''
            ? t(`snapshots.nameProblem.${nameProblem}`, { name: form.name })
            : undefined
        }
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
              data-testid={wizardTestId('snapshot-image', i)}
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
          <Button
            variant="light"
            size="xs"
            data-testid={testIds.snapshotAddImage}
            onClick={() => set({ images: [...form.images, ''] })}
          >
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
              data-testid={wizardTestId('snapshot-registry-server', i)}
              value={r.server}
              onChange={(e) => setRegistry(i, { server: e.currentTarget.value })}
              error={errorAt(`spec.registries[${i}].server`)}
            />
            <TextInput
              label={t('snapshots.username')}
              data-testid={wizardTestId('snapshot-registry-user', i)}
              value={r.username}
              onChange={(e) => setRegistry(i, { username: e.currentTarget.value })}
              error={errorAt(`spec.registries[${i}].username`)}
              autoComplete="off"
            />
            <PasswordInput
              label={t('snapshots.password')}
              data-testid={wizardTestId('snapshot-registry-password', i)}
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
            data-testid={testIds.snapshotAddRegistry}
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
          data-testid={testIds.snapshotBuildingNs}
          data={namespaces.data?.items.map((n) => n.metadata.name) ?? [form.buildingNamespace]}
          value={form.buildingNamespace}
          onChange={(v) => set({ buildingNamespace: v ?? '' })}
          error={errorAt('spec.buildingConfig.namespace')}
          allowDeselect={false}
        />
        <Select
          label={t('snapshots.volumeType')}
          data-testid={testIds.snapshotVolumeType}
          data={SNAPSHOT_VOLUME_TYPES}
          value={form.volumeType}
          onChange={(v) => set({ volumeType: v ?? 'ssd' })}
          allowDeselect={false}
        />
        <NumberInput
          label={t('snapshots.volumeSize')}
          data-testid={testIds.snapshotVolumeSize}
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
          data-testid={testIds.snapshotTtl}
          min={0}
          value={form.ttlDays}
          onChange={(v) => set({ ttlDays: v })}
          error={errorAt('spec.ttlDaysAfterCreated')}
        />
      </SimpleGrid>
      {otherErrors.map((v) => (
        <Alert key={v.path} color="red">
          {v.rule}: {v.message[language]}
        </Alert>
      ))}
      <WizardSubmit
        manifestTitle={t('snapshots.manifest')}
        documents={[maskedManifest(doc)]}
        error={error}
        ready={ready}
        pending={pending}
        label={t('snapshots.createSubmit')}
        onCreate={() => void create()}
      />
    </Stack>
  );
}
