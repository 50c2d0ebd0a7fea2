import { describe, expect, it } from 'vitest';
import { buildOpenApiV2Document } from './document.ts';
import {
  acceptsOpenApiV2Protobuf,
  openApiV2ProtobufMediaType,
  openApiV2Response,
} from './handler.ts';
import { decodeOpenApiV2 } from './protobuf.ts';

const doc = buildOpenApiV2Document({
  'io.example.Thing': {
    type: 'object',
    properties: { name: { type: 'string' } },
    'x-kubernetes-group-version-kind': [{ group: 'example.io', kind: 'Thing', version: 'v1' }],
  },
});

describe('openApiV2Response', () => {
  it('serves gnostic protobuf to kubectl with a Content-Type Go can parse', () => {
    const response = openApiV2Response(openApiV2ProtobufMediaType, doc);
    expect(response.status).toBe(200);
    // The requested spelling contains '@', which Go's mime.ParseMediaType rejects.
    expect(response.contentType).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    expect(response.body).toBeInstanceOf(Uint8Array);
    expect(decodeOpenApiV2(response.body as Uint8Array)).toEqual(doc);
  });

  it('serves JSON to everyone else', () => {
    for (const accept of [
      undefined,
      '*/*',
      'application/json',
      'text/html,application/xhtml+xml',
    ]) {
      const response = openApiV2Response(accept, doc);
      expect(response.contentType).toBe('application/json');
      expect(JSON.parse(response.body as string)).toEqual(doc);
    }
  });

  it('honours q=0 and the dotted protobuf spelling in Accept', () => {
    expect(acceptsOpenApiV2Protobuf(`${openApiV2ProtobufMediaType};q=0, application/json`)).toBe(
      false,
    );
    expect(
      acceptsOpenApiV2Protobuf(
        'application/json;q=0.5, application/com.github.proto-openapi.spec.v2.v1.0+protobuf',
      ),
    ).toBe(true);
  });

  it('encodes once per document and gives each representation its own ETag', () => {
    const first = openApiV2Response(openApiV2ProtobufMediaType, doc);
    const second = openApiV2Response(openApiV2ProtobufMediaType, doc);
    expect(second.body).toBe(first.body);
    expect(first.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(openApiV2Response('application/json', doc).etag).not.toBe(first.etag);
    const other = buildOpenApiV2Document({ Other: { type: 'string' } });
    expect(openApiV2Response(openApiV2ProtobufMediaType, other).etag).not.toBe(first.etag);
  });

  it('answers 304 with an empty body when If-None-Match holds the current ETag', () => {
    const { etag } = openApiV2Response(openApiV2ProtobufMediaType, doc);
    const notModified = openApiV2Response(openApiV2ProtobufMediaType, doc, `"stale", ${etag}`);
    expect(notModified).toEqual({
      status: 304,
      contentType: expect.stringContaining('protobuf'),
      body: '',
      etag,
      headers: { ETag: etag, Vary: 'Accept' },
    });
    expect(openApiV2Response(openApiV2ProtobufMediaType, doc, '"stale"').status).toBe(200);
  });
});
