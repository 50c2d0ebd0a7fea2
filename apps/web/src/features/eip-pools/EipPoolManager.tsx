import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { eipPoolCapacity, type EipPoolCapacity } from '@cci/model';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asArray, asText, field, type KubeObject } from '../resources/objects.ts';
import { ofKind } from '../../lib/kube/objects.ts';
import { resourceQueries } from '../resources/resources.queries.ts';
import { LinkButton } from '../wizard-shell/LinkButton.tsx';
import { podsOfPool, poolEips, poolIsDynamic, poolUsage } from './eipPoolForm.ts';
import { PoolDialog, type PoolAction } from './PoolDialog.tsx';

/** /r/:region/ns/:namespace/manage/eippools — pools, their EIPs, who holds them, E8 capacity. */
export function EipPoolManager() {
  const { t } = useTranslation();
  const { region, namespace } = useParams({ from: '/r/$region/ns/$namespace/manage/eippools' });
  const pools = useQuery(resourceQueries.list(region, 'eippools', namespace));
  const pods = useQuery(resourceQueries.list(region, 'pods', namespace));
  const deployments = useQuery(resourceQueries.list(region, 'deployments', namespace));
  const [dialog, setDialog] = useState<{ pool: KubeObject; action: PoolAction } | undefined>();
  const items = [...(pools.data?.items ?? [])].sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  );
  const capacity = eipPoolCapacity(items, deployments.data?.items ?? []);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('eipPools.managerTitle', { namespace })}</Title>
        <LinkButton to="/r/$region/ns/$namespace/create/eippool" params={{ region, namespace }}>
          {t('eipPools.create')}
        </LinkButton>
      </Group>
      {pools.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {pools.data && items.length === 0 && <Text c="dimmed">{t('eipPools.none')}</Text>}
      {items.map((pool) => (
        <PoolCard
          key={pool.metadata.name}
          pool={pool}
          pods={pods.data?.items ?? []}
          capacity={capacity.find((c) => c.pool === pool.metadata.name)}
          onAction={(action) => setDialog({ pool, action })}
        />
      ))}
      {dialog && (
        <PoolDialog
          region={region}
          pool={dialog.pool}
          action={dialog.action}
          pods={pods.data?.items ?? []}
          onClose={() => setDialog(undefined)}
        />
      )}
    </Stack>
  );
}

interface CardProps {
  pool: KubeObject;
  pods: KubeObject[];
  capacity: EipPoolCapacity | undefined;
  onAction: (action: PoolAction) => void;
}

function PoolCard({ pool, pods, capacity, onAction }: CardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const name = pool.metadata.name;
  const dynamic = poolIsDynamic(pool);
  const { spec } = ofKind<'EIPPool'>(pool);
  const usage = poolUsage(pool);
  const eips = poolEips(pool);
  const users = podsOfPool(pods, name);
  const notReady = asArray(field(pool, 'status.conditions')).find(
    (c) => asText(field(c, 'type')) === 'Ready' && asText(field(c, 'status')) === 'False',
  );
  return (
    <Card withBorder component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group>
            <Text fw={600} id={titleId}>
              {name}
            </Text>
            <Badge variant="light">{t(dynamic ? 'eipPools.dynamic' : 'eipPools.static')}</Badge>
            <meter
              min={0}
              max={Math.max(usage.total, 1)}
              value={usage.used}
              aria-label={t('eipPools.usage')}
            />
            <Text size="sm">
              {usage.used}/{usage.total}
            </Text>
          </Group>
          <Group gap="xs">
            {dynamic ? (
              <Button size="xs" variant="default" onClick={() => onAction('scale')}>
                {t('eipPools.scale')}
              </Button>
            ) : (
              <Button size="xs" variant="default" onClick={() => onAction('eips')}>
                {t('eipPools.editEips')}
              </Button>
            )}
            <Button size="xs" color="red" variant="outline" onClick={() => onAction('delete')}>
              {t('eipPools.delete')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {dynamic
            ? t('eipPools.dynamicSummary', {
                amount: String(spec?.amount ?? ''),
                networkType: spec?.eipAttributes?.networkType ?? '',
                shareType: spec?.eipAttributes?.bandwidth?.shareType ?? '',
              })
            : t('eipPools.staticSummary', { count: spec?.eips?.length ?? 0 })}
        </Text>
        {notReady !== undefined && (
          <Alert color="yellow">
            {asText(field(notReady, 'reason'))}: {asText(field(notReady, 'message'))}
          </Alert>
        )}
        {eips.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('eipPools.address')}</Table.Th>
                <Table.Th>{t('eipPools.eipId')}</Table.Th>
                <Table.Th>{t('eipPools.heldBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {eips.map((e) => (
                <Table.Tr key={e.address}>
                  <Table.Td>{e.address}</Table.Td>
                  <Table.Td>{e.eipID}</Table.Td>
                  <Table.Td>{e.pod ?? t('eipPools.free')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {users.length > 0 && (
          <Text size="sm">
            {t('eipPools.pods')}:{' '}
            {users.map((u) => `${u.pod} → ${u.eip || t('eipPools.waiting')}`).join(', ')}
          </Text>
        )}
        {capacity && <CapacityNote capacity={capacity} />}
      </Stack>
    </Card>
  );
}

/** E8: replicas plus surge of every deployment using the pool against its size, and the two fixes. */
function CapacityNote({ capacity }: { capacity: EipPoolCapacity }) {
  const { t } = useTranslation();
  if (capacity.deployments.length === 0) return null;
  const users = capacity.deployments
    .map((d) => t('eipPools.capacityUser', { name: d.name, replicas: d.replicas, surge: d.surge }))
    .join(', ');
  if (capacity.sufficient) {
    return (
      <Text size="sm" c="dimmed">
        {t('eipPools.capacityOk', { users, needed: capacity.needed, size: capacity.size })}
      </Text>
    );
  }
  return (
    <Alert color="yellow" title={t('eipPools.capacityTitle')}>
      <Stack gap={4}>
        <span>
          {t('eipPools.capacityShort', { users, needed: capacity.needed, size: capacity.size })}
        </span>
        <List size="sm">
          <List.Item>
            {t(capacity.mode === 'dynamic' ? 'eipPools.fixBigger' : 'eipPools.fixBiggerStatic', {
              size: capacity.suggestedSize,
            })}
          </List.Item>
          <List.Item>
            {t(capacity.maxSurgeZeroFits ? 'eipPools.fixSurge' : 'eipPools.fixSurgeNotEnough', {
              names: capacity.surgeDeployments.join(', '),
              replicas: capacity.replicas,
            })}
          </List.Item>
        </List>
      </Stack>
    </Alert>
  );
}
