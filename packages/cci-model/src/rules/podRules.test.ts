import { describe, expect, it } from 'vitest';
import {
  checkHttpGetProbeTimeout,
  checkImagePullSecrets,
  checkLimitsEqualRequests,
  checkRelativeSubPath,
  effectivePodResources,
  reportEffectiveResources,
} from './podRules.ts';
import { seedFixture } from './seedFixtures.testkit.ts';

type Doc = Record<string, unknown>;

function pod(container: Doc, extra: Doc = {}, metadata: Doc = {}): Doc {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', ...metadata },
    spec: { containers: [{ name: 'c0', image: 'nginx', ...container }], ...extra },
  };
}

function deployment(podSpec: Doc, annotations?: Doc): Doc {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: { template: { metadata: { annotations }, spec: podSpec } },
  };
}

const resources = (limits: Doc | undefined, requests: Doc | undefined) => ({
  resources: { limits, requests },
});

describe('P1 limits equal requests', () => {
  it('P1 reports the seed Deployment 04-05 (requests.cpu 250m, limits.cpu 500m)', () => {
    const found = checkLimitsEqualRequests(
      seedFixture('04-05-deployment-init-containers.flawed.yaml'),
      {},
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: 'P1',
      severity: 'error',
      path: 'spec.template.spec.containers[0].resources.requests.cpu',
    });
    expect(found[0]?.message.en).toContain('500m');
    expect(found[0]?.message.en).toContain('250m');
    expect(found[0]?.fix?.set).toEqual([
      { path: 'spec.template.spec.containers[0].resources.requests.cpu', value: '500m' },
    ]);
  });

  it.each([
    ['equal strings', { cpu: '500m', memory: '1Gi' }, { cpu: '500m', memory: '1Gi' }],
    ['equal in other units', { cpu: '0.5', memory: '1Gi' }, { cpu: '500m', memory: '1024Mi' }],
    ['numbers', { cpu: 1 }, { cpu: '1000m' }],
  ])('P1 accepts %s', (_, limits, requests) => {
    expect(checkLimitsEqualRequests(pod(resources(limits, requests)), {})).toEqual([]);
  });

  it('P1 ignores containers without resources (seed 04-08)', () => {
    expect(checkLimitsEqualRequests(seedFixture('04-08-pod-liveness-http.yaml'), {})).toEqual([]);
  });

  it.each([
    [
      'only limits',
      { memory: '1Gi' },
      undefined,
      'spec.containers[0].resources.limits.memory',
      'requests',
    ],
    [
      'only requests',
      undefined,
      { memory: '1Gi' },
      'spec.containers[0].resources.requests.memory',
      'limits',
    ],
  ])('P1 rejects %s and copies the value across', (_, limits, requests, path, lacking) => {
    const [found, ...rest] = checkLimitsEqualRequests(pod(resources(limits, requests)), {});
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ rule: 'P1', path, severity: 'error' });
    expect(found?.fix?.set).toEqual([
      { path: `spec.containers[0].resources.${lacking}.memory`, value: '1Gi' },
    ]);
  });

  it('P1 checks init containers in a CronJob template', () => {
    const doc = {
      kind: 'CronJob',
      spec: {
        jobTemplate: {
          spec: {
            template: {
              spec: {
                initContainers: [{ name: 'i', ...resources({ cpu: '1' }, { cpu: '2' }) }],
                containers: [{ name: 'c' }],
              },
            },
          },
        },
      },
    };
    const found = checkLimitsEqualRequests(doc, {});
    expect(found.map((v) => v.path)).toEqual([
      'spec.jobTemplate.spec.template.spec.initContainers[0].resources.requests.cpu',
    ]);
    expect(found[0]?.message['zh-CN']).toContain('初始化容器');
  });

  it('P1 rejects a value that is not a quantity', () => {
    const found = checkLimitsEqualRequests(pod(resources({ cpu: 'lots' }, { cpu: '1' })), {});
    expect(found.map((v) => v.path)).toEqual(['spec.containers[0].resources.limits.cpu']);
  });
});

describe('P2 imagePullSecrets', () => {
  it('P2 accepts imagepull-secret and a pod without imagePullSecrets', () => {
    expect(checkImagePullSecrets(seedFixture('04-01-pod-nginx.yaml'), {})).toEqual([]);
    expect(checkImagePullSecrets(seedFixture('15-01-job.yaml'), {})).toEqual([]);
  });

  it('P2 reports default-secret in seed 11-02 at the entry name', () => {
    const found = checkImagePullSecrets(seedFixture('11-02-deployment-logging.flawed.yaml'), {});
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: 'P2',
      severity: 'error',
      path: 'spec.template.spec.imagePullSecrets[0].name',
    });
    expect(found[0]?.message.en).toContain('default-secret');
    expect(found[0]?.fix?.set).toEqual([
      { path: 'spec.template.spec.imagePullSecrets', value: [{ name: 'imagepull-secret' }] },
    ]);
  });

  it('P2 rejects an extra secret and a duplicate', () => {
    const secrets = [{ name: 'imagepull-secret' }, { name: 'mine' }, { name: 'imagepull-secret' }];
    const found = checkImagePullSecrets(pod({}, { imagePullSecrets: secrets }), {});
    expect(found.map((v) => v.path)).toEqual([
      'spec.imagePullSecrets[1].name',
      'spec.imagePullSecrets[2].name',
    ]);
  });
});

describe('P8 effective pod resources', () => {
  it('P8 computes the seed example 04-06 as memory 2Gi, cpu 750m', () => {
    const doc = seedFixture('04-06-pod-spec-calculation.yaml');
    const { requests, limits } = effectivePodResources(doc.spec as Doc);
    expect(requests).toEqual({ memory: 2 * 2 ** 30, cpu: 0.75 });
    expect(limits).toEqual(requests);
    const [info] = reportEffectiveResources(doc, {});
    expect(info).toMatchObject({ rule: 'P8', severity: 'info', path: 'spec' });
    expect(info?.message.en).toContain('cpu 750m, memory 2Gi');
  });

  it('P8 lets a big init container win', () => {
    const spec = {
      initContainers: [{ name: 'i', ...resources({ cpu: '2', memory: '4Gi' }, undefined) }],
      containers: [
        { name: 'a', ...resources({ cpu: '500m', memory: '1Gi' }, undefined) },
        { name: 'b', ...resources({ cpu: '500m', memory: '1Gi' }, undefined) },
      ],
    };
    expect(effectivePodResources(spec).requests).toEqual({ cpu: 2, memory: 4 * 2 ** 30 });
  });

  it('P8 says nothing about a pod without resources', () => {
    expect(reportEffectiveResources(seedFixture('04-09-pod-liveness-exec.yaml'), {})).toEqual([]);
  });
});

describe('P10 httpGet probe timeout', () => {
  const probe = { httpGet: { path: '/', port: 8080 }, timeoutSeconds: 2 };
  const path = 'spec.template.spec.containers[0].livenessProbe.timeoutSeconds';

  it('P10 warns about timeoutSeconds without the enabling annotation', () => {
    const found = checkHttpGetProbeTimeout(
      deployment({ containers: [{ name: 'c', livenessProbe: probe }] }),
      {},
    );
    expect(found.map((v) => [v.rule, v.severity, v.path])).toEqual([['P10', 'warning', path]]);
    expect(found[0]?.fix?.set).toEqual([
      {
        path: 'spec.template.metadata.annotations["cci.io/httpget-probe-timeout-enable"]',
        value: 'true',
      },
    ]);
  });

  it.each([
    [
      'the annotation is "true"',
      { livenessProbe: probe },
      { 'cci.io/httpget-probe-timeout-enable': 'true' },
    ],
    [
      'the probe is exec',
      { readinessProbe: { exec: { command: ['ls'] }, timeoutSeconds: 2 } },
      undefined,
    ],
    [
      'the timeout is the default 1s',
      { livenessProbe: { ...probe, timeoutSeconds: 1 } },
      undefined,
    ],
    ['no timeout is set', { livenessProbe: { httpGet: { port: 80 } } }, undefined],
  ])('P10 is quiet when %s', (_, container, annotations) => {
    expect(
      checkHttpGetProbeTimeout(
        deployment({ containers: [{ name: 'c', ...container }] }, annotations),
        {},
      ),
    ).toEqual([]);
  });

  it('P10 covers readiness probes too', () => {
    const doc = deployment({ containers: [{ name: 'c', readinessProbe: probe }] });
    expect(checkHttpGetProbeTimeout(doc, {}).map((v) => v.path)).toEqual([
      'spec.template.spec.containers[0].readinessProbe.timeoutSeconds',
    ]);
  });
});

describe('PV2 relative subPath', () => {
  it('PV2 accepts the seed subPath "abc"', () => {
    expect(checkRelativeSubPath(seedFixture('13-05-pod-pvc-subpath.yaml'), {})).toEqual([]);
  });

  it.each([
    ['/abc', 'abc'],
    ['//data/x', 'data/x'],
    ['../up', undefined],
    ['a/../../b', undefined],
  ])('PV2 rejects subPath %s', (subPath, fixed) => {
    const doc = pod({ volumeMounts: [{ name: 'v', mountPath: '/m', subPath }] });
    const [found, ...rest] = checkRelativeSubPath(doc, {});
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      rule: 'PV2',
      severity: 'error',
      path: 'spec.containers[0].volumeMounts[0].subPath',
    });
    expect(found?.fix?.set?.[0]?.value).toBe(fixed);
  });

  it('PV2 accepts names that merely contain dots', () => {
    const doc = pod({ volumeMounts: [{ name: 'v', mountPath: '/m', subPath: 'a..b/.hidden' }] });
    expect(checkRelativeSubPath(doc, {})).toEqual([]);
  });
});
