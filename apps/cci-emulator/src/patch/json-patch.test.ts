import { describe, expect, it } from 'vitest';
import { applyPatch } from './index.ts';
import { k8sSchemas } from './k8s-schema-fixture.ts';

const deployment = {
  kind: 'Deployment',
  metadata: { name: 'web', annotations: { 'deployment.kubernetes.io/revision': '2' } },
  spec: {
    replicas: 2,
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:2' }] },
    },
  },
};

function jsonPatch(patch: unknown) {
  return applyPatch({
    type: 'json',
    original: deployment,
    patch,
    definition: 'io.k8s.api.apps.v1.Deployment',
    schemas: k8sSchemas,
  });
}

describe('JSON patch (RFC 6902)', () => {
  it('replaces /spec/template and annotations as kubectl rollout undo does', () => {
    const template = {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1' }] },
    };
    const outcome = jsonPatch([
      { op: 'replace', path: '/spec/template', value: template },
      {
        op: 'replace',
        path: '/metadata/annotations',
        value: { 'deployment.kubernetes.io/revision': '1' },
      },
    ]);
    expect(outcome).toEqual({
      ok: true,
      result: {
        ...deployment,
        metadata: { name: 'web', annotations: { 'deployment.kubernetes.io/revision': '1' } },
        spec: { replicas: 2, template },
      },
    });
    expect(deployment.spec.template.spec.containers[0]?.image).toBe('nginx:2');
  });

  it('applies add, remove, move, copy and a passing test in order', () => {
    const outcome = jsonPatch([
      { op: 'test', path: '/spec/replicas', value: 2 },
      { op: 'add', path: '/metadata/labels', value: { app: 'web' } },
      { op: 'copy', from: '/metadata/labels', path: '/spec/selector' },
      { op: 'move', from: '/spec/replicas', path: '/spec/count' },
      { op: 'remove', path: '/metadata/annotations' },
    ]);
    expect(outcome.ok && outcome.result).toMatchObject({
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { count: 2, selector: { app: 'web' } },
    });
    expect(outcome.ok && outcome.result).not.toHaveProperty('metadata.annotations');
  });

  it('a failing test op is a 422 naming the operation', () => {
    const outcome = jsonPatch([
      { op: 'replace', path: '/spec/replicas', value: 5 },
      { op: 'test', path: '/spec/replicas', value: 3 },
    ]);
    expect(outcome).toMatchObject({ ok: false, status: 422 });
    expect(outcome.ok ? '' : outcome.message).toMatch(
      /operation 1 \(test \/spec\/replicas\).*test failed/,
    );
  });

  it.each([
    ['removing a missing path', [{ op: 'remove', path: '/spec/paused' }], 'operation 0'],
    [
      'adding below a missing parent',
      [{ op: 'add', path: '/status/x/y', value: 1 }],
      'operation 0',
    ],
    [
      'replacing the root with a non-object',
      [{ op: 'replace', path: '', value: 3 }],
      'not a JSON object',
    ],
  ])('%s is a 422', (_name, patch, fragment) => {
    const outcome = jsonPatch(patch);
    expect(outcome).toMatchObject({
      ok: false,
      status: 422,
      message: expect.stringContaining(fragment),
    });
  });

  it.each([
    ['a body that is not an array', { op: 'add', path: '/a', value: 1 }, 'array of operations'],
    [
      'an unknown op',
      [
        { op: 'add', path: '/a', value: 1 },
        { op: 'upsert', path: '/a', value: 1 },
      ],
      'operation 1 (upsert /a)',
    ],
    [
      'a missing value',
      [{ op: 'replace', path: '/spec/replicas' }],
      'operation 0 (replace /spec/replicas)',
    ],
    ['a path without a leading slash', [{ op: 'remove', path: 'spec' }], 'operation 0'],
    ['an operation that is not an object', ['remove /spec'], 'operation 0'],
    ['malformed JSON text', '[{"op":', 'not valid JSON'],
  ])('rejects %s with 400', (_name, patch, fragment) => {
    const outcome = jsonPatch(patch);
    expect(outcome).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining(fragment),
    });
  });
});
