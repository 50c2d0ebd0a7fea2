import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { UsersFile } from './usersFile.ts';
import { parseUsers, UsersFileError } from './usersValidation.ts';

/** The five CCI regions of rule A1. */
export const CCI_REGIONS = ['cn-north-4', 'cn-east-3', 'cn-east-2', 'cn-south-1', 'cn-southwest-2'];

export const DEMO_DOMAIN_NAME = 'cci-demo';
/** A2: the user name defaults to the domain name, so the demo user shares it. */
export const DEMO_USER_NAME = DEMO_DOMAIN_NAME;
export const DEMO_PASSWORD = 'Demo@12345';
export const DEMO_ACCESS_KEY = 'CCIDEMOACCESSKEY0001';
export const DEMO_SECRET_KEY = 'CciDemoSecretKey00000000000000000000Demo';
/** A second user of the demo account holding only `CCI ReadOnlyAccess`. */
export const DEMO_VIEWER_NAME = 'cci-viewer';
export const DEMO_VIEWER_PASSWORD = 'Viewer@12345';
/** A second account, so isolation between accounts can be tried: it sees none of the demo's. */
export const OTHER_DOMAIN_NAME = 'cci-other';
export const OTHER_PASSWORD = 'Other@12345';

/**
 * Demo accounts: domain and user `cci-demo` (CCI FullAccess), its read-only user `cci-viewer`,
 * one AK/SK pair, one project per A1 region with `region` first (it becomes the default project
 * for AK/SK); and a second account `cci-other` (user of the same name) with its own projects.
 * Ids are derived from names so they stay stable across restarts, keeping issued tokens valid.
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
          {
            name: DEMO_VIEWER_NAME,
            id: stableId(`user:${DEMO_VIEWER_NAME}`),
            password: DEMO_VIEWER_PASSWORD,
            roles: ['CCI ReadOnlyAccess'],
          },
        ],
        accessKeys: [{ ak: DEMO_ACCESS_KEY, sk: DEMO_SECRET_KEY, user: DEMO_USER_NAME }],
      },
      {
        name: OTHER_DOMAIN_NAME,
        id: stableId(`domain:${OTHER_DOMAIN_NAME}`),
        users: [
          {
            name: OTHER_DOMAIN_NAME,
            id: stableId(`user:${OTHER_DOMAIN_NAME}`),
            password: OTHER_PASSWORD,
          },
        ],
        accessKeys: [],
      },
    ],
    projects: [DEMO_DOMAIN_NAME, OTHER_DOMAIN_NAME].flatMap((domain) =>
      regions.map((name) => ({ id: stableId(`project:${domain}:${name}`), name, domain })),
    ),
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
