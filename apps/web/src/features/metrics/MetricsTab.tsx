import { Loader } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { isDeploymentPod, metricsTargetOf } from './metricsTarget.ts';

// recharts and the charts stay out of the initial bundle: fetched the first time a tab opens.
const PodMetricsPanel = lazy(() => import('./PodMetricsPanel.tsx'));
const NamespaceTopPanel = lazy(() => import('./NamespaceTopPanel.tsx'));

interface DetailsObject {
  kind?: string;
  metadata: { name: string; namespace?: string };
}

/** Whether the details page of this object gets a Metrics tab (pods, deployments, namespaces). */
export function hasMetricsTab(object: DetailsObject): boolean {
  return metricsTargetOf(object) !== undefined;
}

/** The Metrics tab's content; Details.tsx renders it only for objects with hasMetricsTab. */
export function MetricsTab({ object }: { object: DetailsObject }) {
  const { t } = useTranslation();
  const { region = '' } = useParams({ strict: false });
  const target = metricsTargetOf(object);
  if (!target) return null;
  return (
    <Suspense fallback={<Loader size="sm" aria-label={t('metrics.loading')} />}>
      {target.view === 'pod' && (
        <PodMetricsPanel region={region} namespace={target.namespace} pod={target.pod} />
      )}
      {target.view === 'namespace' && (
        <NamespaceTopPanel region={region} namespace={target.namespace} />
      )}
      {target.view === 'deployment' && (
        <NamespaceTopPanel
          region={region}
          namespace={target.namespace}
          deployment
          podFilter={(pod) => isDeploymentPod(target.deployment, pod)}
        />
      )}
    </Suspense>
  );
}
