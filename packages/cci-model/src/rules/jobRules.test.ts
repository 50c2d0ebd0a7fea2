import { describe, expect, it } from 'vitest';
import { cronJobRules, jobRules } from './jobRules.ts';
import type { RuleViolation } from './types.ts';

type Doc = Record<string, unknown>;

const podTemplate = (restartPolicy?: unknown): Doc => ({
  spec: {
    containers: [{ name: 'pi', image: 'perl' }],
    ...(restartPolicy === undefined ? {} : { restartPolicy }),
  },
});
const job = (spec: Doc): Doc => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'pi' },
  spec: {
    completions: 50,
    parallelism: 5,
    backoffLimit: 5,
    activeDeadlineSeconds: 10,
    template: podTemplate('Never'),
    ...spec,
  },
});
const cronJob = (spec: Doc): Doc => ({
  apiVersion: 'batch/v1beta1',
  kind: 'CronJob',
  metadata: { name: 'cronjob-example' },
  spec: {
    schedule: '0,15,30,45 * * * *',
    jobTemplate: { spec: { template: podTemplate('OnFailure') } },
    ...spec,
  },
});
const run = (rules: typeof jobRules, doc: Doc): RuleViolation[] =>
  rules.flatMap((rule) => rule(doc, {}));
const summary = (rules: typeof jobRules, doc: Doc) =>
  run(rules, doc).map((v) => `${v.rule} ${v.severity} ${v.path}`);

describe('jobRules', () => {
  it('J1 accepts the seed Job and OnFailure', () => {
    expect(run(jobRules, job({}))).toEqual([]);
    expect(run(jobRules, job({ template: podTemplate('OnFailure'), completions: 0 }))).toEqual([]);
  });

  it.each([
    [{ completions: -1 }, 'spec.completions'],
    [{ parallelism: 1.5 }, 'spec.parallelism'],
    [{ backoffLimit: '5' }, 'spec.backoffLimit'],
    [{ activeDeadlineSeconds: 0 }, 'spec.activeDeadlineSeconds'],
    [{ ttlSecondsAfterFinished: -5 }, 'spec.ttlSecondsAfterFinished'],
    [{ template: {} }, 'spec.template.spec'],
  ])('J1 flags %j', (spec, path) => {
    expect(summary(jobRules, job(spec))).toEqual([`J1 error ${path}`]);
  });

  it('J1 refuses restartPolicy Always and offers Never', () => {
    const [violation] = run(jobRules, job({ template: podTemplate('Always') }));
    expect(violation?.path).toBe('spec.template.spec.restartPolicy');
    expect(violation?.message.en).toContain('Always restarts them forever');
    expect(violation?.fix?.set).toEqual([
      { path: 'spec.template.spec.restartPolicy', value: 'Never' },
    ]);
  });

  it('J1 requires a restartPolicy since pods default to Always', () => {
    const [violation] = run(jobRules, job({ template: podTemplate() }));
    expect(violation?.message.en).toContain('is required');
    expect(violation?.message['zh-CN']).toContain('Never');
  });

  it('J1 needs a spec', () => {
    expect(summary(jobRules, { kind: 'Job', metadata: { name: 'j' } })).toEqual(['J1 error spec']);
  });
});

describe('cronJobRules', () => {
  it('J3 accepts the seed CronJob and every concurrency policy', () => {
    expect(run(cronJobRules, cronJob({}))).toEqual([]);
    for (const concurrencyPolicy of ['Allow', 'Forbid', 'Replace'])
      expect(run(cronJobRules, cronJob({ concurrencyPolicy }))).toEqual([]);
  });

  it('J3 names the bad cron field', () => {
    const found = run(cronJobRules, cronJob({ schedule: '0 25 * * *' }));
    expect(found.map((v) => `${v.rule} ${v.path}`)).toEqual(['J3 spec.schedule']);
    expect(found[0]?.message.en).toContain('hour field "25": 25 is outside 0-23');
    expect(found[0]?.message['zh-CN']).toContain('小时字段');
  });

  it.each([
    [{ schedule: undefined }, 'J3 error spec.schedule'],
    [{ schedule: 5 }, 'J3 error spec.schedule'],
    [{ schedule: '0 0 31 2 *' }, 'J3 warning spec.schedule'],
    [{ concurrencyPolicy: 'Sometimes' }, 'J3 error spec.concurrencyPolicy'],
    [{ startingDeadlineSeconds: -1 }, 'J3 error spec.startingDeadlineSeconds'],
    [{ successfulJobsHistoryLimit: 'three' }, 'J3 error spec.successfulJobsHistoryLimit'],
    [{ suspend: 'yes' }, 'J3 error spec.suspend'],
    [{ jobTemplate: undefined }, 'J3 error spec.jobTemplate'],
  ])('J3 flags %j', (spec, expected) => {
    expect(summary(cronJobRules, cronJob(spec))).toEqual([expected]);
  });

  it('J1 checks the Job template of a CronJob at its own path', () => {
    const doc = cronJob({
      jobTemplate: { spec: { backoffLimit: -1, template: podTemplate('Always') } },
    });
    expect(summary(cronJobRules, doc)).toEqual([
      'J1 error spec.jobTemplate.spec.backoffLimit',
      'J1 error spec.jobTemplate.spec.template.spec.restartPolicy',
    ]);
  });
});
