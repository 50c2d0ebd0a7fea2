import { describe, expect, it } from 'vitest';
import { rowByColumn } from './rowByColumn.ts';
import { toTable } from './toTable.ts';

const now = new Date('2024-05-01T12:00:00Z');
const metadata = { name: 'nginx', namespace: 'ns1', creationTimestamp: '2024-05-01T10:30:00Z' };
const template = {
  metadata: { labels: { app: 'nginx' } },
  spec: {
    containers: [
      { name: 'container-0', image: 'nginx:alpine' },
      { name: 'sidecar', image: 'busybox:1.36' },
    ],
  },
};

function row(kind: string, object: object): Record<string, unknown> {
  const t = toTable({ kind, objects: [object], now, includeObject: 'None' });
  return { columns: t.columnDefinitions.map((c) => c.name.toUpperCase()), ...rowByColumn(t) };
}

describe('D6 kubectl get deployment', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: {
      replicas: 2,
      selector: {
        matchLabels: { app: 'nginx' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }],
      },
      template,
    },
    status: { replicas: 3, updatedReplicas: 1, readyReplicas: 2, availableReplicas: 2 },
  };

  it('shows ready/desired, up-to-date, available; wide adds containers, images, selector', () => {
    const r = row('Deployment', deployment);
    expect(r.columns).toEqual([
      'NAME',
      'READY',
      'UP-TO-DATE',
      'AVAILABLE',
      'AGE',
      'CONTAINERS',
      'IMAGES',
      'SELECTOR',
    ]);
    expect(r).toMatchObject({
      Name: 'nginx',
      Ready: '2/2',
      'Up-to-date': 1,
      Available: 2,
      Age: '90m',
      Containers: 'container-0,sidecar',
      Images: 'nginx:alpine,busybox:1.36',
      Selector: 'app=nginx,tier in (api,web)',
    });
  });

  it('defaults replicas to 1 and absent status counts to 0', () => {
    const r = row('Deployment', { metadata, spec: { template } });
    expect([r.Ready, r['Up-to-date'], r.Available, r.Selector]).toEqual(['0/1', 0, 0, '']);
  });
});

describe('kubectl get replicaset', () => {
  it('shows desired, current, ready (D2 naming)', () => {
    const r = row('ReplicaSet', {
      metadata: { ...metadata, name: 'nginx-7c9f8d6b5' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'nginx', 'pod-template-hash': '7c9f8d6b5' } },
        template,
      },
      status: { replicas: 2, readyReplicas: 1 },
    });
    expect(r.columns).toEqual([
      'NAME',
      'DESIRED',
      'CURRENT',
      'READY',
      'AGE',
      'CONTAINERS',
      'IMAGES',
      'SELECTOR',
    ]);
    expect([r.Name, r.Desired, r.Current, r.Ready, r.Selector]).toEqual([
      'nginx-7c9f8d6b5',
      2,
      2,
      1,
      'app=nginx,pod-template-hash=7c9f8d6b5',
    ]);
  });
});

describe('kubectl get job', () => {
  const job = (spec: object, status: object) =>
    row('Job', { metadata, spec: { template, ...spec }, status });
  it('shows completions and duration', () => {
    const done = job(
      { completions: 3 },
      { succeeded: 3, startTime: '2024-05-01T10:30:00Z', completionTime: '2024-05-01T10:31:15Z' },
    );
    expect((done.columns as string[]).slice(0, 4)).toEqual([
      'NAME',
      'COMPLETIONS',
      'DURATION',
      'AGE',
    ]);
    expect([done.Completions, done.Duration]).toEqual(['3/3', '75s']);
    expect(job({}, { startTime: '2024-05-01T11:57:30Z' })).toMatchObject({
      Completions: '0/1',
      Duration: '2m30s',
    });
    expect(job({ parallelism: 4 }, { succeeded: 1 })).toMatchObject({
      Completions: '1/1 of 4',
      Duration: '',
    });
  });
});

describe('kubectl get cronjob', () => {
  it('shows schedule, suspend, active, last schedule', () => {
    const base = {
      metadata,
      spec: { schedule: '*/5 * * * *', suspend: false, jobTemplate: { spec: { template } } },
    };
    const r = row('CronJob', {
      ...base,
      status: { active: [{ name: 'j1' }], lastScheduleTime: '2024-05-01T11:55:00Z' },
    });
    expect((r.columns as string[]).slice(0, 6)).toEqual([
      'NAME',
      'SCHEDULE',
      'SUSPEND',
      'ACTIVE',
      'LAST SCHEDULE',
      'AGE',
    ]);
    expect([r.Schedule, r.Suspend, r.Active, r['Last Schedule'], r.Containers]).toEqual([
      '*/5 * * * *',
      'False',
      1,
      '5m',
      'container-0,sidecar',
    ]);
    const idle = row('CronJob', { ...base, spec: { ...base.spec, suspend: true } });
    expect([idle.Suspend, idle.Active, idle['Last Schedule']]).toEqual(['True', 0, '<none>']);
  });
});
