import { lazy, Suspense } from 'react';
import { DataSection } from '../config-data/DataSection.tsx';
import { hasDataView } from '../config-data/configData.ts';
import { PodOverview } from '../pod-overview/PodOverview.tsx';
import type { KubeObject } from '../resources/objects.ts';

// The cron libraries load with the first CronJob shown.
const CronScheduleSection = lazy(() =>
  import('../workload-forms/CronViews.tsx').then((m) => ({ default: m.CronScheduleSection })),
);

interface Props {
  object: KubeObject;
  region: string;
  namespace: string;
}

/** The Overview's part that depends on the kind: a pod's containers, a ConfigMap's data... */
export function KindSections({ object, region, namespace }: Props) {
  if (object.kind === 'Pod')
    return <PodOverview pod={object} region={region} namespace={namespace} />;
  if (hasDataView(object)) return <DataSection object={object} />;
  if (object.kind === 'CronJob')
    return (
      <Suspense fallback={null}>
        <CronScheduleSection object={object} />
      </Suspense>
    );
  return null;
}
