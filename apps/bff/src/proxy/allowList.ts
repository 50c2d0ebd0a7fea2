import {
  isDns1123Label,
  isDns1123Subdomain,
  findKindByResource,
  type KindDescriptor,
  kinds,
  type Verb,
} from '@cci/model';
import type { Message, Params } from '../messages.ts';
import { canonicalPath } from './canonicalPath.ts';
import { proxyMessages as msg } from './messages.ts';
import { asksForWatch, checkQuery, parseQuery, type Operation } from './queryAllowList.ts';

/**
 * The console's part of the CCI API, derived from the kinds table: a request is forwarded only
 * when its path, verb, subresource and query parameters are all ones the console uses.
 */
export type ProxyDecision =
  | {
      allowed: true;
      operation: Operation;
      /** Canonical upstream path, rebuilt from checked segments. */
      path: string;
      query: string;
      /** Watches and followed logs: long-lived, no upstream timeout. */
      streaming: boolean;
      kind: KindDescriptor | undefined;
    }
  | { allowed: false; code: 400 | 403 | 404 | 405; message: Message; params: Params };

/**
 * The subresources the console's screens call, with the methods they use (least privilege;
 * `consoleUsage.test.ts` checks this against the web app's code).
 */
export const consoleSubresources: Readonly<
  Record<string, Readonly<Record<string, 'get' | 'update' | 'patch'>>>
> = {
  scale: { GET: 'get', PATCH: 'patch' },
};

function hasGroupVersion(group: string, version: string): boolean {
  return kinds.some((k) => k.group === group && k.version === version);
}

const refuse = (
  code: 400 | 403 | 404 | 405,
  message: Message,
  params: Params = {},
): ProxyDecision => ({ allowed: false, code, message, params });
const notFound = () => refuse(404, msg.notUsed);

export function decideProxyRequest(
  method: string,
  rawPath: string,
  rawQuery: string,
): ProxyDecision {
  const path = canonicalPath(rawPath);
  if (!path.ok) return refuse(400, path.message);
  const query = parseQuery(rawQuery);
  if (!query.ok) return refuse(400, query.message, query.params);
  const s = path.segments;
  const joined = `/${s.join('/')}`;

  if (isDiscovery(s)) {
    if (method !== 'GET')
      return refuse(405, msg.methodNotAllowed, { method: method.slice(0, 16), resource: joined });
    const checked = checkQuery('discovery', query.entries, { selectors: false });
    if (!checked.ok) return refuse(400, checked.message, checked.params);
    return {
      allowed: true,
      operation: 'discovery',
      path: joined,
      query: '',
      streaming: false,
      kind: undefined,
    };
  }
  let group: string;
  let version: string;
  let rest: string[];
  if (s[0] === 'api' && s.length > 2) {
    [group, version, rest] = ['', s[1] as string, s.slice(2)];
  } else if (s[0] === 'apis' && s.length > 3) {
    [group, version, rest] = [s[1] as string, s[2] as string, s.slice(3)];
  } else {
    return notFound();
  }
  if (!hasGroupVersion(group, version)) return notFound();
  return decideResource(method, { group, version, rest, joined }, query.entries);
}

function isDiscovery(s: string[]): boolean {
  const [a, b, c] = s;
  if (s.length === 1) return a === 'version' || a === 'api' || a === 'apis';
  if (s.length === 2) {
    return (a === 'api' && hasGroupVersion('', b as string)) || (a === 'openapi' && b === 'v2');
  }
  return s.length === 3 && a === 'apis' && b !== '' && hasGroupVersion(b as string, c as string);
}

interface ResourcePath {
  group: string;
  version: string;
  rest: string[];
  joined: string;
}

function decideResource(
  method: string,
  p: ResourcePath,
  entries: [string, string][],
): ProxyDecision {
  let namespace: string | undefined;
  let rest = p.rest;
  // namespaces/{ns}/{plural}... is namespaced content; namespaces/{name}[/status] is a Namespace.
  const contentKind =
    rest.length >= 3 ? findKindByResource(p.group, p.version, rest[2] as string) : undefined;
  if (rest[0] === 'namespaces' && contentKind?.namespaced) {
    namespace = rest[1] as string;
    rest = rest.slice(2);
    if (!isDns1123Label(namespace)) return refuse(400, msg.invalidNamespace);
  }
  const [plural, name, subresource, ...tail] = rest as [string, ...(string | undefined)[]];
  const kind = findKindByResource(p.group, p.version, plural);
  if (!kind) return notFound();
  if (name === undefined) return decideCollection(method, kind, namespace, p.joined, entries);
  if (kind.namespaced && namespace === undefined) return notFound();
  // Subresources the screens never call (status, log, the pod proxy) are refused: metrics
  // are scraped by the BFF's own metrics routes, never through the browser's proxy.
  const known = subresource !== undefined && kind.subresources.includes(subresource as never);
  if (known && !consoleSubresources[subresource]) {
    return refuse(403, msg.subresourceNotUsed, { subresource, resource: kind.plural });
  }
  if (tail.length > 0) return notFound();
  const validName = kind.kind === 'Namespace' ? isDns1123Label(name) : isDns1123Subdomain(name);
  if (!validName) return refuse(400, msg.invalidName);
  if (subresource === undefined) {
    const verb = ({ GET: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' } as const)[
      method as 'GET'
    ];
    if (!verb)
      return refuse(405, msg.methodNotAllowed, {
        method: method.slice(0, 16),
        resource: kind.plural,
      });
    return allow(kind, verb, verb, p.joined, entries, false);
  }
  if (!kind.subresources.includes(subresource as never)) return notFound();
  const verb = consoleSubresources[subresource]?.[method];
  if (!verb) {
    return refuse(405, msg.methodNotAllowed, {
      method: method.slice(0, 16),
      resource: `${kind.plural}/${subresource}`,
    });
  }
  return allow(kind, verb, verb, p.joined, entries, false);
}

function decideCollection(
  method: string,
  kind: KindDescriptor,
  namespace: string | undefined,
  joined: string,
  entries: [string, string][],
): ProxyDecision {
  if (method === 'GET') {
    const watch = asksForWatch(entries);
    return allow(kind, watch ? 'watch' : 'list', watch ? 'watch' : 'list', joined, entries, watch);
  }
  if (method !== 'POST' && method !== 'DELETE') {
    return refuse(405, msg.methodNotAllowed, {
      method: method.slice(0, 16),
      resource: kind.plural,
    });
  }
  // One request must not delete a whole collection: the console deletes what its
  // confirmation named, one object at a time (a selector is resolved by listing first).
  if (method === 'DELETE') {
    return refuse(405, msg.deleteCollectionRefused, { resource: kind.plural });
  }
  // Creating namespaced objects needs their namespace in the path.
  if (kind.namespaced && namespace === undefined) return notFound();
  return allow(kind, 'create', 'create', joined, entries, false);
}

function allow(
  kind: KindDescriptor,
  verb: Verb,
  operation: Operation,
  joined: string,
  entries: [string, string][],
  streaming: boolean,
): ProxyDecision {
  if (!kind.verbs.includes(verb)) {
    return refuse(403, msg.verbForbidden, { verb, resource: kind.plural });
  }
  const checked = checkQuery(operation, entries, { selectors: kind.supportsSelectors });
  if (!checked.ok) return refuse(400, checked.message, checked.params);
  return { allowed: true, operation, path: joined, query: checked.query, streaming, kind };
}
