/**
 * OpenAPI definitions of every kind CCI serves: Kubernetes' own (derived from the official
 * 1.17 definitions by scripts/generate-schemas.ts) plus CCI's custom resources.
 */
import generated from '../generated/k8s-definitions.json' with { type: 'json' };
import type { KindDescriptor } from '../kinds.ts';
import { cciCrdDefinitions } from './crds.ts';
import type { JsonSchemaDocument, JsonSchemaOptions } from './json-schema.ts';
import { buildJsonSchema } from './json-schema.ts';
import type { OpenApiDefinitions, OpenApiSchema } from './openapi-schema.ts';
import { definitionRefPrefix, lookupDefinition } from './openapi-schema.ts';

export type {
  GroupVersionKind,
  OpenApiDefinitions,
  OpenApiSchema,
  OpenApiType,
} from './openapi-schema.ts';
export type { JsonSchema, JsonSchemaDocument, JsonSchemaOptions } from './json-schema.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

let merged: OpenApiDefinitions | undefined;

/** Core and CCI definitions by name; frozen, since every caller shares the one copy. */
export function openApiDefinitions(): OpenApiDefinitions {
  merged ??= deepFreeze({
    ...(generated.definitions as unknown as OpenApiDefinitions),
    ...cciCrdDefinitions,
  });
  return merged;
}

export function definitionFor(kind: Pick<KindDescriptor, 'definition'>): OpenApiSchema {
  const schema = lookupDefinition(openApiDefinitions(), kind.definition);
  if (!schema) throw new Error(`no OpenAPI definition named ${kind.definition}`);
  return schema;
}

/** The definition a `$ref` such as '#/definitions/io.k8s.api.core.v1.Pod' points at. */
export function resolveRef(ref: string): OpenApiSchema | undefined {
  if (!ref.startsWith(definitionRefPrefix)) return undefined;
  return lookupDefinition(openApiDefinitions(), ref.slice(definitionRefPrefix.length));
}

/** A self-contained draft-07 JSON Schema for one definition (see JsonSchemaOptions). */
export function toJsonSchema(
  definitionName: string,
  options: JsonSchemaOptions,
): JsonSchemaDocument {
  return buildJsonSchema(openApiDefinitions(), definitionName, options);
}
