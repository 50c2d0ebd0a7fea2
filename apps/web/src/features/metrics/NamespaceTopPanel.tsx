import { Anchor, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import {
  defaultMetricsRangeSeconds,
  metricsRangesSeconds,
  type MetricsRangeSeconds,
  type NamespaceTopPod,
} from '@cci/model';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { metricsQueries } from './metrics.queries.ts';
import { MetricsLoadState } from './MetricsStateNotice.tsx';
import './metrics.css';
import { Sparkline } from './Sparkline.tsx';
import { formatBytes, formatCores, type UnitWords } from './units.ts';

export interface NamespaceTopPanelProps {
  region: string;
  namespace: string;
  /** Deployment details narrow the namespace's top pods to the deployment's own. */
  podFilter?: (pod: string) => boolean;
  deployment?: boolean;
}

/** Top pods by CPU and by memory with sparklines (namespace and deployment details). */
export default function NamespaceTopPanel({
  region,
  namespace,
  podFilter,
  deployment,
}: NamespaceTopPanelProps) {
  const { t } = useTranslation();
  const [range, setRange] = useState<MetricsRangeSeconds>(defaultMetricsRangeSeconds);
  const query = useQuery(metricsQueries.top(region, namespace, range));
  const data = query.data;
  const keep = (pods: NamespaceTopPod[]) =>
    podFilter ? pods.filter((p) => podFilter(p.pod)) : pods;
  const title = t(deployment ? 'metrics.overview.titleDeployment' : 'metrics.overview.title');
  return (
    <Stack component="section" aria-label={title}>
      <Group gap="md">
        <Title order={5}>{title}</Title>
        <SegmentedControl
          size="xs"
          aria-label={t('metrics.rangeLabel')}
          value={String(range)}
          onChange={(v) =>
            setRange(
              metricsRangesSeconds.find((r) => String(r) === v) ?? defaultMetricsRangeSeconds,
            )
          }
          data={metricsRangesSeconds.map((r) => ({
            value: String(r),
            label: t(`metrics.range.r${r}`),
          }))}
        />
      </Group>
      <MetricsLoadState pending={query.isPending} error={query.error} hasData={!!data} />
      {data && !deployment && (
        <Text size="sm" c="dimmed">
          {t('metrics.overview.counts', data.counts)}
        </Text>
      )}
      {data && (
        <div className="metrics-overview-tables">
          <TopTable region={region} namespace={namespace} by="cpu" pods={keep(data.byCpu)} />
          <TopTable region={region} namespace={namespace} by="memory" pods={keep(data.byMemory)} />
        </div>
      )}
    </Stack>
  );
}

function TopTable(props: {
  region: string;
  namespace: string;
  by: 'cpu' | 'memory';
  pods: NamespaceTopPod[];
}) {
  const { t } = useTranslation();
  const { region, namespace, by, pods } = props;
  const words: UnitWords = { cores: t('metrics.unit.cores') };
  const cell = (pod: NamespaceTopPod) => {
    const value = by === 'cpu' ? pod.cpuCores : pod.memoryWorkingSetBytes;
    const limit = by === 'cpu' ? pod.cpuLimitCores : pod.memoryLimitBytes;
    const format = (n: number) => (by === 'cpu' ? formatCores(n, words) : formatBytes(n));
    if (value === undefined) return '-';
    return limit === undefined
      ? format(value)
      : t('metrics.overview.ofLimit', { value: format(value), limit: format(limit) });
  };
  const title = t(by === 'cpu' ? 'metrics.overview.byCpu' : 'metrics.overview.byMemory');
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {pods.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('metrics.overview.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('metrics.overview.pod')}</Table.Th>
              <Table.Th>
                {t(by === 'cpu' ? 'metrics.overview.cpu' : 'metrics.overview.memory')}
              </Table.Th>
              <Table.Th>{t('metrics.overview.trend')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pods.map((pod) => (
              <Table.Tr key={pod.pod}>
                <Table.Td>
                  <Anchor
                    size="sm"
                    renderRoot={(rootProps) => (
                      <Link
                        {...rootProps}
                        to="/r/$region/ns/$namespace/$resource/$name"
                        params={{ region, namespace, resource: 'pods', name: pod.pod }}
                      />
                    )}
                  >
                    {pod.pod}
                  </Anchor>
                </Table.Td>
                <Table.Td>{cell(pod)}</Table.Td>
                <Table.Td>
                  <Sparkline
                    label={t('metrics.overview.sparkline')}
                    points={by === 'cpu' ? pod.cpuSparkline : pod.memorySparkline}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
