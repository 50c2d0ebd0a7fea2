/**
 * IAM-style system roles for CCI, as a user in the users file holds them. A role grants verbs
 * on every resource of the caller's own project; what belongs to another project is refused
 * whatever the role (see api/access.ts).
 */
export const ROLE_NAMES = ['CCI FullAccess', 'CCI ReadOnlyAccess'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** A user of a users file without `roles` holds this one (files written before roles existed). */
export const DEFAULT_ROLES: readonly RoleName[] = ['CCI FullAccess'];

/** The Kubernetes verbs the API authorises, as in RBAC rules. */
export const ALL_VERBS = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
] as const;
export type Verb = (typeof ALL_VERBS)[number];

const READ_VERBS: readonly Verb[] = ['get', 'list', 'watch'];

const roleVerbs: Record<RoleName, readonly Verb[]> = {
  'CCI FullAccess': ALL_VERBS,
  'CCI ReadOnlyAccess': READ_VERBS,
};

export function isRoleName(value: string): value is RoleName {
  return (ROLE_NAMES as readonly string[]).includes(value);
}

/** The verbs the union of `roles` grants, in ALL_VERBS order. */
export function verbsOf(roles: readonly RoleName[]): Verb[] {
  const granted = new Set(roles.flatMap((r) => roleVerbs[r]));
  return ALL_VERBS.filter((v) => granted.has(v));
}

export function rolesAllow(roles: readonly RoleName[], verb: string): boolean {
  return roles.some((r) => (roleVerbs[r] as readonly string[]).includes(verb));
}
