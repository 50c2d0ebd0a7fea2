import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import {
  defaultMetricsRangeSeconds,
  metricsRangesSeconds,
  type MetricsRangeSeconds,
  type PodMetricsResponse,
} from '@cci/model';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MetricChart } from './MetricChart.tsx';
import { MetricsLoadState, MetricsStateNotice } from './MetricsStateNotice.tsx';
import { metricsQueries } from './metrics.queries.ts';
import './metrics.css';
import { buildChartData, chartsFor, type Aggregation } from './podCharts.ts';

export interface PodMetricsPanelProps {
  region: string;
  namespace: string;
  pod: string;
}

/** The pod details "Metrics" tab: live charts, loaded lazily with recharts (see MetricsTab). */
export default function PodMetricsPanel({ region, namespace, pod }: PodMetricsPanelProps) {
  const { t } = useTranslation();
  const [range, setRange] = useState<MetricsRangeSeconds>(defaultMetricsRangeSeconds);
  const [aggregation, setAggregation] = useState<Aggregation>('sum');
  const query = useQuery(metricsQueries.pod(region, namespace, pod, range));
  const data = query.data;
  return (
    <Stack
      component="section"
      aria-label={t('metrics.panelLabel')}
      data-state={data?.state ?? 'loading'}
    >
      <Group gap="md">
        <SegmentedControl
          size="xs"
          aria-label={t('metrics.rangeLabel')}
          value={String(range)}
          onChange={(value) => setRange(toRange(value))}
          data={metricsRangesSeconds.map((r) => ({
            value: String(r),
            label: t(`metrics.range.r${r}`),
          }))}
        />
        {data && data.containers.length > 1 && (
          <SegmentedControl
            size="xs"
            aria-label={t('metrics.aggregationLabel')}
            value={aggregation}
            onChange={(value) => setAggregation(value === 'containers' ? 'containers' : 'sum')}
            data={[
              { value: 'sum', label: t('metrics.aggregation.sum') },
              { value: 'containers', label: t('metrics.aggregation.containers') },
            ]}
          />
        )}
        {data && <RefreshNote data={data} />}
      </Group>
      <MetricsLoadState pending={query.isPending} error={query.error} hasData={!!data} />
      {data && <MetricsStateNotice state={data.state} message={data.message} />}
      {data && data.state !== 'metrics-off' && (
        <div className="metrics-grid">
          {chartsFor(data).map((spec) => (
            <MetricChart
              key={spec.id}
              spec={spec}
              range={range}
              data={buildChartData(data, spec, aggregation)}
            />
          ))}
        </div>
      )}
    </Stack>
  );
}

function toRange(value: string): MetricsRangeSeconds {
  return metricsRangesSeconds.find((r) => String(r) === value) ?? defaultMetricsRangeSeconds;
}

function RefreshNote({ data }: { data: PodMetricsResponse }) {
  const { t } = useTranslation();
  const seconds = data.intervalSeconds;
  if (data.lastScrapeMs === undefined) {
    return data.state === 'ok' ? (
      <Text size="xs" c="dimmed">
        {t('metrics.waiting', { seconds })}
      </Text>
    ) : null;
  }
  const time = new Date(data.lastScrapeMs).toLocaleTimeString();
  return (
    <Text size="xs" c="dimmed">
      {t('metrics.refresh', { seconds, time })}
    </Text>
  );
}
