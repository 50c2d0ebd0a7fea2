// Rows of the workload kinds: Deployment (rule D6), ReplicaSet, Job and CronJob.
import { formatSelectorObject } from '@cci/model';
import type { LabelSelectorObject } from '@cci/model';
import { humanDuration, timestampAge } from './humanDuration.ts';
import { at, listAt, nameOf, numberAt, objectAt, textAt } from './objectFields.ts';
import type { JsonObject } from './objectFields.ts';
import { ageColumn, ageOf, column, nameColumn } from './tableTypes.ts';
import type { KindPrinter, TableCell, TableColumnDefinition } from './tableTypes.ts';

/** CONTAINERS and IMAGES cells: names and images of the pod template's containers. */
function containerCells(podSpec: unknown): [string, string] {
  const containers = listAt(podSpec, 'containers');
  return [
    containers.map((c) => textAt(c, 'name') ?? '').join(','),
    containers.map((c) => textAt(c, 'image') ?? '').join(','),
  ];
}

/** SELECTOR cell: canonical selector text; empty when there is no selector. */
export function selectorCell(selector: unknown): string {
  if (selector === null || typeof selector !== 'object') return '';
  return formatSelectorObject(selector as LabelSelectorObject) ?? '<invalid>';
}

const wideTemplateColumns: TableColumnDefinition[] = [
  column('Containers', 'Names of the containers in the pod template.', { priority: 1 }),
  column('Images', 'Images of the containers in the pod template.', { priority: 1 }),
  column('Selector', 'Label selector of the pods this object manages.', { priority: 1 }),
];

function wideTemplateCells(podSpec: unknown, selector: unknown): TableCell[] {
  return [...containerCells(podSpec), selectorCell(selector)];
}

const integer = { type: 'integer' };

export const deploymentPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Ready', 'Ready pods out of the desired replicas.'),
    column('Up-to-date', 'Replicas updated to the current pod template.', integer),
    column(
      'Available',
      'Replicas available to users (ready for at least minReadySeconds).',
      integer,
    ),
    ageColumn,
    ...wideTemplateColumns,
  ],
  row(d: JsonObject, now: Date) {
    const spec = objectAt(d, 'spec');
    const status = objectAt(d, 'status');
    const desired = numberAt(spec, 'replicas') ?? 1;
    return {
      cells: [
        nameOf(d),
        `${numberAt(status, 'readyReplicas') ?? 0}/${desired}`,
        numberAt(status, 'updatedReplicas') ?? 0,
        numberAt(status, 'availableReplicas') ?? 0,
        ageOf(d, now),
        ...wideTemplateCells(at(spec, 'template', 'spec'), at(spec, 'selector')),
      ],
    };
  },
};

export const replicaSetPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Desired', 'Number of desired pods.', integer),
    column('Current', 'Number of pods that exist.', integer),
    column('Ready', 'Number of ready pods.', integer),
    ageColumn,
    ...wideTemplateColumns,
  ],
  row(rs: JsonObject, now: Date) {
    const spec = objectAt(rs, 'spec');
    const status = objectAt(rs, 'status');
    return {
      cells: [
        nameOf(rs),
        numberAt(spec, 'replicas') ?? 1,
        numberAt(status, 'replicas') ?? 0,
        numberAt(status, 'readyReplicas') ?? 0,
        ageOf(rs, now),
        ...wideTemplateCells(at(spec, 'template', 'spec'), at(spec, 'selector')),
      ],
    };
  },
};

function jobCompletions(spec: JsonObject, succeeded: number): string {
  const completions = numberAt(spec, 'completions');
  if (completions !== undefined) return `${succeeded}/${completions}`;
  const parallelism = numberAt(spec, 'parallelism') ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Running time so far, or start-to-completion once the job finished; empty before it starts. */
function jobDuration(status: JsonObject, now: Date): string {
  const start = Date.parse(textAt(status, 'startTime') ?? '');
  if (Number.isNaN(start)) return '';
  const end = Date.parse(textAt(status, 'completionTime') ?? '');
  return humanDuration((Number.isNaN(end) ? now.getTime() : end) - start);
}

export const jobPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Completions', 'Succeeded pods out of the desired completions.'),
    column('Duration', 'Time the job took (or has been running).'),
    ageColumn,
    ...wideTemplateColumns,
  ],
  row(job: JsonObject, now: Date) {
    const spec = objectAt(job, 'spec');
    const status = objectAt(job, 'status');
    return {
      cells: [
        nameOf(job),
        jobCompletions(spec, numberAt(status, 'succeeded') ?? 0),
        jobDuration(status, now),
        ageOf(job, now),
        ...wideTemplateCells(at(spec, 'template', 'spec'), at(spec, 'selector')),
      ],
    };
  },
};

function boolCell(value: unknown): string {
  if (typeof value !== 'boolean') return '<unset>';
  return value ? 'True' : 'False';
}

export const cronJobPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Schedule', 'Cron schedule of the job.'),
    column('Suspend', 'Whether new runs are suspended.'),
    column('Active', 'Number of jobs currently running.', integer),
    column('Last Schedule', 'Time since a job was last scheduled.'),
    ageColumn,
    ...wideTemplateColumns,
  ],
  row(cronJob: JsonObject, now: Date) {
    const spec = objectAt(cronJob, 'spec');
    const status = objectAt(cronJob, 'status');
    const lastSchedule = textAt(status, 'lastScheduleTime');
    const jobSpec = at(spec, 'jobTemplate', 'spec');
    return {
      cells: [
        nameOf(cronJob),
        textAt(spec, 'schedule') ?? '',
        boolCell(at(spec, 'suspend')),
        listAt(status, 'active').length,
        lastSchedule ? timestampAge(lastSchedule, now) : '<none>',
        ageOf(cronJob, now),
        ...wideTemplateCells(at(jobSpec, 'template', 'spec'), at(jobSpec, 'selector')),
      ],
    };
  },
};
