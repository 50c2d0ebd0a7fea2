import { describe, expect, it } from 'vitest';
import { applyPatch } from './index.ts';
import { k8sSchemas } from './k8s-schema-fixture.ts';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels: { app: 'web', tier: 'back' } },
  spec: {
    containers: [
      { name: 'a', image: 'nginx' },
      { name: 'b', image: 'redis' },
    ],
  },
};

function merge(original: object, patch: unknown) {
  const outcome = applyPatch({ type: 'merge', original, patch, schemas: k8sSchemas });
  if (!outcome.ok) throw new Error(`patch failed: ${outcome.status} ${outcome.message}`);
  return outcome.result as Record<string, unknown>;
}

describe('JSON merge patch (RFC 7386)', () => {
  it.each([
    [
      'adds a label (kubectl label)',
      { metadata: { labels: { env: 'prod' } } },
      { app: 'web', tier: 'back', env: 'prod' },
    ],
    [
      'overwrites a label (kubectl label --overwrite)',
      { metadata: { labels: { tier: 'front' } } },
      { app: 'web', tier: 'front' },
    ],
    [
      'removes a label (kubectl label tier-)',
      { metadata: { labels: { tier: null } } },
      { app: 'web' },
    ],
    ['removes all labels with null', { metadata: { labels: null } }, undefined],
  ])('%s', (_name, patch, labels) => {
    const result = merge(pod, patch);
    expect((result['metadata'] as { labels?: unknown }).labels).toEqual(labels);
    expect(result['spec']).toEqual(pod.spec);
  });

  it('sets spec.replicas as kubectl scale does, without touching the original', () => {
    const deployment = {
      kind: 'Deployment',
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } } },
    };
    const result = merge(deployment, { spec: { replicas: 3 } });
    expect(result['spec']).toEqual({ replicas: 3, selector: { matchLabels: { app: 'web' } } });
    expect(deployment.spec.replicas).toBe(1);
  });

  it('replaces lists wholesale, even for CRDs (no definition) and lists with merge keys', () => {
    const result = merge(pod, { spec: { containers: [{ name: 'a', image: 'httpd' }] } });
    expect(result['spec']).toEqual({ containers: [{ name: 'a', image: 'httpd' }] });
  });

  it('creates missing parents and drops nulls inside new objects', () => {
    const result = merge({ kind: 'X' }, { spec: { a: { b: 1, c: null } } });
    expect(result).toEqual({ kind: 'X', spec: { a: { b: 1 } } });
  });

  it.each([
    ['an array', [{ op: 'add' }]],
    ['null', null],
    ['a missing body', undefined],
    ['malformed JSON text', '{"metadata": '],
  ])('rejects %s with 400', (_name, patch) => {
    const outcome = applyPatch({ type: 'merge', original: pod, patch, schemas: k8sSchemas });
    expect(outcome).toMatchObject({ ok: false, status: 400 });
    expect(outcome.ok ? '' : outcome.message).toMatch(
      /merge patch must be a JSON object|not valid JSON/,
    );
  });

  it('accepts the body as JSON text', () => {
    const result = merge(pod, '{"metadata":{"labels":{"app":null}}}');
    expect((result['metadata'] as { labels: unknown }).labels).toEqual({ tier: 'back' });
  });
});
