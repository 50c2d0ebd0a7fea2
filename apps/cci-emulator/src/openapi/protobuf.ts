import { parse as parseYaml } from 'yaml';
import { documentType } from './gnostic-schema.ts';

/**
 * Converts a Swagger 2.0 JSON document to and from gnostic's `openapi.v2.Document` protobuf,
 * the only /openapi/v2 format kubectl accepts for client-side validation.
 */
type JsonObject = Record<string, unknown>;
type ProtoObject = Record<string, unknown>;
type ScalarKind = 'string' | 'number' | 'boolean' | 'strings' | 'any';

// Schema keywords that map one-to-one onto a gnostic Schema field.
const scalarSchemaFields: readonly (readonly [json: string, proto: string, kind: ScalarKind])[] = [
  ['$ref', '_ref', 'string'],
  ['format', 'format', 'string'],
  ['title', 'title', 'string'],
  ['description', 'description', 'string'],
  ['default', 'default', 'any'],
  ['multipleOf', 'multiple_of', 'number'],
  ['maximum', 'maximum', 'number'],
  ['exclusiveMaximum', 'exclusive_maximum', 'boolean'],
  ['minimum', 'minimum', 'number'],
  ['exclusiveMinimum', 'exclusive_minimum', 'boolean'],
  ['maxLength', 'max_length', 'number'],
  ['minLength', 'min_length', 'number'],
  ['pattern', 'pattern', 'string'],
  ['maxItems', 'max_items', 'number'],
  ['minItems', 'min_items', 'number'],
  ['uniqueItems', 'unique_items', 'boolean'],
  ['maxProperties', 'max_properties', 'number'],
  ['minProperties', 'min_properties', 'number'],
  ['required', 'required', 'strings'],
  ['discriminator', 'discriminator', 'string'],
  ['readOnly', 'read_only', 'boolean'],
  ['example', 'example', 'any'],
];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Kubernetes decodes Any.yaml with a YAML 1.1 parser; JSON text is valid there and, unlike
// block YAML, never lets a string such as `on` or `y` turn into a boolean.
function toAny(value: unknown): ProtoObject {
  return { yaml: JSON.stringify(value) };
}

function fromAny(any: unknown): unknown {
  return isObject(any) && typeof any['yaml'] === 'string' ? parseYaml(any['yaml']) : undefined;
}

function toVendorExtensions(json: JsonObject): ProtoObject[] {
  return Object.entries(json)
    .filter(([key]) => key.startsWith('x-'))
    .map(([name, value]) => ({ name, value: toAny(value) }));
}

function addVendorExtensions(json: JsonObject, proto: ProtoObject): void {
  const extensions = proto['vendor_extension'];
  if (!Array.isArray(extensions)) return;
  for (const extension of extensions as ProtoObject[]) {
    json[String(extension['name'])] = fromAny(extension['value']);
  }
}

function toNamedSchemas(map: JsonObject): ProtoObject[] {
  return Object.entries(map).map(([name, schema]) => ({ name, value: toSchema(schema) }));
}

function fromNamedSchemas(named: unknown): JsonObject {
  const map: JsonObject = {};
  for (const entry of (named ?? []) as ProtoObject[])
    map[String(entry['name'])] = fromSchema(entry['value']);
  return map;
}

function toSchema(schema: unknown): ProtoObject {
  if (!isObject(schema))
    throw new Error(`OpenAPI schema must be an object, got ${JSON.stringify(schema)}`);
  const proto: ProtoObject = {};
  for (const [jsonKey, protoKey, kind] of scalarSchemaFields) {
    const value = schema[jsonKey];
    if (value !== undefined) proto[protoKey] = kind === 'any' ? toAny(value) : value;
  }
  const { type, items, properties, additionalProperties, allOf, externalDocs } = schema;
  if (Array.isArray(schema['enum'])) proto['enum'] = schema['enum'].map(toAny);
  if (type !== undefined) proto['type'] = { value: Array.isArray(type) ? type : [type] };
  if (items !== undefined)
    proto['items'] = { schema: (Array.isArray(items) ? items : [items]).map(toSchema) };
  if (isObject(properties))
    proto['properties'] = { additional_properties: toNamedSchemas(properties) };
  if (typeof additionalProperties === 'boolean')
    proto['additional_properties'] = { boolean: additionalProperties };
  else if (additionalProperties !== undefined)
    proto['additional_properties'] = { schema: toSchema(additionalProperties) };
  if (Array.isArray(allOf)) proto['all_of'] = allOf.map(toSchema);
  if (isObject(externalDocs)) {
    proto['external_docs'] = {
      ...externalDocs,
      vendor_extension: toVendorExtensions(externalDocs),
    };
  }
  proto['vendor_extension'] = toVendorExtensions(schema);
  return proto;
}

function fromSchema(proto: unknown): JsonObject {
  if (!isObject(proto)) return {};
  const schema: JsonObject = {};
  for (const [jsonKey, protoKey, kind] of scalarSchemaFields) {
    const value = proto[protoKey];
    if (value !== undefined) schema[jsonKey] = kind === 'any' ? fromAny(value) : value;
  }
  const { type, items, properties, additional_properties: additional, all_of: allOf } = proto;
  if (Array.isArray(proto['enum'])) schema['enum'] = proto['enum'].map(fromAny);
  const types = isObject(type) && Array.isArray(type['value']) ? (type['value'] as string[]) : [];
  if (types.length > 0) schema['type'] = types.length === 1 ? types[0] : types;
  if (isObject(items) && Array.isArray(items['schema'])) {
    const list = items['schema'].map(fromSchema);
    schema['items'] = list.length === 1 ? list[0] : list;
  }
  if (isObject(properties))
    schema['properties'] = fromNamedSchemas(properties['additional_properties']);
  if (isObject(additional)) {
    schema['additionalProperties'] = additional['schema']
      ? fromSchema(additional['schema'])
      : Boolean(additional['boolean']);
  }
  if (Array.isArray(allOf)) schema['allOf'] = allOf.map(fromSchema);
  const externalDocs = proto['external_docs'];
  if (isObject(externalDocs)) {
    const docs: JsonObject = { ...externalDocs };
    delete docs['vendor_extension'];
    addVendorExtensions(docs, externalDocs);
    schema['externalDocs'] = docs;
  }
  addVendorExtensions(schema, proto);
  return schema;
}

/** Encodes a Swagger 2.0 JSON document (as built by buildOpenApiV2Document) for kubectl. */
export function encodeOpenApiV2(doc: object): Uint8Array {
  const json = doc as JsonObject;
  const info = isObject(json['info']) ? json['info'] : {};
  const paths = isObject(json['paths']) ? json['paths'] : {};
  const definitions = isObject(json['definitions']) ? json['definitions'] : {};
  const proto: ProtoObject = {
    swagger: json['swagger'] ?? '2.0',
    info: {
      title: info['title'] ?? '',
      version: info['version'] ?? '',
      description: info['description'],
      terms_of_service: info['termsOfService'],
      vendor_extension: toVendorExtensions(info),
    },
    host: json['host'],
    base_path: json['basePath'],
    schemes: json['schemes'],
    consumes: json['consumes'],
    produces: json['produces'],
    // Only vendor extensions of paths are carried; operations are deliberately not served.
    paths: { vendor_extension: toVendorExtensions(paths) },
    definitions: { additional_properties: toNamedSchemas(definitions) },
    vendor_extension: toVendorExtensions(json),
  };
  return documentType.encode(documentType.fromObject(proto)).finish();
}

/** Decodes gnostic `openapi.v2.Document` bytes back into Swagger 2.0 JSON (paths' operations omitted). */
export function decodeOpenApiV2(bytes: Uint8Array): JsonObject {
  const proto = documentType.toObject(documentType.decode(bytes), { longs: Number }) as ProtoObject;
  const doc: JsonObject = {};
  if (proto['swagger'] !== undefined) doc['swagger'] = proto['swagger'];
  const info = proto['info'];
  if (isObject(info)) {
    const { title, version, description, terms_of_service: termsOfService } = info;
    doc['info'] = dropUndefined({ title, version, description, termsOfService });
    addVendorExtensions(doc['info'] as JsonObject, info);
  }
  const { host, base_path: basePath, schemes, consumes, produces } = proto;
  Object.assign(doc, dropUndefined({ host, basePath, schemes, consumes, produces }));
  const paths: JsonObject = {};
  if (isObject(proto['paths'])) addVendorExtensions(paths, proto['paths']);
  doc['paths'] = paths;
  const definitions = proto['definitions'];
  doc['definitions'] = isObject(definitions)
    ? fromNamedSchemas(definitions['additional_properties'])
    : {};
  addVendorExtensions(doc, proto);
  return doc;
}

function dropUndefined(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
