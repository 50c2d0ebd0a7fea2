import { describe, expect, it } from 'vitest';
import { isDeploymentPod, metricsTargetOf } from './metricsTarget.ts';

describe('metricsTargetOf', () => {
  it('gives pods charts, deployments and namespaces the top-pods overview', () => {
    expect(metricsTargetOf({ kind: 'Pod', metadata: { name: 'p', namespace: 'demo' } })).toEqual({
      view: 'pod',
      namespace: 'demo',
      pod: 'p',
    });
    expect(
      metricsTargetOf({ kind: 'Deployment', metadata: { name: 'nginx', namespace: 'demo' } }),
    ).toEqual({ view: 'deployment', namespace: 'demo', deployment: 'nginx' });
    expect(metricsTargetOf({ kind: 'Namespace', metadata: { name: 'demo' } })).toEqual({
      view: 'namespace',
      namespace: 'demo',
    });
  });

  it('offers no metrics for other kinds', () => {
    expect(metricsTargetOf({ kind: 'ConfigMap', metadata: { name: 'c', namespace: 'demo' } })).toBe(
      undefined,
    );
    expect(metricsTargetOf({ metadata: { name: 'x' } })).toBe(undefined);
  });
});

describe('isDeploymentPod', () => {
  it('matches <deployment>-<template-hash>-<suffix> only', () => {
    expect(isDeploymentPod('nginx', 'nginx-7d9f8c6b5-x2k4p')).toBe(true);
    expect(isDeploymentPod('web', 'web-eip-5f6d7c8b9-abcde')).toBe(false);
    expect(isDeploymentPod('nginx', 'nginx')).toBe(false);
    expect(isDeploymentPod('nginx', 'redis-7d9f8c6b5-x2k4p')).toBe(false);
  });
});
