import { Loader } from '@mantine/core';
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

export interface WorkloadCreateSearch {
  /** S3: open the form with this image snapshot specified (from the snapshot overview). */
  snapshot?: string | undefined;
}

function createPage(kind: WorkloadKind) {
  return function WorkloadCreatePage() {
    const { region, namespace } = useParams({ strict: false }) as Record<string, string>;
    const search = useSearch({ strict: false }) as WorkloadCreateSearch;
    const initial = useMemo(() => {
      const fresh = newWorkload(kind, namespace ?? '');
      if (search.snapshot === undefined) return fresh;
      const snapshot = { mode: 'specified' as const, name: search.snapshot, autoMatch: false };
      return withSnapshotFields(fresh, templatePathOf(kind), snapshot);
    }, [namespace, search.snapshot]);
    return (
      <WorkloadForm
        region={region ?? ''}
        namespace={namespace ?? ''}
        kind={kind}
        initial={initial}
      />
    );
  };
}

/** /r/:region/ns/:namespace/create/{deployment,job,cronjob} */
export const DeploymentCreatePage = createPage('Deployment');
export const JobCreatePage = createPage('Job');
export const CronJobCreatePage = createPage('CronJob');

const editableKinds: Record<string, WorkloadKind> = {
  deployments: 'Deployment',
  cronjobs: 'CronJob',
  jobs: 'Job',
};

/** /r/:region/ns/:namespace/edit/:resource/:name — the same form on the live object. */
export function WorkloadEditPage() {
  const { region, namespace, resource, name } = useParams({
    from: '/r/$region/ns/$namespace/edit/$resource/$name',
  });
  const kind = editableKinds[resource] ?? 'Deployment';
  const live = useQuery(
    workflowQueries.live(region, kindOf(workloadPlural[kind]), namespace, name),
  );
  if (live.error) return <StatusAlert error={live.error} />;
  if (!live.data) return <Loader size="sm" />;
  const initial = editableObject(live.data);
  return (
    <WorkloadForm
      region={region}
      namespace={namespace}
      kind={kind}
      initial={initial}
      base={live.data}
    />
  );
}
