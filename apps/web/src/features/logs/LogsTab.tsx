import { Loader } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useResourceListQuery } from '../resources/liveList.ts';
import { logTargetOf, workloadPods, type LogTarget } from './logTargets.ts';

// The log view (virtualizer, ANSI parser) stays out of the initial bundle.
const LogsPanel = lazy(() => import('./LogsPanel.tsx'));

interface DetailsObject {
  kind?: string;
  metadata: { name: string; namespace?: string };
  spec?: unknown;
}

/** Whether the details page of this object gets a Logs tab (pods and their workloads). */
export function hasLogsTab(object: DetailsObject): boolean {
  return logTargetOf(object) !== undefined;
}

/** The Logs tab's content; Details.tsx renders it only for objects with hasLogsTab. */
export function LogsTab({ object }: { object: DetailsObject }) {
  const { t } = useTranslation();
  const target = logTargetOf(object);
  if (!target) return null;
  return (
    <Suspense fallback={<Loader size="sm" aria-label={t('logs.loading')} />}>
      {target.view === 'pod' ? (
        <LogsPanel
          namespace={target.namespace}
          pods={[target.pod]}
          containers={target.containers}
          workload={false}
        />
      ) : (
        <WorkloadLogs target={target} />
      )}
    </Suspense>
  );
}

/** All pods of a workload, from the live pod list: a pod that starts joins the view. */
function WorkloadLogs({ target }: { target: Extract<LogTarget, { view: 'workload' }> }) {
  const { region = '' } = useParams({ strict: false });
  const list = useResourceListQuery(region, 'pods', target.namespace);
  const names = workloadPods(list.data?.items ?? [], target.matchLabels);
  const key = names.join(',');
  // The same array while the same pods match: the streams keep going.
  const pods = useMemo(() => names, [key]);
  if (!list.data) return <Loader size="sm" />;
  return (
    <LogsPanel namespace={target.namespace} pods={pods} containers={target.containers} workload />
  );
}
