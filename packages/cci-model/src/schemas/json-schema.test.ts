import { describe, expect, it } from 'vitest';
import { checkAgainst } from './check-json-schema.testkit.ts';
import { toJsonSchema } from './index.ts';
import type { JsonSchema } from './json-schema.ts';

const deploymentName = 'io.k8s.api.apps.v1.Deployment';

function deployment(spec: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx', labels: { app: 'nginx' } },
    spec: {
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              name: 'container-0',
              image: 'nginx:latest',
              ports: [{ containerPort: 80 }],
              resources: {
                limits: { cpu: '500m', memory: '1024Mi' },
                requests: { cpu: 0.5, memory: '1024Mi' },
              },
            },
          ],
          imagePullSecrets: [{ name: 'imagepull-secret' }],
        },
      },
      ...spec,
    },
  };
}

describe('toJsonSchema', () => {
  const strict = toJsonSchema(deploymentName, { strict: true });
  const lax = toJsonSchema(deploymentName, { strict: false });

  it('is a self-contained draft-07 document', () => {
    expect(strict.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(strict.$ref).toBe(`#/definitions/${deploymentName}`);
    const text = JSON.stringify(strict);
    for (const [, ref] of text.matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) {
      expect(strict.definitions).toHaveProperty([ref!]);
    }
  });

  it('accepts a valid Deployment, strict or not', () => {
    const doc = deployment({ replicas: 2, strategy: { rollingUpdate: { maxSurge: '25%' } } });
    expect(checkAgainst(strict, doc)).toEqual([]);
    expect(checkAgainst(lax, doc)).toEqual([]);
  });

  it('strict mode reports a misspelled field (replica: 2); lax mode lets it pass', () => {
    const doc = deployment({ replica: 2 });
    expect(checkAgainst(strict, doc)).toEqual(['$.spec.replica: unknown field']);
    expect(checkAgainst(lax, doc)).toEqual([]);
  });

  it('strict mode leaves maps (labels, annotations) open', () => {
    const meta = strict.definitions['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'];
    const labels = (meta?.['properties'] as Record<string, JsonSchema>)['labels'];
    expect(labels?.['additionalProperties']).toEqual({ type: 'string' });
  });

  it('D3 takes IntOrString as a number or a string (maxSurge: 1 or "25%")', () => {
    for (const maxSurge of [1, '25%']) {
      const doc = deployment({ strategy: { rollingUpdate: { maxSurge } } });
      expect(checkAgainst(strict, doc)).toEqual([]);
    }
    const doc = deployment({ strategy: { rollingUpdate: { maxSurge: true } } });
    expect(checkAgainst(strict, doc)).toHaveLength(1);
  });

  it('takes a Quantity as a string or a number', () => {
    const quantity = strict.definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'];
    expect(quantity?.['type']).toEqual(['string', 'number']);
  });

  it('pins kind and apiVersion of the root kind', () => {
    expect(checkAgainst(strict, { ...deployment({}), apiVersion: 'app/v1' })).toHaveLength(1);
    expect(checkAgainst(strict, { ...deployment({}), kind: 'Deploymnet' })).toHaveLength(1);
  });

  it('keeps a field description next to its $ref (draft-07 ignores $ref siblings)', () => {
    const spec = (strict.definitions[deploymentName]?.['properties'] as Record<string, JsonSchema>)[
      'spec'
    ];
    expect(spec).toMatchObject({
      allOf: [{ $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec' }],
    });
    expect(spec?.['description']).toMatch(/desired behavior/i);
  });

  it('drops OpenAPI-only formats and vendor extensions a JSON Schema validator rejects', () => {
    const text = JSON.stringify(strict);
    expect(text).not.toMatch(/"format":"(int32|int64|double|int-or-string)"/);
    expect(text).not.toContain('x-kubernetes-');
    expect(text).toContain('"format":"date-time"');
  });

  it('C2 marks Secret data values as base64', () => {
    const secret = toJsonSchema('io.k8s.api.core.v1.Secret', { strict: true });
    const props = secret.definitions['io.k8s.api.core.v1.Secret']?.['properties'] as Record<
      string,
      JsonSchema
    >;
    expect(props['data']?.['additionalProperties']).toMatchObject({ contentEncoding: 'base64' });
  });

  it('throws for an unknown definition', () => {
    expect(() => toJsonSchema('io.k8s.api.apps.v1.Nope', { strict: true })).toThrow(/Nope/);
  });
});
