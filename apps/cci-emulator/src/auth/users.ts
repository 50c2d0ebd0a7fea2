import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseUsers, UsersFileError } from './usersValidation.ts';

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
 *       "password": "Demo@12345"                // OR "passwordHash": "scrypt:<salt>:<hash>"
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
 */
export interface UserRecord {
  name: string;
  id: string;
  password?: string;
  passwordHash?: string;
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

/** The five CCI regions of rule A1. */
export const CCI_REGIONS = ['cn-north-4', 'cn-east-3', 'cn-east-2', 'cn-south-1', 'cn-southwest-2'];

export const DEMO_DOMAIN_NAME = 'cci-demo';
/** A2: the user name defaults to the domain name, so the demo user shares it. */
export const DEMO_USER_NAME = DEMO_DOMAIN_NAME;
export const DEMO_PASSWORD = 'Demo@12345';
export const DEMO_ACCESS_KEY = 'CCIDEMOACCESSKEY0001';
export const DEMO_SECRET_KEY = 'CciDemoSecretKey00000000000000000000Demo';

/**
 * Demo accounts: domain and user `cci-demo`, one AK/SK pair, one project per A1 region with
 * `region` first (it becomes the default project for AK/SK). Ids are derived from names so
 * they stay stable across restarts, which keeps issued tokens valid.
 */
export function defaultDemoUsers(region = 'cn-north-4'): UsersFile {
  if (!CCI_REGIONS.includes(region)) {
    throw new Error(`unknown region '${region}'; expected one of ${CCI_REGIONS.join(', ')}`);
  }
  const regions = [region, ...CCI_REGIONS.filter((r) => r !== region)];
  return {
    domains: [
      {
        name: DEMO_DOMAIN_NAME,
        id: stableId(`domain:${DEMO_DOMAIN_NAME}`),
        users: [
          { name: DEMO_USER_NAME, id: stableId(`user:${DEMO_USER_NAME}`), password: DEMO_PASSWORD },
        ],
        accessKeys: [{ ak: DEMO_ACCESS_KEY, sk: DEMO_SECRET_KEY, user: DEMO_USER_NAME }],
      },
    ],
    projects: regions.map((name) => ({
      id: stableId(`project:${DEMO_DOMAIN_NAME}:${name}`),
      name,
      domain: DEMO_DOMAIN_NAME,
    })),
  };
}

/** Read and validate a users file; errors name the file and the offending field. */
export function loadUsers(path: string): UsersFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`users file ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return parseUsers(json);
  } catch (error) {
    if (error instanceof UsersFileError) {
      throw new UsersFileError(error.field, `${error.problem} (in users file ${path})`);
    }
    throw error;
  }
}

function stableId(seed: string): string {
  return createHash('sha256').update(`cci-emulator:${seed}`).digest('hex').slice(0, 32);
}

export { parseUsers, UsersFileError };
