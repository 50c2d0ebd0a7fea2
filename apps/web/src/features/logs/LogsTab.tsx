import { Loader } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useResourceListQuery } from '../resources/liveList.ts';
import {
  logTargetOf,
  podsToRead,
  podsWithLog,
  workloadPods,
  type LogTarget,
} from './logTargets.ts';

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
  const items = list.data?.items ?? [];
  const matched = workloadPods(items, target.matchLabels);
  const started = podsWithLog(items);
  const names = matched.filter((p) => started.has(p));
  // At most MAX_WORKLOAD_LOG_PODS are read (the session's follow cap); the ones read stay.
  const reading = useRef<string[]>([]);
  const chosen = podsToRead(names, reading.current);
  reading.current = chosen;
  const key = chosen.join(',');
  // The same array while the same pods are read: the streams keep going.
  const pods = useMemo(() => chosen, [key]);
  if (!list.data) return <Loader size="sm" />;
  return (
    <LogsPanel
      namespace={target.namespace}
      pods={pods}
      totalPods={names.length}
      waitingPods={matched.length - names.length}
      containers={target.containers}
      workload
    />
  );
}
