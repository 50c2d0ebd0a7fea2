import { describe, expect, it } from 'vitest';
import type { PatchType } from './index.ts';
import { applyPatch, patchTypeFromContentType } from './index.ts';
import { k8sSchemas } from './k8s-schema-fixture.ts';

describe('patchTypeFromContentType', () => {
  it.each<[string | undefined, PatchType | undefined]>([
    ['application/json-patch+json', 'json'],
    ['application/merge-patch+json', 'merge'],
    ['application/strategic-merge-patch+json', 'strategic'],
    ['application/apply-patch+yaml', 'apply'],
    ['application/merge-patch+json; charset=utf-8', 'merge'],
    ['Application/Strategic-Merge-Patch+JSON;charset=UTF-8', 'strategic'],
    ['application/json', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s -> %s', (contentType, expected) => {
    expect(patchTypeFromContentType(contentType)).toBe(expected);
  });
});

describe('applyPatch refusals', () => {
  const crd = {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name: 'w' },
    spec: { size: 1 },
  };

  it('refuses strategic merge patch for custom resources with 415, as the API server does', () => {
    const outcome = applyPatch({
      type: 'strategic',
      original: crd,
      patch: { spec: { size: 2 } },
      schemas: k8sSchemas,
    });
    expect(outcome).toMatchObject({ ok: false, status: 415 });
    const message = outcome.ok ? '' : outcome.message;
    expect(message).toContain('application/merge-patch+json');
    expect(message).toContain('strategic merge patch is not supported for custom resources');
  });

  it('still merge-patches custom resources (what kubectl falls back to)', () => {
    const outcome = applyPatch({
      type: 'merge',
      original: crd,
      patch: { spec: { size: 2 } },
      schemas: k8sSchemas,
    });
    expect(outcome).toEqual({ ok: true, result: { ...crd, spec: { size: 2 } } });
  });

  it('refuses server-side apply with 415 for built-in and custom resources', () => {
    for (const definition of ['io.k8s.api.apps.v1.Deployment', undefined]) {
      const outcome = applyPatch({
        type: 'apply',
        original: crd,
        patch: 'spec: {}',
        definition,
        schemas: k8sSchemas,
      });
      expect(outcome).toMatchObject({
        ok: false,
        status: 415,
        message: expect.stringContaining('server-side apply is not supported'),
      });
    }
  });

  it('refuses strategic merge patch when the definition has no schema', () => {
    const outcome = applyPatch({
      type: 'strategic',
      original: crd,
      patch: {},
      definition: 'io.k8s.api.nope.v1.Nope',
      schemas: k8sSchemas,
    });
    expect(outcome).toMatchObject({
      ok: false,
      status: 415,
      message: expect.stringContaining('io.k8s.api.nope.v1.Nope'),
    });
  });

  it('accepts the body as bytes and reports malformed bytes as 400', () => {
    const bytes = new TextEncoder().encode('{"spec":{"size":3}}');
    expect(
      applyPatch({ type: 'merge', original: crd, patch: bytes, schemas: k8sSchemas }),
    ).toMatchObject({ ok: true, result: { spec: { size: 3 } } });
    const bad = applyPatch({
      type: 'merge',
      original: crd,
      patch: new TextEncoder().encode('{spec'),
      schemas: k8sSchemas,
    });
    expect(bad).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining('not valid JSON'),
    });
  });
});
