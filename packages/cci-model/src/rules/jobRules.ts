/**
 * Job (J1) and CronJob (J3) rules on the Job-level fields. Pod rules inside their templates
 * belong to the pod rules (podTemplates.ts).
 */
import { neverFires, parseCron } from './cron.ts';
import {
  integerInRange,
  isRecord,
  mappingAt,
  oneOf,
  show,
  violation,
} from './resourceRuleHelpers.ts';
import type { Rule, RuleViolation } from './types.ts';

export const JOB_RESTART_POLICIES = ['Never', 'OnFailure'];
export const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];

/** J1 on a Job spec found at `path` (spec, or spec.jobTemplate.spec of a CronJob). */
function jobSpecViolations(spec: unknown, path: string): RuleViolation[] {
  if (!isRecord(spec))
    return [
      violation(
        'J1',
        path,
        'error',
        `${path} is required: the Job's pod template and counts`,
        `缺少 ${path}：Job 的 Pod 模板和数量设置`,
      ),
    ];
  const out: RuleViolation[] = [];
  for (const field of ['completions', 'parallelism', 'backoffLimit', 'ttlSecondsAfterFinished'])
    out.push(...integerInRange('J1', `${path}.${field}`, spec[field], { min: 0 }));
  out.push(
    ...integerInRange('J1', `${path}.activeDeadlineSeconds`, spec['activeDeadlineSeconds'], {
      min: 1,
    }),
  );
  const podSpec = mappingAt(spec['template'], 'spec');
  if (!podSpec) {
    out.push(
      violation(
        'J1',
        `${path}.template.spec`,
        'error',
        `${path}.template.spec is required: the pods the Job runs`,
        `缺少 ${path}.template.spec：Job 运行的 Pod 定义`,
      ),
    );
    return out;
  }
  const policyPath = `${path}.template.spec.restartPolicy`;
  const policy = podSpec['restartPolicy'];
  if (typeof policy === 'string' && JOB_RESTART_POLICIES.includes(policy)) return out;
  const fix = {
    title: { en: 'Set restartPolicy: Never', 'zh-CN': '设置 restartPolicy: Never' },
    set: [{ path: policyPath, value: 'Never' }],
  };
  const en =
    policy === undefined
      ? `${policyPath} is required for a Job: Never (a failed pod is replaced) or OnFailure (the container restarts in place); pods default to Always, which a Job refuses`
      : `${policyPath} must be Never or OnFailure (got ${show(policy)}): a Job's pods must be able to finish${policy === 'Always' ? ', and Always restarts them forever' : ''}`;
  const zh =
    policy === undefined
      ? `Job 必须设置 ${policyPath}：Never（失败的 Pod 会被新建替换）或 OnFailure（容器原地重启）；Pod 默认的 Always 不被 Job 接受`
      : `${policyPath} 只能是 Never 或 OnFailure（当前为 ${show(policy)}）：Job 的 Pod 必须能够结束${policy === 'Always' ? '，Always 会让它一直重启' : ''}`;
  out.push(violation('J1', policyPath, 'error', en, zh, { fix }));
  return out;
}

export const jobRule: Rule = (doc) => jobSpecViolations(doc['spec'], 'spec');

/** J3: the schedule (5 cron fields) and the CronJob's own fields. */
export const cronJobScheduleRule: Rule = (doc) => {
  const spec = mappingAt(doc, 'spec');
  const schedule = spec?.['schedule'];
  const path = 'spec.schedule';
  if (typeof schedule !== 'string')
    return [
      violation(
        'J3',
        path,
        'error',
        `${path} is required: a quoted cron expression of 5 fields (minute hour day-of-month month day-of-week), e.g. "0,15,30,45 * * * *"${schedule === undefined ? '' : ` (got ${show(schedule)})`}`,
        `缺少 ${path}：加引号的 5 字段 cron 表达式（分钟 小时 日期 月份 星期），例如 "0,15,30,45 * * * *"${schedule === undefined ? '' : `（当前为 ${show(schedule)}）`}`,
      ),
    ];
  const parsed = parseCron(schedule);
  if (!parsed.ok)
    return parsed.errors.map((e) =>
      violation(
        'J3',
        path,
        'error',
        `schedule "${schedule}": ${e.en}`,
        `定时配置 "${schedule}"：${e.zh}`,
      ),
    );
  if (neverFires(parsed.schedule))
    return [
      violation(
        'J3',
        path,
        'warning',
        `schedule "${schedule}" never fires: no month in it has that day`,
        `定时配置 "${schedule}" 永远不会触发：所选月份中没有该日期`,
      ),
    ];
  return [];
};

export const cronJobFieldsRule: Rule = (doc) => {
  const spec = mappingAt(doc, 'spec');
  if (!spec)
    return [
      violation(
        'J3',
        'spec',
        'error',
        'a CronJob needs spec with schedule and jobTemplate',
        'CronJob 需要包含 schedule 和 jobTemplate 的 spec',
      ),
    ];
  const out: RuleViolation[] = [];
  out.push(
    ...oneOf('J3', 'spec.concurrencyPolicy', spec['concurrencyPolicy'], CONCURRENCY_POLICIES),
  );
  for (const field of [
    'startingDeadlineSeconds',
    'successfulJobsHistoryLimit',
    'failedJobsHistoryLimit',
  ])
    out.push(...integerInRange('J3', `spec.${field}`, spec[field], { min: 0 }));
  const suspend = spec['suspend'];
  if (suspend !== undefined && typeof suspend !== 'boolean')
    out.push(
      violation(
        'J3',
        'spec.suspend',
        'error',
        `spec.suspend must be true or false (got ${show(suspend)})`,
        `spec.suspend 只能是 true 或 false（当前为 ${show(suspend)}）`,
      ),
    );
  const jobTemplate = spec['jobTemplate'];
  if (!isRecord(jobTemplate))
    out.push(
      violation(
        'J3',
        'spec.jobTemplate',
        'error',
        'spec.jobTemplate is required: the Job created on each run',
        '缺少 spec.jobTemplate：每次触发时创建的 Job 定义',
      ),
    );
  else out.push(...jobSpecViolations(jobTemplate['spec'], 'spec.jobTemplate.spec'));
  return out;
};

export const jobRules: Rule[] = [jobRule];
export const cronJobRules: Rule[] = [cronJobScheduleRule, cronJobFieldsRule];
