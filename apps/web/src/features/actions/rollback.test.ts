import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/objects.ts';
import { currentRevision, previousRevision, revisionsOf, rollbackPlan } from './rollback.ts';

const template = (image: string, hash?: string) => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'container-0', image }] },
});

const deployment: KubeObject = {
  metadata: {
    name: 'web',
    uid: 'd-1',
    annotations: {
      'deployment.kubernetes.io/revision': '3',
      'kubernetes.io/change-cause': 'third',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
    },
  },
  spec: { replicas: 2, template: template('nginx:3') },
};

const replicaSet = (
  revision: number,
  image: string,
  owner = 'd-1',
  extra: Record<string, string> = {},
): KubeObject => ({
  metadata: {
    name: `web-${revision}`,
    annotations: { 'deployment.kubernetes.io/revision': String(revision), ...extra },
    ownerReferences: [{ kind: 'Deployment', name: 'web', uid: owner, controller: true }],
  },
  spec: { template: template(image, `h${revision}`) },
});

const replicaSets = [
  replicaSet(1, 'nginx:1', 'd-1', { 'kubernetes.io/change-cause': 'first' }),
  replicaSet(3, 'nginx:3'),
  replicaSet(2, 'nginx:2', 'd-1', { 'kubernetes.io/change-cause': 'second' }),
  replicaSet(7, 'other:7', 'someone-else'),
];

describe('rollout undo (D5)', () => {
  it('D5 lists only the Deployment’s own revisions, newest first, with images and cause', () => {
    const revisions = revisionsOf(deployment, replicaSets);
    expect(revisions.map((r) => [r.revision, r.images, r.changeCause])).toEqual([
      [3, ['nginx:3'], undefined],
      [2, ['nginx:2'], 'second'],
      [1, ['nginx:1'], 'first'],
    ]);
    expect(currentRevision(deployment)).toBe(3);
    expect(previousRevision(revisions, 3)).toBe(2);
    expect(previousRevision(revisions.slice(0, 1), 3)).toBeUndefined();
  });

  it('D5 patches the template of the chosen revision (hash label removed) and its annotations', () => {
    const plan = rollbackPlan(deployment, revisionsOf(deployment, replicaSets), 2);
    expect(plan).toEqual({
      ok: true,
      patch: [
        { op: 'replace', path: '/spec/template', value: template('nginx:2') },
        {
          op: 'add',
          path: '/metadata/annotations',
          value: {
            'deployment.kubernetes.io/revision': '3',
            'kubectl.kubernetes.io/last-applied-configuration': '{}',
            'kubernetes.io/change-cause': 'second',
          },
        },
      ],
    });
  });

  it('D5 refuses a revision whose template is the current one, a paused Deployment, an unknown revision', () => {
    const revisions = revisionsOf(deployment, replicaSets);
    expect(rollbackPlan(deployment, revisions, 3)).toEqual({
      ok: false,
      reason: 'sameTemplate',
      revision: 3,
    });
    const paused = { ...deployment, spec: { ...deployment.spec, paused: true } };
    expect(rollbackPlan(paused, revisions, 2)).toMatchObject({ ok: false, reason: 'paused' });
    expect(rollbackPlan(deployment, revisions, 9)).toMatchObject({ ok: false, reason: 'notFound' });
    expect(rollbackPlan(deployment, revisions, undefined)).toMatchObject({ ok: false });
  });
});
