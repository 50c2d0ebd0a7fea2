import protobuf from 'protobufjs';

/**
 * The subset of gnostic's `openapi.v2` protobuf schema (github.com/google/gnostic,
 * openapiv2/OpenAPIv2.proto) needed to carry Kubernetes definitions. Field numbers must match
 * gnostic exactly, since kubectl decodes with the generated Go types. Messages and fields left out
 * (path items, parameters, responses, security, xml, contact, license) are never written; when
 * decoding a full document from a real server they are skipped as unknown fields.
 */
type FieldSpec = readonly [type: string, id: number, rule?: 'repeated'];

function message(fields: Record<string, FieldSpec>, oneof?: readonly string[]): protobuf.IType {
  const fieldJson: Record<string, protobuf.IField & { rule?: string }> = {};
  for (const [name, [type, id, rule]] of Object.entries(fields)) {
    fieldJson[name] = rule ? { type, id, rule } : { type, id };
  }
  // gnostic names every oneof "oneof"; the name is not on the wire but keeps decoding faithful.
  return oneof
    ? { fields: fieldJson, oneofs: { oneof: { oneof: [...oneof] } } }
    : { fields: fieldJson };
}

const vendorExtension = (id: number): FieldSpec => ['NamedAny', id, 'repeated'];

const openapiV2Messages: Record<string, protobuf.IType> = {
  Document: message({
    swagger: ['string', 1],
    info: ['Info', 2],
    host: ['string', 3],
    base_path: ['string', 4],
    schemes: ['string', 5, 'repeated'],
    consumes: ['string', 6, 'repeated'],
    produces: ['string', 7, 'repeated'],
    paths: ['Paths', 8],
    definitions: ['Definitions', 9],
    vendor_extension: vendorExtension(16),
  }),
  Info: message({
    title: ['string', 1],
    version: ['string', 2],
    description: ['string', 3],
    terms_of_service: ['string', 4],
    vendor_extension: vendorExtension(7),
  }),
  Paths: message({ vendor_extension: vendorExtension(1) }),
  Definitions: message({ additional_properties: ['NamedSchema', 1, 'repeated'] }),
  Properties: message({ additional_properties: ['NamedSchema', 1, 'repeated'] }),
  NamedSchema: message({ name: ['string', 1], value: ['Schema', 2] }),
  NamedAny: message({ name: ['string', 1], value: ['Any', 2] }),
  // `yaml` holds the value as YAML text; `value` (a protobuf Any) is unused by Kubernetes.
  Any: message({ value: ['google.protobuf.Any', 1], yaml: ['string', 2] }),
  TypeItem: message({ value: ['string', 1, 'repeated'] }),
  ItemsItem: message({ schema: ['Schema', 1, 'repeated'] }),
  AdditionalPropertiesItem: message({ schema: ['Schema', 1], boolean: ['bool', 2] }, [
    'schema',
    'boolean',
  ]),
  ExternalDocs: message({
    description: ['string', 1],
    url: ['string', 2],
    vendor_extension: vendorExtension(3),
  }),
  Schema: message({
    _ref: ['string', 1],
    format: ['string', 2],
    title: ['string', 3],
    description: ['string', 4],
    default: ['Any', 5],
    multiple_of: ['double', 6],
    maximum: ['double', 7],
    exclusive_maximum: ['bool', 8],
    minimum: ['double', 9],
    exclusive_minimum: ['bool', 10],
    max_length: ['int64', 11],
    min_length: ['int64', 12],
    pattern: ['string', 13],
    max_items: ['int64', 14],
    min_items: ['int64', 15],
    unique_items: ['bool', 16],
    max_properties: ['int64', 17],
    min_properties: ['int64', 18],
    required: ['string', 19, 'repeated'],
    enum: ['Any', 20, 'repeated'],
    additional_properties: ['AdditionalPropertiesItem', 21],
    type: ['TypeItem', 22],
    items: ['ItemsItem', 23],
    all_of: ['Schema', 24, 'repeated'],
    properties: ['Properties', 25],
    discriminator: ['string', 26],
    read_only: ['bool', 27],
    external_docs: ['ExternalDocs', 29],
    example: ['Any', 30],
    vendor_extension: vendorExtension(31),
  }),
};

const root = protobuf.Root.fromJSON({
  nested: {
    openapi: { nested: { v2: { nested: openapiV2Messages } } },
    google: {
      nested: {
        protobuf: { nested: { Any: message({ type_url: ['string', 1], value: ['bytes', 2] }) } },
      },
    },
  },
}).resolveAll();

export const documentType: protobuf.Type = root.lookupType('openapi.v2.Document');
