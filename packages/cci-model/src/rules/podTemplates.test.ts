import { describe, expect, it } from 'vitest';
import { annotationPath, containersOf, joinPath, podSpecsOf } from './podTemplates.ts';

const podSpec = { containers: [{ name: 'app' }], initContainers: [{ name: 'init' }] };

describe('podSpecsOf', () => {
  it.each([
    [{ kind: 'Pod', metadata: { name: 'p' }, spec: podSpec }, '', 'spec'],
    [
      { kind: 'Deployment', spec: { template: { spec: podSpec } } },
      'spec.template',
      'spec.template.spec',
    ],
    [
      { kind: 'ReplicaSet', spec: { template: { spec: podSpec } } },
      'spec.template',
      'spec.template.spec',
    ],
    [{ kind: 'Job', spec: { template: { spec: podSpec } } }, 'spec.template', 'spec.template.spec'],
    [
      { kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec: podSpec } } } } },
      'spec.jobTemplate.spec.template',
      'spec.jobTemplate.spec.template.spec',
    ],
  ])('finds the pod spec of %j', (doc, pathPrefix, specPath) => {
    const [view, ...rest] = podSpecsOf(doc);
    expect(rest).toEqual([]);
    expect(view?.pathPrefix).toBe(pathPrefix);
    expect(view?.specPath).toBe(specPath);
    expect(view?.spec).toBe(podSpec);
  });

  it.each([
    { kind: 'Service', spec: podSpec },
    { kind: 'Deployment', spec: {} },
    { kind: 'Pod', spec: 'not a map' },
    { metadata: {} },
  ])('finds none in %j', (doc) => {
    expect(podSpecsOf(doc)).toEqual([]);
  });

  it('gives a template without metadata an empty metadata map', () => {
    const [view] = podSpecsOf({ kind: 'Job', spec: { template: { spec: podSpec } } });
    expect(view?.metadata).toEqual({});
    expect(view?.metadataPath).toBe('spec.template.metadata');
  });
});

describe('paths', () => {
  it('lists init containers first, with their own field in the path', () => {
    const [view] = podSpecsOf({ kind: 'Deployment', spec: { template: { spec: podSpec } } });
    const containers = view === undefined ? [] : containersOf(view);
    expect(containers.map((c) => [c.name, c.init, c.path])).toEqual([
      ['init', true, 'spec.template.spec.initContainers[0]'],
      ['app', false, 'spec.template.spec.containers[0]'],
    ]);
  });

  it('quotes annotation keys with dots and slashes', () => {
    expect(annotationPath('spec.template.metadata', 'yangtse.io/eip-pool')).toBe(
      'spec.template.metadata.annotations["yangtse.io/eip-pool"]',
    );
    expect(joinPath('', 'spec', 'containers[0]', '[1]')).toBe('spec.containers[0][1]');
  });
});
