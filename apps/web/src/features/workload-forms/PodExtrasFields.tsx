import { Alert } from '@mantine/core';
import { eipPoolCapacity } from '@cci/model';
import { useTranslation } from 'react-i18next';
import type { FormModel } from '../forms/formModel.tsx';
import { problemText } from '../forms/formProblems.ts';
import { pathText, type Path } from '../forms/objectPath.ts';
import {
  eipFieldsOf,
  snapshotFieldsOf,
  withEipFields,
  withSnapshotFields,
} from '../pod-template/podAnnotationFields.ts';
import { WorkloadEipFields } from '../workloads/WorkloadEipFields.tsx';
import { WorkloadSnapshotFields } from '../workloads/WorkloadSnapshotFields.tsx';
import { fieldOfPath, type FormProblem, type ProblemsView } from '../workloads/workloadProblems.ts';

export interface PodExtrasLookups {
  pools: { metadata: { name: string } }[];
  deployments: unknown[];
  snapshots: { name: string; phase: string }[];
}

/** The form's findings as the EIP and snapshot inputs of the old form read them. */
function problemsView(form: FormModel): ProblemsView {
  const placed = form.problems.map((p) => ({ p, field: fieldOfPath(pathText(p.path)) }));
  const asNote = (p: (typeof placed)[number]): FormProblem => ({
    field: p.field,
    rule: '',
    severity: p.p.severity,
    message: { en: problemText(p.p, 'en'), 'zh-CN': problemText(p.p, 'zh-CN') },
  });
  return {
    errorOf: (field) => {
      const found = placed.find((x) => x.field === field && x.p.severity === 'error');
      return found && problemText(found.p, form.language);
    },
    notesOf: (field) =>
      placed.filter((x) => x.field === field && x.p.severity !== 'error').map(asNote),
    others: [],
    hasErrors: placed.some((x) => x.p.severity === 'error'),
  };
}

/** EIP (E4, EIP1-EIP7, with the pool capacity warning E8) and image snapshot (S3) choices. */
export function PodExtrasFields(props: { form: FormModel; path: Path; lookups: PodExtrasLookups }) {
  const { form, path, lookups } = props;
  const { t } = useTranslation();
  const template = form.get(path);
  const eip = eipFieldsOf(template);
  const view = problemsView(form);
  const pool = eip.mode === 'pool' ? eip.pool : '';
  const name = form.get(['metadata', 'name']);
  const others = lookups.deployments.filter(
    (d) => (d as { metadata?: { name?: string } }).metadata?.name !== name,
  );
  const capacity =
    pool === ''
      ? undefined
      : eipPoolCapacity(
          lookups.pools.filter((p) => p.metadata.name === pool),
          [...others, form.object],
        )[0];
  return (
    <>
      <WorkloadEipFields
        eip={eip}
        pools={lookups.pools.map((p) => p.metadata.name)}
        problems={view}
        onChange={(patch) => form.update((o) => withEipFields(o, path, { ...eip, ...patch }))}
      />
      {capacity && !capacity.sufficient && (
        <Alert color="yellow">
          {t('workloads.capacity', {
            pool: capacity.pool,
            size: capacity.size,
            needed: capacity.needed,
            replicas: capacity.replicas,
            surge: capacity.surge,
          })}
        </Alert>
      )}
      <WorkloadSnapshotFields
        snapshot={snapshotFieldsOf(template)}
        snapshots={lookups.snapshots}
        problems={view}
        onChange={(patch) =>
          form.update((o) =>
            withSnapshotFields(o, path, { ...snapshotFieldsOf(form.get(path)), ...patch }),
          )
        }
      />
    </>
  );
}
