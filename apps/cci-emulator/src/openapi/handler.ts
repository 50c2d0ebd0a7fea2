import { createHash } from 'node:crypto';
import { encodeOpenApiV2 } from './protobuf.ts';

/** The media type client-go puts in Accept when fetching /openapi/v2 for kubectl. */
export const openApiV2ProtobufMediaType =
  'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
/**
 * The Content-Type to answer with. Not the requested spelling: Go's mime.ParseMediaType rejects
 * the '@', and kubectl then fails with "mime: unexpected content after media subtype".
 * kube-apiserver answers with this spelling too, and accepts it in Accept.
 */
export const openApiV2ProtobufContentType =
  'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
const jsonMediaType = 'application/json';

export interface OpenApiV2Response {
  readonly status: 200 | 304;
  readonly contentType: string;
  /** Empty for 304. */
  readonly body: Uint8Array | string;
  /** Strong validator for the chosen representation (also in headers.ETag). */
  readonly etag: string;
  /** Headers to send along: ETag, and Vary since both representations share one URL. */
  readonly headers: Readonly<Record<string, string>>;
}

interface Representation {
  readonly body: Uint8Array | string;
  readonly etag: string;
}

interface CachedRepresentations {
  json?: Representation;
  protobuf?: Representation;
}

// Encoding all definitions costs tens of milliseconds, and kubectl fetches the document on
// every validating command; documents are immutable once built, so encode once per object.
const cache = new WeakMap<object, CachedRepresentations>();

function etagOf(body: Uint8Array | string): string {
  return `"${createHash('sha256').update(body).digest('hex')}"`;
}

function representation(doc: object, format: 'json' | 'protobuf'): Representation {
  let cached = cache.get(doc);
  if (!cached) {
    cached = {};
    cache.set(doc, cached);
  }
  let result = cached[format];
  if (!result) {
    const body = format === 'json' ? JSON.stringify(doc) : encodeOpenApiV2(doc);
    result = { body, etag: etagOf(body) };
    cached[format] = result;
  }
  return result;
}

/** Whether Accept names the gnostic protobuf media type (either spelling) with a non-zero q. */
export function acceptsOpenApiV2Protobuf(acceptHeader: string | undefined): boolean {
  for (const range of (acceptHeader ?? '').split(',')) {
    const [type = '', ...params] = range.split(';').map((part) => part.trim());
    if (params.some((param) => /^q=0(\.0*)?$/i.test(param))) continue;
    const mediaType = type.toLowerCase();
    if (mediaType === openApiV2ProtobufMediaType || mediaType === openApiV2ProtobufContentType)
      return true;
  }
  return false;
}

function matchesIfNoneMatch(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * Response for GET /openapi/v2: gnostic protobuf when Accept names its media type (kubectl),
 * JSON otherwise (browsers, curl). Pass the If-None-Match header: kubectl keeps an HTTP cache
 * and revalidates with it on every later command. Encoding is cached per `doc` object, so pass
 * the same object each time rather than rebuilding it.
 */
export function openApiV2Response(
  acceptHeader: string | undefined,
  doc: object,
  ifNoneMatch?: string,
): OpenApiV2Response {
  const protobuf = acceptsOpenApiV2Protobuf(acceptHeader);
  const contentType = protobuf ? openApiV2ProtobufContentType : jsonMediaType;
  const { body, etag } = representation(doc, protobuf ? 'protobuf' : 'json');
  const headers = { ETag: etag, Vary: 'Accept' };
  if (matchesIfNoneMatch(ifNoneMatch, etag))
    return { status: 304, contentType, body: '', etag, headers };
  return { status: 200, contentType, body, etag, headers };
}
