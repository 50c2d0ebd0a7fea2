import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useLiveList } from '../resources/liveList.ts';
import { formatAge } from '../resources/objects.ts';
import { resourceQueries } from '../resources/resources.queries.ts';
import { useNow } from '../resources/useNow.ts';
import { ConfirmDialog } from '../wizard-shell/ConfirmDialog.tsx';
import { LinkButton } from '../wizard-shell/LinkButton.tsx';
import { errorText, wizardMutations } from '../wizard-shell/wizardMutations.ts';
import { snapshotView, type SnapshotView } from './snapshotForm.ts';

const phaseColor: Record<string, string> = {
  Available: 'green',
  Creating: 'blue',
  Unavailable: 'red',
  Deleting: 'gray',
};

/** /r/:region/ns/:namespace/manage/imagesnapshots — live (the BFF polls them, S4). */
export function SnapshotOverview() {
  const { t } = useTranslation();
  const { region, namespace } = useParams({
    from: '/r/$region/ns/$namespace/manage/imagesnapshots',
  });
  const live = useLiveList(region, 'imagesnapshots', namespace);
  const list = useQuery(resourceQueries.list(region, 'imagesnapshots', namespace, live));
  const now = useNow();
  const [deleting, setDeleting] = useState<string | undefined>(undefined);
  const views = (list.data?.items ?? [])
    .map((s) => snapshotView(s, now))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('snapshots.overviewTitle')}</Title>
        <LinkButton
          to="/r/$region/ns/$namespace/create/imagesnapshot"
          params={{ region, namespace }}
        >
          {t('snapshots.create')}
        </LinkButton>
      </Group>
      <Text size="sm" c="dimmed">
        {t('snapshots.pollNote')}
      </Text>
      {list.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {list.data && views.length === 0 && <Text c="dimmed">{t('snapshots.none')}</Text>}
      {views.map((v) => (
        <SnapshotCard key={v.name} view={v} now={now} onDelete={() => setDeleting(v.name)} />
      ))}
      {deleting && (
        <DeleteSnapshot region={region} name={deleting} onClose={() => setDeleting(undefined)} />
      )}
    </Stack>
  );
}

function SnapshotCard({
  view,
  now,
  onDelete,
}: {
  view: SnapshotView;
  now: number;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const expiry =
    view.expiresAt === undefined
      ? t('snapshots.neverExpires')
      : view.expired
        ? t('snapshots.expiredAt', { date: new Date(view.expiresAt).toISOString().slice(0, 10) })
        : t('snapshots.expiresIn', { age: formatAge(new Date(now).toISOString(), view.expiresAt) });
  return (
    <Card withBorder component="article" aria-labelledby={titleId} data-phase={view.phase}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group>
            <Text fw={600} id={titleId}>
              {view.name}
            </Text>
            <Badge color={phaseColor[view.phase] ?? 'gray'}>{view.phase}</Badge>
            {view.expired && <Badge color="orange">{t('snapshots.expiredBadge')}</Badge>}
          </Group>
          <Group gap="xs">
            {view.phase === 'Available' && <UseSnapshotButton name={view.name} />}
            <Button
              size="xs"
              color="red"
              variant="outline"
              disabled={view.phase === 'Deleting'}
              onClick={onDelete}
            >
              {t('snapshots.delete')}
            </Button>
          </Group>
        </Group>
        <Text size="sm">
          {t('snapshots.summary', {
            size: view.sizeGiB,
            type: view.volumeType,
            age: formatAge(view.createdAt, now),
            expiry,
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {view.images.join(', ')}
        </Text>
        {view.expired && <Alert color="orange">{t('snapshots.expiredNote')}</Alert>}
        {view.phase === 'Unavailable' && (
          <Alert color="red" role="alert">
            {view.reason}: {view.message}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** S3: only an Available snapshot can be named by a pod; open the workload form with it. */
function UseSnapshotButton({ name }: { name: string }) {
  const { t } = useTranslation();
  const { region, namespace } = useParams({
    from: '/r/$region/ns/$namespace/manage/imagesnapshots',
  });
  return (
    <LinkButton
      size="xs"
      variant="light"
      to="/r/$region/ns/$namespace/form/$workload"
      params={{ region, namespace, workload: 'deployment' }}
      search={{ snapshot: name }}
    >
      {t('workloads.useSnapshot')}
    </LinkButton>
  );
}

function DeleteSnapshot({
  region,
  name,
  onClose,
}: {
  region: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useMutation(
    wizardMutations.delete(useQueryClient(), {
      region,
      plural: 'imagesnapshots',
      namespace: undefined,
    }),
  );
  return (
    <ConfirmDialog
      title={t('snapshots.deleteTitle', { name })}
      onClose={onClose}
      submitLabel={t('snapshots.delete')}
      danger
      pending={remove.isPending}
      error={errorText(remove.error, currentLanguage())}
      onSubmit={() => remove.mutate(name, { onSuccess: onClose })}
    >
      <Text size="sm">{t('snapshots.deleteText', { name })}</Text>
    </ConfirmDialog>
  );
}
