import protobuf from 'protobufjs';

/**
 * kubectl sends access reviews as protobuf (`application/vnd.kubernetes.protobuf`): the
 * `k8s\0` magic, then runtime.Unknown holding the object. Only the review specs are read
 * (k8s.io/api/authorization/v1/generated.proto, field numbers as there); metadata is skipped.
 */
const schema = `
syntax = "proto2";
package review;
message TypeMeta { optional string apiVersion = 1; optional string kind = 2; }
message Unknown {
  optional TypeMeta typeMeta = 1;
  optional bytes raw = 2;
  optional string contentEncoding = 3;
  optional string contentType = 4;
}
message ResourceAttributes {
  optional string namespace = 1;
  optional string verb = 2;
  optional string group = 3;
  optional string version = 4;
  optional string resource = 5;
  optional string subresource = 6;
  optional string name = 7;
}
message NonResourceAttributes { optional string path = 1; optional string verb = 2; }
message SelfSubjectAccessReviewSpec {
  optional ResourceAttributes resourceAttributes = 1;
  optional NonResourceAttributes nonResourceAttributes = 2;
}
message SelfSubjectAccessReview { optional SelfSubjectAccessReviewSpec spec = 2; }
message SelfSubjectRulesReviewSpec { optional string namespace = 1; }
message SelfSubjectRulesReview { optional SelfSubjectRulesReviewSpec spec = 2; }
`;

const root = protobuf.parse(schema, { keepCase: true }).root;
const MAGIC = Buffer.from('k8s\u0000', 'latin1');
const reviewKinds = new Set(['SelfSubjectAccessReview', 'SelfSubjectRulesReview']);

export function isKubernetesProtobuf(body: Uint8Array): boolean {
  return body.length >= MAGIC.length && MAGIC.equals(Buffer.from(body.subarray(0, MAGIC.length)));
}

/** The review as JSON would have carried it; undefined for a kind this module does not read. */
export function decodeReview(body: Uint8Array): Record<string, unknown> | undefined {
  const unknown = root
    .lookupType('review.Unknown')
    .toObject(root.lookupType('review.Unknown').decode(body.subarray(MAGIC.length)), {
      defaults: false,
    }) as { typeMeta?: { apiVersion?: string; kind?: string }; raw?: Uint8Array };
  const kind = unknown.typeMeta?.kind ?? '';
  if (!reviewKinds.has(kind) || !unknown.raw) return undefined;
  const type = root.lookupType(`review.${kind}`);
  const object = type.toObject(type.decode(unknown.raw), { defaults: false });
  return { apiVersion: unknown.typeMeta?.apiVersion, kind, ...object };
}
