import { Text } from '@mantine/core';
import type { MetricsRangeSeconds } from '@cci/model';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartData, ChartLine, PodChartSpec } from './podCharts.ts';
import { formatMetricValue, formatTimeTick } from './units.ts';

/** Mantine palette hues, as SVG presentation attributes (not style attributes: CSP). */
const lineColors = ['#228be6', '#40c057', '#fab005', '#be4bdb', '#15aabf', '#fd7e14', '#e64980'];
const limitColor = '#fa5252';
const CHART_HEIGHT = 200;

interface MetricChartProps {
  spec: PodChartSpec;
  data: ChartData;
  range: MetricsRangeSeconds;
}

/**
 * One recharts line chart. The x domain is the whole range ending at the newest sample, so the
 * lines visibly move left as samples arrive; the y domain includes the limit, so usage reads
 * against it. No animation: a live chart re-renders every scrape.
 */
export function MetricChart({ spec, data, range }: MetricChartProps) {
  const { t } = useTranslation();
  const words = { cores: t('metrics.unit.cores') };
  const format = (value: number) => formatMetricValue(spec.unit, value, words);
  const multiContainer = new Set(data.lines.map((l) => l.container)).size > 1;
  const lineName = (line: ChartLine) => {
    const metric = t(`metrics.metric.${line.metric}`);
    return multiContainer && line.container
      ? t('metrics.lineOfContainer', { metric, container: line.container })
      : metric;
  };
  const maxLimit = Math.max(0, ...data.limits.map((l) => l.value));
  const end = data.lastMs;
  return (
    <div
      className="metrics-chart"
      role="figure"
      aria-label={t(`metrics.chart.${spec.id}`)}
      data-points={data.rows.length}
      data-last={data.lastMs}
    >
      <Text fw={600} size="sm" mb={4}>
        {t(`metrics.chart.${spec.id}`)}
      </Text>
      {data.rows.length === 0 ? (
        <Text size="sm" c="dimmed" className="metrics-chart-empty">
          {t('metrics.noData')}
        </Text>
      ) : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <LineChart data={data.rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" />
            <XAxis
              dataKey="t"
              type="number"
              domain={[end - range * 1000, end]}
              allowDataOverflow
              tickFormatter={(value: number) => formatTimeTick(value, range)}
              tick={{ fontSize: 11 }}
            />
            <YAxis
              width={76}
              tick={{ fontSize: 11 }}
              tickFormatter={(value: number) => format(value)}
              domain={[0, (dataMax: number) => Math.max(dataMax, maxLimit) * 1.1 || 1]}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(label) =>
                typeof label === 'number' ? new Date(label).toLocaleTimeString() : label
              }
              formatter={(value) => (typeof value === 'number' ? format(value) : String(value))}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {data.lines.map((line, index) => (
              <Line
                key={line.key}
                dataKey={line.key}
                name={lineName(line)}
                stroke={lineColors[index % lineColors.length]}
                dot={false}
                strokeWidth={1.5}
                isAnimationActive={false}
                connectNulls
              />
            ))}
            {data.limits.map((limit) => (
              <ReferenceLine
                key={`limit-${limit.container}`}
                y={limit.value}
                stroke={limitColor}
                strokeDasharray="6 4"
                label={{
                  value: `${
                    limit.container && data.limits.length > 1
                      ? t('metrics.limitOfContainer', { container: limit.container })
                      : t('metrics.limit')
                  } ${format(limit.value)}`,
                  position: 'insideTopRight',
                  fontSize: 11,
                  fill: limitColor,
                }}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}
