import { findKindByResource, type KindDescriptor } from '@cci/model';
import { errors } from './errors.ts';

export type RequestVerb =
  | 'get'
  | 'list'
  | 'watch'
  | 'create'
  | 'update'
  | 'patch'
  | 'delete'
  | 'deletecollection'
  | 'proxy';

/** What a resource URL addresses, like the API server's RequestInfo. */
export interface ResourceRequest {
  kind: KindDescriptor;
  verb: RequestVerb;
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
  /** For pods/{name}:{port}/proxy/{path}: the port and the rest of the path. */
  proxyPort: string | undefined;
  proxyPath: string | undefined;
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw errors.badRequest(`malformed path segment "${s}"`);
  }
}

/**
 * Parses /api/v1/... and /apis/{group}/{version}/... paths. Returns undefined when the path is
 * not a resource path (discovery, openapi, ...); throws 404 for an unknown resource.
 */
export function parseResourcePath(
  method: string,
  pathname: string,
  query: URLSearchParams,
): ResourceRequest | undefined {
  const parts = pathname.split('/').filter((p) => p !== '');
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1] as string;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1] as string;
    version = parts[2] as string;
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  rest = rest.map(decodeSegment);

  let namespace: string | undefined;
  // /namespaces/{ns}/{resource}... addresses namespaced content; /namespaces/{name}[/status]
  // addresses the Namespace object itself.
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    rest[2] !== 'status' &&
    rest[2] !== 'finalize'
  ) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, rawName, subresource, ...tail] = rest;
  if (plural === undefined) return undefined;
  const kind = findKindByResource(group, version, plural);
  if (!kind) throw errors.notFoundPath();
  if (namespace !== undefined && !kind.namespaced) throw errors.notFoundPath();

  let name = rawName;
  let proxyPort: string | undefined;
  let proxyPath: string | undefined;
  if (subresource === 'proxy' && name !== undefined) {
    // pods/{name}:{port} or pods/{scheme}:{name}:{port}
    const pieces = name.split(':');
    if (pieces.length === 3) [, name, proxyPort] = pieces;
    else if (pieces.length === 2) [name, proxyPort] = pieces;
    proxyPath = `/${tail.join('/')}`;
  } else if (tail.length > 0) {
    throw errors.notFoundPath();
  }
  if (
    subresource !== undefined &&
    subresource !== 'finalize' &&
    !kind.subresources.includes(subresource as never)
  ) {
    throw errors.notFoundPath();
  }

  return {
    kind,
    verb: verbFor(method, name, subresource, query),
    namespace,
    name,
    subresource,
    proxyPort,
    proxyPath,
  };
}

const streamingSubresources = new Set(['exec', 'attach', 'portforward']);

function verbFor(
  method: string,
  name: string | undefined,
  subresource: string | undefined,
  query: URLSearchParams,
): RequestVerb {
  if (subresource === 'proxy') return 'proxy';
  const watch = query.get('watch');
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (watch === 'true' || watch === '1') return 'watch';
      return name === undefined ? 'list' : 'get';
    case 'POST':
      // POST pods/{name}/exec (attach, portforward) is how SPDY clients ask for a stream.
      if (name !== undefined && !streamingSubresources.has(subresource ?? ''))
        throw errors.methodNotAllowed();
      return 'create';
    case 'PUT':
      if (name === undefined) throw errors.methodNotAllowed();
      return 'update';
    case 'PATCH':
      if (name === undefined) throw errors.methodNotAllowed();
      return 'patch';
    case 'DELETE':
      return name === undefined ? 'deletecollection' : 'delete';
    default:
      throw errors.methodNotAllowed();
  }
}
