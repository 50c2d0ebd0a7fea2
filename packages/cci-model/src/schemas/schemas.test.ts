import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiVersionOf, kinds } from '../kinds.ts';
import { cciCrdDefinitions } from './crds.ts';
import { renderGeneratedDefinitions } from './derive-k8s-definitions.ts';
import { definitionFor, openApiDefinitions, resolveRef } from './index.ts';
import { generateK8sDefinitions, generatedDefinitionsPath } from './k8s-source.ts';
import { forEachSubschema, refClosure } from './openapi-schema.ts';

describe('openApiDefinitions', () => {
  it.each(kinds.map((k) => [`${apiVersionOf(k)} ${k.kind}`, k] as const))(
    '%s has a definition naming its group/version/kind',
    (_label, kind) => {
      const gvks = definitionFor(kind)['x-kubernetes-group-version-kind'];
      expect(gvks).toContainEqual({ group: kind.group, version: kind.version, kind: kind.kind });
    },
  );

  it.each(kinds.map((k) => [`${apiVersionOf(k)} ${k.kind}List`, k] as const))(
    '%s exists, with items of the kind and the List GVK',
    (_label, kind) => {
      const list = resolveRef(`#/definitions/${kind.definition}List`);
      expect(list?.properties?.['items']?.items?.$ref).toBe(`#/definitions/${kind.definition}`);
      expect(list?.['x-kubernetes-group-version-kind']).toContainEqual({
        group: kind.group,
        version: kind.version,
        kind: `${kind.kind}List`,
      });
    },
  );

  it('has the API machinery definitions a server answers with', () => {
    for (const name of ['Status', 'DeleteOptions', 'WatchEvent', 'ObjectMeta', 'ListMeta']) {
      expect(
        resolveRef(`#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.${name}`),
      ).toBeDefined();
    }
    expect(resolveRef('#/definitions/io.k8s.api.autoscaling.v1.Scale')).toBeDefined();
  });

  it('leaves no $ref dangling (the closure from every definition is complete)', () => {
    const all = openApiDefinitions();
    const { names, missing } = refClosure(all, Object.keys(all));
    expect([...missing]).toEqual([]);
    expect(names.size).toBe(Object.keys(all).length);
  });

  it('keeps descriptions (the editor shows them on hover)', () => {
    const spec = resolveRef('#/definitions/io.k8s.api.apps.v1.DeploymentSpec');
    expect(spec?.properties?.['replicas']?.description).toMatch(/desired pods/i);
  });

  it('keeps the strategic-merge-patch keys kubectl relies on', () => {
    const containers = resolveRef('#/definitions/io.k8s.api.core.v1.PodSpec')?.properties?.[
      'containers'
    ];
    expect(containers?.['x-kubernetes-patch-merge-key']).toBe('name');
    expect(containers?.['x-kubernetes-patch-strategy']).toBe('merge');
  });

  it('stays within Swagger 2.0: no oneOf/anyOf, IntOrString and Quantity in official form', () => {
    for (const schema of Object.values(openApiDefinitions())) {
      forEachSubschema(schema, (s) => expect(Object.keys(s)).not.toContain('oneOf'));
    }
    expect(
      resolveRef('#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString'),
    ).toMatchObject({ type: 'string', format: 'int-or-string' });
    expect(resolveRef('#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity')?.type).toBe(
      'string',
    );
  });

  it('J3 derives batch/v1 CronJob from batch/v1beta1 with v1 refs', () => {
    const v1 = resolveRef('#/definitions/io.k8s.api.batch.v1.CronJobSpec');
    const beta = resolveRef('#/definitions/io.k8s.api.batch.v1beta1.CronJobSpec');
    expect(Object.keys(v1?.properties ?? {})).toEqual(Object.keys(beta?.properties ?? {}));
    expect(v1?.properties?.['jobTemplate']?.$ref).toBe(
      '#/definitions/io.k8s.api.batch.v1.JobTemplateSpec',
    );
    expect(beta?.properties?.['jobTemplate']?.$ref).toBe(
      '#/definitions/io.k8s.api.batch.v1beta1.JobTemplateSpec',
    );
  });

  it('does not let a CRD name shadow a Kubernetes definition', () => {
    const core = generateK8sDefinitions().definitions;
    expect(Object.keys(cciCrdDefinitions).filter((name) => name in core)).toEqual([]);
  });

  it('is frozen, so no caller can change what the others see', () => {
    expect(Object.isFrozen(openApiDefinitions())).toBe(true);
    expect(Object.isFrozen(definitionFor(kinds[0]!).properties)).toBe(true);
  });

  it('resolves only local refs, and no inherited member', () => {
    expect(resolveRef('#/definitions/constructor')).toBeUndefined();
    expect(resolveRef('io.k8s.api.core.v1.Pod')).toBeUndefined();
    expect(() => definitionFor({ definition: 'io.k8s.api.core.v1.Nope' })).toThrow(/Nope/);
  });
});

describe('src/generated/k8s-definitions.json', () => {
  it('is what scripts/generate-schemas.ts produces now (re-run it if this fails)', () => {
    const committed = readFileSync(generatedDefinitionsPath, 'utf8');
    expect(committed === renderGeneratedDefinitions(generateK8sDefinitions())).toBe(true);
  });

  it('holds only the $ref closure of the kinds, not the whole Kubernetes API', () => {
    const names = Object.keys(generateK8sDefinitions().definitions);
    expect(names).toContain('io.k8s.api.core.v1.PodSpec');
    expect(names.some((n) => n.startsWith('io.k8s.api.rbac.'))).toBe(false);
    expect(names.some((n) => n.includes('apiextensions'))).toBe(false);
  });
});
