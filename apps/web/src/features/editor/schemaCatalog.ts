/**
 * The JSON Schemas of every kind CCI serves, built from @cci/model's OpenAPI definitions (the
 * same definitions the emulator serves at /openapi/v2), strict so unknown fields are errors.
 */
import {
  apiVersionOf,
  findKindByApiVersion,
  findKinds,
  kinds,
  toJsonSchema,
  type JsonSchema,
  type JsonSchemaDocument,
  type KindDescriptor,
} from '@cci/model';

const byDefinition = new Map<string, JsonSchemaDocument>();

export function schemaOfKind(kind: KindDescriptor): JsonSchemaDocument {
  let schema = byDefinition.get(kind.definition);
  if (!schema) {
    schema = toJsonSchema(kind.definition, { strict: true });
    byDefinition.set(kind.definition, schema);
  }
  return schema;
}

export type KindMatch =
  | { status: 'known'; kind: KindDescriptor; schema: JsonSchemaDocument }
  | { status: 'wrongApiVersion'; expected: string[] }
  | { status: 'unknownKind' };

/** The schema a document's apiVersion + kind selects. */
export function matchKind(apiVersion: string, kind: string): KindMatch {
  const descriptor = findKindByApiVersion(apiVersion, kind);
  if (descriptor) return { status: 'known', kind: descriptor, schema: schemaOfKind(descriptor) };
  const sameKind = findKinds({ kind });
  if (sameKind.length > 0) {
    return { status: 'wrongApiVersion', expected: sameKind.map((k) => apiVersionOf(k)) };
  }
  return { status: 'unknownKind' };
}

/** "Namespace, Pod, …" for the unknown-kind message. */
export function servedKindNames(): string {
  return [...new Set(kinds.filter((k) => k.kind !== 'Event').map((k) => k.kind))].join(', ');
}

let combined: JsonSchemaDocument | undefined;

/**
 * One schema for the whole file, for monaco-yaml's hover and completion: every document picks
 * its kind's definition through if/then on apiVersion + kind. Validation stays in diagnoseYaml.
 */
export function combinedSchema(): JsonSchemaDocument {
  if (combined) return combined;
  const definitions: Record<string, JsonSchema> = {};
  const branches: JsonSchema[] = [];
  for (const kind of kinds) {
    const schema = schemaOfKind(kind);
    Object.assign(definitions, schema.definitions);
    branches.push({
      if: {
        required: ['apiVersion', 'kind'],
        properties: { apiVersion: { const: apiVersionOf(kind) }, kind: { const: kind.kind } },
      },
      then: { $ref: schema.$ref },
    });
  }
  const root = 'cci.console.AnyObject';
  definitions[root] = {
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(kinds.map((k) => apiVersionOf(k)))] },
      kind: { type: 'string', enum: [...new Set(kinds.map((k) => k.kind))] },
    },
    allOf: branches,
  };
  combined = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $ref: `#/definitions/${root}`,
    definitions,
  };
  return combined;
}
