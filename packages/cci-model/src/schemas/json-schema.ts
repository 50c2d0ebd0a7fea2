/**
 * Turns our OpenAPI v2 definitions into a self-contained JSON Schema (draft-07) document for
 * one kind, the form YAML editors validate and hover against.
 */
import type { OpenApiDefinitions, OpenApiSchema } from './openapi-schema.ts';
import { definitionRef, lookupDefinition, refClosure } from './openapi-schema.ts';

export interface JsonSchemaOptions {
  /** Reject fields the schema does not know (so `replica: 2` is an error, not ignored). */
  readonly strict: boolean;
}

export type JsonSchema = { [keyword: string]: unknown };

export interface JsonSchemaDocument {
  readonly $schema: string;
  readonly $ref: string;
  readonly definitions: Record<string, JsonSchema>;
}

const quantityName = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
/** Formats draft-07 defines; OpenAPI's int32, int64, double… are not, and strict validators reject them. */
const jsonSchemaFormats = new Set([
  'date-time',
  'date',
  'time',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uri',
]);

function convertMap(
  map: Readonly<Record<string, OpenApiSchema>>,
  strict: boolean,
): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, convert(v, strict)]));
}

function convert(schema: OpenApiSchema, strict: boolean): JsonSchema {
  // The API server takes both a number and a string for these; YAML authors write either.
  if (schema.format === 'int-or-string') {
    return { description: schema.description, type: ['integer', 'string'] };
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema) as [string, unknown][]) {
    if (key.startsWith('x-')) continue; // vendor extensions mean nothing to a validator
    if (key === 'properties') out[key] = convertMap(value as Record<string, OpenApiSchema>, strict);
    else if (key === 'items') out[key] = convert(value as OpenApiSchema, strict);
    else if (key === 'allOf') out[key] = (value as OpenApiSchema[]).map((s) => convert(s, strict));
    else if (key === 'additionalProperties') {
      out[key] = typeof value === 'object' ? convert(value as OpenApiSchema, strict) : value;
    } else if (key === 'format') {
      if (value === 'byte') out['contentEncoding'] = 'base64';
      else if (jsonSchemaFormats.has(value as string)) out[key] = value;
    } else out[key] = value;
  }
  if (strict && schema.properties && schema.additionalProperties === undefined) {
    out['additionalProperties'] = false;
  }
  // draft-07 ignores every sibling of $ref, which would lose the field's own description.
  if (typeof out['$ref'] === 'string' && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    return { ...rest, allOf: [{ $ref }] };
  }
  return out;
}

function convertDefinition(name: string, schema: OpenApiSchema, strict: boolean): JsonSchema {
  if (name === quantityName) {
    return { description: schema.description, type: ['string', 'number'] };
  }
  return convert(schema, strict);
}

/** Pins apiVersion to the versions that serve the root kind (a typo there is an error too). */
function pinApiVersion(root: JsonSchema, schema: OpenApiSchema): JsonSchema {
  const gvks = schema['x-kubernetes-group-version-kind'];
  const properties = root['properties'] as Record<string, JsonSchema> | undefined;
  if (!gvks || !properties?.['apiVersion']) return root;
  const apiVersions = gvks.map((g) => (g.group === '' ? g.version : `${g.group}/${g.version}`));
  const apiVersion = { ...properties['apiVersion'], enum: [...new Set(apiVersions)] };
  return { ...root, properties: { ...properties, apiVersion } };
}

export function buildJsonSchema(
  definitions: OpenApiDefinitions,
  definitionName: string,
  options: JsonSchemaOptions,
): JsonSchemaDocument {
  const rootSchema = lookupDefinition(definitions, definitionName);
  if (!rootSchema) throw new Error(`no OpenAPI definition named ${definitionName}`);
  const { names, missing } = refClosure(definitions, [definitionName]);
  if (missing.size > 0) throw new Error(`dangling $refs: ${[...missing].join(', ')}`);
  const out: Record<string, JsonSchema> = {};
  for (const name of [...names].sort()) {
    out[name] = convertDefinition(name, definitions[name] as OpenApiSchema, options.strict);
  }
  out[definitionName] = pinApiVersion(out[definitionName] as JsonSchema, rootSchema);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $ref: definitionRef(definitionName),
    definitions: out,
  };
}
