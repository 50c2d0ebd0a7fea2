/**
 * The emulator's IAM accounts, read from a JSON users file:
 *
 * {
 *   "domains": [{
 *     "name": "cci-demo",                       // account (domain) name, unique
 *     "id": "<32 lowercase hex>",               // account id, unique
 *     "users": [{
 *       "name": "cci-demo",                     // unique within the domain
 *       "id": "<32 lowercase hex>",             // unique across the file
 *       "password": "Demo@12345",               // OR "passwordHash": "scrypt:<salt>:<hash>"
 *       "roles": ["CCI ReadOnlyAccess"]         // optional; default ["CCI FullAccess"]
 *     }],
 *     "accessKeys": [{ "ak": "<letters/digits>", "sk": "<secret>", "user": "cci-demo" }]
 *   }],
 *   "projects": [{ "id": "<32 lowercase hex>", "name": "cn-north-4", "domain": "cci-demo" }]
 * }
 *
 * `passwordHash` (see hashPassword) keeps passwords out of the file in clear text (A7). An SK
 * must stay in clear text: verifying an AK/SK signature needs it. `accessKeys` may be omitted.
 * A domain's first project in file order is its default for AK/SK requests without
 * `X-Project-Id`. Unknown fields are rejected so typos (e.g. "pasword") do not pass silently.
 * `roles` are IAM system roles (auth/roles.ts): `CCI FullAccess` allows every verb,
 * `CCI ReadOnlyAccess` only get, list and watch; either only within the token's own project.
 */
import type { RoleName } from './roles.ts';

export interface UserRecord {
  name: string;
  id: string;
  password?: string;
  passwordHash?: string;
  roles?: RoleName[];
}

export interface AccessKeyRecord {
  ak: string;
  sk: string;
  /** Name of the owning user in the same domain. */
  user: string;
}

export interface DomainRecord {
  name: string;
  id: string;
  users: UserRecord[];
  accessKeys: AccessKeyRecord[];
}

export interface ProjectRecord {
  id: string;
  name: string;
  /** Name of the owning domain. */
  domain: string;
}

export interface UsersFile {
  domains: DomainRecord[];
  projects: ProjectRecord[];
}
