import type { KindDescriptor } from '@cci/model';
import {
  rolesAllow,
  verbsOf,
  type Identity,
  type RoleName,
  type UserDirectory,
} from '../auth/index.ts';
import { errors } from '../http/errors.ts';
import type { KubeObject } from '../store/types.ts';
import type { ApiContext } from './context.ts';
import { namespaceProject, ownsItself, projectOf } from './tenancy.ts';

/** Who is calling and what their IAM roles let them do. */
export interface Caller {
  identity: Identity;
  roles: readonly RoleName[];
}

/** What a request (or a SelfSubjectAccessReview) asks to do, as Kubernetes' authorizer sees it. */
export interface AccessAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string | undefined;
  namespace?: string | undefined;
  name?: string | undefined;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

/** Keeps only what the caller's project owns (lists and watches); undefined: keep everything. */
export type Visibility = ((object: KubeObject) => boolean) | undefined;

export interface AccessControl {
  caller(identity: Identity): Caller;
  decide(ctx: ApiContext, caller: Caller, attrs: AccessAttributes): AccessDecision;
  /** Throws 403 Forbidden unless allowed; returns what of a list or watch the caller may see. */
  authorize(
    ctx: ApiContext,
    caller: Caller,
    attrs: AccessAttributes,
    kind: KindDescriptor,
  ): Visibility;
}

/**
 * Authorisation as CCI does it: the caller's roles grant verbs, only inside the caller's own
 * project (and so region). `ctx.defaultProjectId` owns what was created without a caller.
 */
export function createAccessControl(directory: UserDirectory): AccessControl {
  const nsProject = (ctx: ApiContext, namespace: string) =>
    namespaceProject(ctx.store, namespace, ctx.defaultProjectId ?? '');

  const decide = (ctx: ApiContext, caller: Caller, attrs: AccessAttributes): AccessDecision => {
    if (!rolesAllow(caller.roles, attrs.verb)) {
      const granted = verbsOf(caller.roles);
      return {
        allowed: false,
        reason:
          granted.length === 0
            ? 'the user holds no CCI role'
            : `the role ${caller.roles.join(', ')} allows only ${granted.join(', ')}`,
      };
    }
    const own = caller.identity.projectId;
    if (attrs.resource === 'namespaces' && attrs.group === '' && attrs.name !== undefined) {
      const owner = nsProject(ctx, attrs.name);
      if (owner !== undefined && owner !== own) return elsewhere('namespace');
    } else if (attrs.namespace !== undefined) {
      const owner = nsProject(ctx, attrs.namespace);
      if (owner !== undefined && owner !== own) return elsewhere('namespace');
    }
    return { allowed: true };
  };

  return {
    caller: (identity) => ({ identity, roles: directory.rolesOf(identity) }),
    decide,
    authorize(ctx, caller, attrs, kind) {
      const decision = decide(ctx, caller, attrs);
      if (!decision.allowed) throw forbidden(caller, attrs, decision.reason);
      const own = caller.identity.projectId;
      const defaultProjectId = ctx.defaultProjectId ?? '';
      if (ownsItself(kind)) {
        if (attrs.name !== undefined && kind.plural !== 'namespaces') {
          const object = ctx.store.get(kind.storageKey, '', attrs.name);
          if (object && projectOf(object, defaultProjectId) !== own)
            throw forbidden(caller, attrs, `the ${kind.kind} belongs to another project`);
        }
        return (object) => projectOf(object, defaultProjectId) === own;
      }
      if (attrs.namespace !== undefined && nsProject(ctx, attrs.namespace) === own)
        return undefined;
      // Every namespace, or one that does not exist (yet): look at each object's namespace. In a
      // namespace that does not exist ("default", events about snapshots), at the object itself.
      return (object) =>
        (nsProject(ctx, object.metadata.namespace ?? '') ?? projectOf(object, defaultProjectId)) ===
        own;
    },
  };
}

function elsewhere(what: string): AccessDecision {
  return { allowed: false, reason: `the ${what} belongs to another project` };
}

/** Kubernetes' wording, so clients and people read it as they would from the API server. */
function forbidden(caller: Caller, attrs: AccessAttributes, reason: string) {
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const qualified = attrs.group === '' ? attrs.resource : `${attrs.resource}.${attrs.group}`;
  const subject = attrs.name !== undefined ? `${qualified} "${attrs.name}"` : qualified;
  const scope =
    attrs.namespace !== undefined
      ? `in the namespace "${attrs.namespace}"`
      : 'at the cluster scope';
  return errors.forbidden(
    `${subject} is forbidden: User "${caller.identity.userName}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.group}" ${scope}: ${reason}`,
    { name: attrs.name ?? '', group: attrs.group, kind: attrs.resource },
  );
}
