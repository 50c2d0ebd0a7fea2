import { Alert, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../lib/kube/objects.ts';
import { StatusAlert } from '../errors/StatusAlert.tsx';
import { editableObject } from '../editor/workflow/editableObject.ts';
import { workflowQueries } from '../editor/workflow/workflow.queries.ts';
import type { KubeDoc } from '../forms/formModel.tsx';
import { ObjectFormPage } from '../forms/ObjectFormPage.tsx';
import { PodTemplateFields } from '../pod-template/PodTemplateFields.tsx';
import { withSnapshotFields } from '../pod-template/podAnnotationFields.ts';
import { kindOf } from '../resources/resourceKinds.ts';
import { PodExtrasFields } from './PodExtrasFields.tsx';
import { useWorkloadLookups } from './useWorkloadLookups.ts';
import {
  newWorkload,
  templatePathOf,
  workloadChecks,
  workloadPatterns,
  workloadPlural,
  type WorkloadKind,
} from './workloadKinds.ts';
import { WorkloadSpecFields } from './WorkloadSpecFields.tsx';

interface FormProps {
  region: string;
  namespace: string;
  kind: WorkloadKind;
  initial: KubeDoc;
  base?: KubeDoc;
}

function WorkloadForm({ region, namespace, kind, initial, base }: FormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const editing = base !== undefined;
  const lookups = useWorkloadLookups(region, namespace, kind, editing);
  const name = String((initial['metadata'] as { name?: string }).name ?? '');
  const taken = editing ? undefined : lookups.names;
  const checks = useMemo(() => workloadChecks(kind, taken), [kind, taken]);
  const ruleContext = useMemo(
    () => (base ? { ...lookups.ruleContext, oldObject: base } : lookups.ruleContext),
    [lookups.ruleContext, base],
  );
  const plural = workloadPlural[kind];
  const path = templatePathOf(kind);
  const onDone = (object: KubeObject) =>
    editing
      ? navigate({
          to: '/r/$region/ns/$namespace/$resource/$name',
          params: { region, namespace, resource: plural, name: object.metadata.name },
        })
      : navigate({
          to: '/r/$region/ns/$namespace/$resource',
          params: { region, namespace, resource: plural },
        });
  return (
    <ObjectFormPage
      region={region}
      namespace={namespace}
      plural={plural}
      title={
        editing
          ? t('workloadForms.editTitle', { kind, name })
          : t('workloadForms.createTitle', { kind, namespace })
      }
      initial={initial}
      {...(base ? { base } : {})}
      flavor={lookups.flavor}
      ruleContext={ruleContext}
      patterns={workloadPatterns(kind)}
      checks={checks}
      loading={!lookups.loaded}
      onDone={onDone}
    >
      {(form) => (
        <>
          <WorkloadSpecFields form={form} kind={kind} />
          <PodTemplateFields form={form} path={path} flavor={lookups.flavor} />
          {kind === 'Deployment' && <PodExtrasFields form={form} path={path} lookups={lookups} />}
        </>
      )}
    </ObjectFormPage>
  );
}

export interface WorkloadFormSearch {
  /** S3: open the form with this image snapshot specified (from the snapshot overview). */
  snapshot?: string | undefined;
  /** Edit this object (its form on the live object) instead of creating one. */
  name?: string | undefined;
}

const ROUTE = '/r/$region/ns/$namespace/form/$workload';
const formKinds: Record<string, WorkloadKind> = {
  deployment: 'Deployment',
  job: 'Job',
  cronjob: 'CronJob',
};

/** /r/:region/ns/:namespace/form/{deployment,job,cronjob}[?name=<object to edit>] */
export function WorkloadFormRoute() {
  const { t } = useTranslation();
  const { region, namespace, workload } = useParams({ from: ROUTE });
  const search = useSearch({ from: ROUTE });
  const kind = formKinds[workload];
  if (!kind) return <Alert color="red">{t('list.unknownResource', { resource: workload })}</Alert>;
  const where = { region, namespace, kind };
  if (search.name !== undefined) return <WorkloadEdit {...where} name={search.name} />;
  return <WorkloadCreate {...where} snapshot={search.snapshot} />;
}

interface Where {
  region: string;
  namespace: string;
  kind: WorkloadKind;
}

function WorkloadCreate({ snapshot, ...where }: Where & { snapshot: string | undefined }) {
  const initial = useMemo(() => {
    const fresh = newWorkload(where.kind, where.namespace);
    if (snapshot === undefined) return fresh;
    const s = { mode: 'specified' as const, name: snapshot, autoMatch: false };
    return withSnapshotFields(fresh, templatePathOf(where.kind), s);
  }, [where.kind, where.namespace, snapshot]);
  return <WorkloadForm {...where} initial={initial} />;
}

/** The same form on the live object. */
function WorkloadEdit({ name, ...where }: Where & { name: string }) {
  const { region, namespace, kind } = where;
  const live = useQuery(
    workflowQueries.live(region, kindOf(workloadPlural[kind]), namespace, name),
  );
  if (live.error) return <StatusAlert error={live.error} />;
  if (!live.data) return <Loader size="sm" />;
  return <WorkloadForm {...where} initial={editableObject(live.data)} base={live.data} />;
}
