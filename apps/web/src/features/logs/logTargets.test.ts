import { describe, expect, it } from 'vitest';
import {
  logTargetOf,
  MAX_WORKLOAD_LOG_PODS,
  podsToRead,
  podsWithLog,
  workloadPods,
} from './logTargets.ts';

describe('what a Logs tab reads', () => {
  it('a pod: its containers, init containers marked', () => {
    const pod = {
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'demo' },
      spec: { containers: [{ name: 'app' }], initContainers: [{ name: 'setup' }] },
    };
    expect(logTargetOf(pod)).toEqual({
      view: 'pod',
      namespace: 'demo',
      pod: 'p',
      containers: [
        { name: 'app', init: false },
        { name: 'setup', init: true },
      ],
    });
  });

  it('a Deployment: its selector and template containers; kinds without pods get no tab', () => {
    const deployment = {
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'demo' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { spec: { containers: [{ name: 'c' }] } },
      },
    };
    expect(logTargetOf(deployment)).toMatchObject({
      view: 'workload',
      matchLabels: { app: 'web' },
    });
    expect(logTargetOf({ kind: 'ConfigMap', metadata: { name: 'x', namespace: 'demo' } })).toBe(
      undefined,
    );
  });

  it("a workload's pods: all selector labels match, pods being deleted left out, sorted", () => {
    const pod = (name: string, labels: Record<string, string>, deleting = false) => ({
      metadata: { name, labels, ...(deleting ? { deletionTimestamp: 'now' } : {}) },
    });
    const pods = [
      pod('web-b', { app: 'web', tier: 'x' }),
      pod('web-a', { app: 'web' }),
      pod('web-eip-a', { app: 'web-eip' }),
      pod('web-c', { app: 'web' }, true),
    ];
    expect(workloadPods(pods, { app: 'web' })).toEqual(['web-a', 'web-b']);
  });

  it('a pod has a log once a container started (running or ended), not while creating', () => {
    const pod = (name: string, state?: object) => ({
      metadata: { name },
      status: state ? { containerStatuses: [{ state }] } : {},
    });
    const pods = [
      pod('creating', { waiting: { reason: 'ContainerCreating' } }),
      pod('pending'),
      pod('running', { running: { startedAt: 'then' } }),
      pod('done', { terminated: { exitCode: 0 } }),
    ];
    expect([...podsWithLog(pods)].sort()).toEqual(['done', 'running']);
  });
});

describe('which pods of a workload are read', () => {
  const pods = (n: number) =>
    Array.from({ length: n }, (_, i) => `web-${String(i).padStart(2, '0')}`);

  it('reads every pod up to the limit, below the per-session follow cap of 10', () => {
    expect(MAX_WORKLOAD_LOG_PODS).toBeLessThan(10);
    expect(podsToRead(pods(3), [])).toEqual(pods(3));
    expect(podsToRead(pods(12), [])).toEqual(pods(MAX_WORKLOAD_LOG_PODS));
  });

  it('keeps the pods it reads while they exist; a free place goes to the next pod', () => {
    const reading = ['web-05', 'web-09'];
    expect(podsToRead(['web-01', 'web-05', 'web-07', 'web-09'], reading, 3)).toEqual([
      'web-05',
      'web-09',
      'web-01',
    ]);
    // web-05 is gone: its place goes to the first pod not read yet.
    expect(podsToRead(['web-01', 'web-07', 'web-09'], ['web-05', 'web-09', 'web-01'], 3)).toEqual([
      'web-09',
      'web-01',
      'web-07',
    ]);
  });
});
