import { ALL_VERBS, verbsOf } from '../auth/index.ts';
import { errors } from '../http/errors.ts';
import { json, type Reply } from '../http/respond.ts';
import type { AccessControl, AccessAttributes, Caller } from './access.ts';
import type { ApiContext } from './context.ts';
import { namespaceProject } from './tenancy.ts';

/**
 * authorization.k8s.io/v1 SelfSubjectAccessReview and SelfSubjectRulesReview, answered by the
 * same roles and project isolation that authorise every request: `kubectl auth can-i` and
 * consoles such as Headlamp and Lens ask these to decide which actions to offer.
 */
export const ACCESS_REVIEW_PREFIX = '/apis/authorization.k8s.io/v1/';

/** Paths anyone signed in may GET: discovery, version, health and the OpenAPI documents. */
const publicPaths = [
  '/api',
  '/api/*',
  '/apis',
  '/apis/*',
  '/version',
  '/healthz',
  '/livez',
  '/readyz',
  '/openapi',
  '/openapi/*',
];

type Json = Record<string, unknown>;

function record(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function handleAccessReview(
  ctx: ApiContext,
  access: AccessControl,
  caller: Caller,
  method: string,
  pathname: string,
  body: unknown,
): Reply {
  const resource = pathname.slice(ACCESS_REVIEW_PREFIX.length);
  const kinds: Record<string, string> = {
    selfsubjectaccessreviews: 'SelfSubjectAccessReview',
    selfsubjectrulesreviews: 'SelfSubjectRulesReview',
  };
  const kind = kinds[resource];
  if (!kind) throw errors.notFoundPath();
  if (method !== 'POST') throw errors.methodNotAllowed();
  const review = record(body);
  const spec = record(review?.['spec']);
  if (!review || !spec)
    throw errors.badRequest(
      `the body must be a ${kind} with a spec (apiVersion authorization.k8s.io/v1)`,
    );
  if (review['kind'] !== undefined && review['kind'] !== kind)
    throw errors.badRequest(`the body is a ${String(review['kind'])}, expected ${kind}`);
  const status =
    kind === 'SelfSubjectAccessReview'
      ? accessStatus(ctx, access, caller, spec)
      : rulesStatus(ctx, caller, spec);
  const metadata = { ...(record(review['metadata']) ?? {}), creationTimestamp: null };
  return json(201, { kind, apiVersion: 'authorization.k8s.io/v1', metadata, spec, status });
}

function accessStatus(ctx: ApiContext, access: AccessControl, caller: Caller, spec: Json): Json {
  const resourceAttributes = record(spec['resourceAttributes']);
  const nonResource = record(spec['nonResourceAttributes']);
  if (!resourceAttributes === !nonResource)
    throw invalid(
      'spec.resourceAttributes',
      'exactly one of resourceAttributes or nonResourceAttributes must be set',
    );
  if (nonResource) {
    const path = text(nonResource['path']) ?? '';
    const verb = text(nonResource['verb']) ?? '';
    const allowed = verb === 'get' && publicPaths.some((p) => matchesPath(p, path));
    return allowed
      ? { allowed: true }
      : { allowed: false, reason: `only GET of discovery, version and health paths is allowed` };
  }
  const attrs = resourceAttributes as Json;
  const verb = text(attrs['verb']);
  if (!verb) throw invalid('spec.resourceAttributes.verb', 'Required value');
  const asked: AccessAttributes = {
    verb,
    group: typeof attrs['group'] === 'string' ? attrs['group'] : '',
    resource: text(attrs['resource']) ?? '*',
    subresource: text(attrs['subresource']),
    namespace: text(attrs['namespace']),
    name: text(attrs['name']),
  };
  const verbs = verb === '*' ? [...ALL_VERBS] : [verb];
  for (const v of verbs) {
    const decision = access.decide(ctx, caller, { ...asked, verb: v });
    if (!decision.allowed) return { allowed: false, reason: decision.reason };
  }
  return { allowed: true, reason: `allowed by the role ${caller.roles.join(', ')}` };
}

function rulesStatus(ctx: ApiContext, caller: Caller, spec: Json): Json {
  const namespace = text(spec['namespace']);
  const nonResourceRules = [{ verbs: ['get'], nonResourceURLs: publicPaths }];
  const owner =
    namespace === undefined
      ? undefined
      : namespaceProject(ctx.store, namespace, ctx.defaultProjectId ?? '');
  if (owner !== undefined && owner !== caller.identity.projectId) {
    return {
      resourceRules: [],
      nonResourceRules,
      incomplete: false,
      evaluationError: `namespace "${namespace}" belongs to another project`,
    };
  }
  const verbs = verbsOf(caller.roles);
  const resourceRules = verbs.length === 0 ? [] : [{ verbs, apiGroups: ['*'], resources: ['*'] }];
  return { resourceRules, nonResourceRules, incomplete: false };
}

function matchesPath(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

function invalid(field: string, message: string) {
  return errors.invalid(
    {
      group: 'authorization.k8s.io',
      plural: 'selfsubjectaccessreviews',
      kind: 'SelfSubjectAccessReview',
    },
    '',
    [{ reason: 'FieldValueRequired', field, message }],
  );
}
