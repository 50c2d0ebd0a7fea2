/**
 * The workload kinds the forms edit (Deployment, Job, CronJob) as data: where their pod template
 * is, what a new one holds, which paths the form shows, and the checks Kubernetes makes that the
 * CCI rules leave out (names, images). The rules themselves come from @cci/model.
 */
import {
  DNS1123_LABEL_MAX,
  isDns1123Label,
  eipAnnotations,
  gpuDriverAnnotation,
  imagePullSecretName,
  snapshotAutoMatchAnnotation,
  snapshotNameAnnotation,
} from '@cci/model';
import type { KubeDoc } from '../forms/formModel.tsx';
import { checkProblem, type FieldProblem } from '../forms/formProblems.ts';
import { getIn, type Path, type PathPattern } from '../forms/objectPath.ts';
import { freshContainer } from '../pod-template/podTemplateDefaults.ts';

export type WorkloadKind = 'Deployment' | 'Job' | 'CronJob';

export const workloadPlural = {
  Deployment: 'deployments',
  Job: 'jobs',
  CronJob: 'cronjobs',
} as const;

export function templatePathOf(kind: WorkloadKind): Path {
  return kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
}

function podTemplate(labels: Record<string, string> | undefined, restartPolicy?: string) {
  return {
    ...(labels ? { metadata: { labels } } : {}),
    spec: {
      containers: [freshContainer(0)],
      ...(restartPolicy ? { restartPolicy } : {}),
      imagePullSecrets: [{ name: imagePullSecretName }],
    },
  };
}

export function newWorkload(kind: WorkloadKind, namespace: string): KubeDoc {
  const metadata = { name: '', namespace };
  if (kind === 'Deployment') {
    return {
      apiVersion: 'apps/v1',
      kind,
      metadata,
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: '' } },
        template: podTemplate({ app: '' }),
      },
    };
  }
  const job = { backoffLimit: 6, template: podTemplate(undefined, 'Never') };
  if (kind === 'Job') return { apiVersion: 'batch/v1', kind, metadata, spec: job };
  return {
    apiVersion: 'batch/v1',
    kind,
    metadata,
    spec: { schedule: '*/5 * * * *', concurrencyPolicy: 'Allow', jobTemplate: { spec: job } },
  };
}

/**
 * A new Deployment's name is also its app label (selector and template): renaming before it
 * is created moves the label along while the two still agree.
 */
export function renamed(object: KubeDoc, name: string): KubeDoc {
  const next = structuredClone(object) as KubeDoc & {
    metadata: { name?: string };
    spec?: {
      selector?: { matchLabels?: Record<string, string> };
      template?: { metadata?: { labels?: Record<string, string> } };
    };
  };
  const old = next.metadata.name ?? '';
  next.metadata.name = name;
  const selector = next.spec?.selector?.matchLabels;
  const labels = next.spec?.template?.metadata?.labels;
  if (
    object['kind'] === 'Deployment' &&
    selector &&
    labels &&
    selector['app'] === old &&
    labels['app'] === old
  ) {
    selector['app'] = name;
    labels['app'] = name;
  }
  return next;
}

const podAnnotationKeys = [
  ...Object.values(eipAnnotations),
  snapshotAutoMatchAnnotation,
  snapshotNameAnnotation,
  gpuDriverAnnotation,
];

const containerFields = [
  'name',
  'image',
  'command',
  'args',
  'resources',
  'env',
  'envFrom',
  'ports',
  'volumeMounts',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
];
const volumeFields = ['name', 'persistentVolumeClaim', 'configMap', 'secret', 'emptyDir'];

export function podTemplatePatterns(path: Path): PathPattern[] {
  return [
    ...['containers', 'initContainers'].flatMap((list) =>
      containerFields.map((f) => [...path, 'spec', list, '*', f]),
    ),
    ...volumeFields.map((f) => [...path, 'spec', 'volumes', '*', f]),
    [...path, 'spec', 'imagePullSecrets'],
    [...path, 'spec', 'restartPolicy'],
    [...path, 'metadata', 'labels', 'app'],
    ...podAnnotationKeys.map((k) => [...path, 'metadata', 'annotations', k]),
  ];
}

const kindPatterns: Record<WorkloadKind, PathPattern[]> = {
  Deployment: [
    ['spec', 'replicas'],
    ['spec', 'selector', 'matchLabels', 'app'],
    ['spec', 'strategy'],
  ],
  Job: ['completions', 'parallelism', 'backoffLimit', 'activeDeadlineSeconds'].map((f) => [
    'spec',
    f,
  ]),
  CronJob: [
    ...[
      'schedule',
      'concurrencyPolicy',
      'suspend',
      'successfulJobsHistoryLimit',
      'failedJobsHistoryLimit',
      'startingDeadlineSeconds',
    ].map((f) => ['spec', f]),
    ...['completions', 'parallelism', 'backoffLimit', 'activeDeadlineSeconds'].map((f) => [
      'spec',
      'jobTemplate',
      'spec',
      f,
    ]),
  ],
};

/** Everything the kind's form shows (metadata.resourceVersion rides along for the update). */
export function workloadPatterns(kind: WorkloadKind): PathPattern[] {
  return [
    ['apiVersion'],
    ['kind'],
    ['metadata', 'name'],
    ['metadata', 'namespace'],
    ['metadata', 'resourceVersion'],
    ...kindPatterns[kind],
    ...podTemplatePatterns(templatePathOf(kind)),
  ];
}

/** Pod and container names are DNS-1123 labels (pods are named after their workload). */
function nameProblem(name: string, taken: ReadonlySet<string> | undefined) {
  if (name === '') return 'required';
  if (name.length > DNS1123_LABEL_MAX) return 'tooLong';
  if (!isDns1123Label(name)) return 'dns1123';
  return taken?.has(name) ? 'taken' : undefined;
}

/** What Kubernetes refuses that the CCI rules do not cover: the name, each container's image. */
export function workloadChecks(kind: WorkloadKind, taken: ReadonlySet<string> | undefined) {
  return (object: KubeDoc): FieldProblem[] => {
    const found: FieldProblem[] = [];
    const name = String(getIn(object, ['metadata', 'name']) ?? '');
    const problem = nameProblem(name, taken);
    if (problem !== undefined)
      found.push(checkProblem(['metadata', 'name'], `forms.name.${problem}`, { name, kind }));
    const spec = [...templatePathOf(kind), 'spec'];
    for (const list of ['containers', 'initContainers']) {
      const containers = getIn(object, [...spec, list]);
      (Array.isArray(containers) ? containers : []).forEach((c, i) => {
        const image = String((c as { image?: unknown }).image ?? '').trim();
        if (image === '' || /\s/.test(image))
          found.push(checkProblem([...spec, list, i, 'image'], 'forms.image'));
        const cname = String((c as { name?: unknown }).name ?? '');
        if (nameProblem(cname, undefined) !== undefined)
          found.push(
            checkProblem([...spec, list, i, 'name'], 'forms.containerName', { name: cname }),
          );
      });
    }
    return found;
  };
}
