import { Alert, Code, Loader, Stack, Text } from '@mantine/core';
import { enableMetricsAnnotation, metricsPortAnnotation, type PodMetricsState } from '@cci/model';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { ApiError } from '../../lib/kube/http.ts';

/** What the seed (ch. 10, table 10-2) shows to turn the exporter on: M1's two annotations. */
const enableSnippet = [
  'spec:',
  '  template:',
  '    metadata:',
  '      annotations:',
  `        ${enableMetricsAnnotation}: "true"`,
  `        ${metricsPortAnnotation}: "19100"`,
].join('\n');

/** Explains a pod state other than `ok`; renders nothing for `ok`. */
export function MetricsStateNotice({
  state,
  message,
}: {
  state: PodMetricsState;
  message?: string | undefined;
}) {
  const { t } = useTranslation();
  if (state === 'ok') return null;
  if (state === 'metrics-off') {
    return (
      <Alert color="gray" title={t('metrics.state.offTitle')}>
        <Stack gap="xs">
          <Code>{`${enableMetricsAnnotation}: "false"`}</Code>
          <Text size="sm">{t('metrics.state.offBody')}</Text>
          <Text size="sm">{t('metrics.state.offEnable')}</Text>
          <Code block>{enableSnippet}</Code>
        </Stack>
      </Alert>
    );
  }
  if (state === 'not-running') {
    return (
      <Alert color="yellow" title={t('metrics.state.notRunningTitle')}>
        {t('metrics.state.notRunningBody')}
      </Alert>
    );
  }
  return (
    <Alert color="red" title={t('metrics.state.errorTitle')}>
      {t('metrics.state.errorBody', { message: message ?? '-' })}
    </Alert>
  );
}

/** Loading, then a load error only while nothing is shown yet (a refresh failure keeps the chart). */
export function MetricsLoadState({
  pending,
  error,
  hasData,
}: {
  pending: boolean;
  error: unknown;
  hasData: boolean;
}) {
  const { t } = useTranslation();
  if (pending) return <Loader size="sm" aria-label={t('metrics.loading')} />;
  if (!error || hasData) return null;
  return (
    <Alert color="red" role="alert" title={t('metrics.loadError')}>
      {error instanceof ApiError ? error.localized(currentLanguage()) : t('common.error')}
    </Alert>
  );
}
