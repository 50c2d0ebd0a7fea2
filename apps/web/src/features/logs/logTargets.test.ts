import { describe, expect, it } from 'vitest';
import { logTargetOf, workloadPods } from './logTargets.ts';

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
});
