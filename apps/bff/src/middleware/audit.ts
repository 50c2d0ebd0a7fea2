import { appFactory } from '../appEnv.ts';
import type { AppDeps } from '../deps.ts';

/** Where a proxied Kubernetes path starts; audit lines name the resource behind it. */
export const CCI_PREFIX = '/api/cci';

export interface AuditedResource {
  group: string;
  version: string;
  plural: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * One JSON line per state-changing request: who (user, domain, region of the session; never
 * its id or credentials), what (method, resource, namespace, name) and the answer's status.
 * Bodies and query strings are never logged.
 */
export function audit(deps: Pick<AppDeps, 'log' | 'now'>) {
  return appFactory.createMiddleware(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    await next();
    const session = c.get('session');
    const path = c.req.path;
    const resource = path.startsWith(`${CCI_PREFIX}/`)
      ? parseResourcePath(path.slice(CCI_PREFIX.length))
      : undefined;
    deps.log({
      time: new Date(deps.now()).toISOString(),
      type: 'audit',
      user: session?.user.name,
      domain: session?.domain.name,
      region: session?.region,
      method: c.req.method,
      ...(resource ? resourceFields(resource) : { path }),
      status: c.res.status,
    });
  });
}

function resourceFields(r: AuditedResource) {
  return {
    resource: { group: r.group, version: r.version, plural: r.plural, subresource: r.subresource },
    namespace: r.namespace,
    name: r.name,
  };
}

/** /api/v1/namespaces/ns/pods/x/log, /apis/apps/v1/deployments, ... ; undefined otherwise. */
export function parseResourcePath(path: string): AuditedResource | undefined {
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map(decode);
  let group: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    rest = parts.slice(1);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1] as string;
    rest = parts.slice(2);
  } else {
    return undefined;
  }
  const [version, ...tail] = rest as [string, ...string[]];
  if (tail[0] === 'namespaces' && tail.length >= 3) {
    const [, namespace, plural, name, subresource] = tail as [string, string, string, ...string[]];
    return clean({ group, version, plural, namespace, name, subresource });
  }
  const [plural, name, subresource] = tail as [string, ...string[]];
  return clean({ group, version, plural, name, subresource });
}

function clean(r: AuditedResource): AuditedResource {
  return Object.fromEntries(
    Object.entries(r).filter(([, v]) => v !== undefined),
  ) as unknown as AuditedResource;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
