import { createHash } from 'node:crypto';
import { findKinds, groupVersions, type KindDescriptor } from '@cci/model';
import { openApiV2DocumentForModel } from './model.ts';

/**
 * /openapi/v3: the index of group-versions and one OpenAPI 3.0 document per served
 * group-version, as newer clients (kubectl explain) prefer. Each document holds every schema of
 * the v2 document under components.schemas, and a GET of each resource naming its kind (how
 * `kubectl explain` finds a resource's schema). No PATCH is listed, for the reason document.ts
 * gives for /openapi/v2: kubectl then finds no fieldValidation parameter and keeps validating on
 * the client.
 */
type Json = Record<string, unknown>;

interface Built {
  body: string;
  hash: string;
}

let built: Map<string, Built> | undefined;

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [key, item] of Object.entries(value as Json)) {
    out[key] =
      key === '$ref' && typeof item === 'string'
        ? item.replace(/^#\/definitions\//, '#/components/schemas/')
        : rewriteRefs(item);
  }
  return out;
}

function resourcePaths(group: string, version: string): Json {
  const paths: Json = {};
  for (const kind of findKinds({ group, version })) {
    const base = group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
    const scope = kind.namespaced ? `${base}/namespaces/{namespace}` : base;
    paths[`${scope}/${kind.plural}/{name}`] = { get: getOperation(kind) };
  }
  return paths;
}

function getOperation(kind: KindDescriptor): Json {
  return {
    operationId: `read${kind.kind}`,
    'x-kubernetes-action': 'get',
    'x-kubernetes-group-version-kind': {
      group: kind.group,
      version: kind.version,
      kind: kind.kind,
    },
    responses: {
      '200': {
        description: 'OK',
        content: {
          'application/json': {
            schema: { $ref: `#/components/schemas/${kind.definition}` },
          },
        },
      },
    },
  };
}

function documents(): Map<string, Built> {
  if (built) return built;
  const v2 = openApiV2DocumentForModel() as { info: Json; definitions: Json };
  const schemas = rewriteRefs(v2.definitions);
  built = new Map();
  for (const [group, versions] of groupVersions()) {
    for (const version of versions) {
      const path = group === '' ? `api/${version}` : `apis/${group}/${version}`;
      const body = JSON.stringify({
        openapi: '3.0.0',
        info: v2.info,
        paths: resourcePaths(group, version),
        components: { schemas },
      });
      const hash = createHash('sha512').update(body).digest('hex').toUpperCase();
      built.set(path, { body, hash });
    }
  }
  return built;
}

/** GET /openapi/v3 */
export function openApiV3Index(): Json {
  const paths: Json = {};
  for (const [path, { hash }] of documents())
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
  return { paths };
}

/** GET /openapi/v3/<api/v1 | apis/group/version>, or undefined for a group-version not served. */
export function openApiV3Document(path: string): { body: string; etag: string } | undefined {
  const doc = documents().get(path);
  return doc && { body: doc.body, etag: `"${doc.hash}"` };
}
