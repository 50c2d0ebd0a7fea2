import { isPasswordHash } from './passwords.ts';
import { isRoleName, ROLE_NAMES, type RoleName } from './roles.ts';
import type {
  AccessKeyRecord,
  DomainRecord,
  ProjectRecord,
  UserRecord,
  UsersFile,
} from './usersFile.ts';

/** A users file that does not validate; `field` is the JSON path of the offending value. */
export class UsersFileError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'UsersFileError';
  }
}

const ID_PATTERN = /^[0-9a-f]{32}$/;
const AK_PATTERN = /^[A-Za-z0-9]+$/;

type Json = Record<string, unknown>;

/** Validate parsed JSON as a users file (format documented in users.ts). */
export function parseUsers(json: unknown): UsersFile {
  const root = object(json, '(root)', ['domains', 'projects']);
  const domains = array(root['domains'], 'domains').map((d, i) => domain(d, `domains[${i}]`));
  const projects = array(root['projects'], 'projects').map((p, i) => project(p, `projects[${i}]`));
  unique(domains, (d) => d.name, 'domains', 'name');
  unique(domains, (d) => d.id, 'domains', 'id');
  unique(
    domains.flatMap((d) => d.users),
    (u) => u.id,
    'domains[].users',
    'id',
  );
  unique(
    domains.flatMap((d) => d.accessKeys),
    (k) => k.ak,
    'domains[].accessKeys',
    'ak',
  );
  unique(projects, (p) => p.id, 'projects', 'id');
  projects.forEach((p, i) => {
    if (!domains.some((d) => d.name === p.domain)) {
      throw new UsersFileError(`projects[${i}].domain`, `no domain named '${p.domain}'`);
    }
    const sameName = projects.findIndex((q) => q.domain === p.domain && q.name === p.name);
    if (sameName !== i) {
      throw new UsersFileError(`projects[${i}].name`, `duplicates projects[${sameName}]`);
    }
  });
  return { domains, projects };
}

function domain(value: unknown, at: string): DomainRecord {
  const o = object(value, at, ['name', 'id', 'users', 'accessKeys']);
  const users = array(o['users'], `${at}.users`).map((u, i) => user(u, `${at}.users[${i}]`));
  unique(users, (u) => u.name, `${at}.users`, 'name');
  const keys = o['accessKeys'] === undefined ? [] : array(o['accessKeys'], `${at}.accessKeys`);
  const accessKeys = keys.map((k, i) => accessKey(k, `${at}.accessKeys[${i}]`));
  accessKeys.forEach((k, i) => {
    if (!users.some((u) => u.name === k.user)) {
      throw new UsersFileError(`${at}.accessKeys[${i}].user`, `no user named '${k.user}' here`);
    }
  });
  return {
    name: text(o['name'], `${at}.name`),
    id: matching(o['id'], `${at}.id`, ID_PATTERN, '32 lowercase hex digits'),
    users,
    accessKeys,
  };
}

function user(value: unknown, at: string): UserRecord {
  const o = object(value, at, ['name', 'id', 'password', 'passwordHash', 'roles']);
  const record: UserRecord = {
    name: text(o['name'], `${at}.name`),
    id: matching(o['id'], `${at}.id`, ID_PATTERN, '32 lowercase hex digits'),
  };
  const hasPassword = o['password'] !== undefined;
  const hasHash = o['passwordHash'] !== undefined;
  if (hasPassword === hasHash) {
    throw new UsersFileError(`${at}.password`, 'set exactly one of password or passwordHash');
  }
  if (hasPassword) record.password = text(o['password'], `${at}.password`);
  if (hasHash) {
    const hash = text(o['passwordHash'], `${at}.passwordHash`);
    if (!isPasswordHash(hash)) {
      throw new UsersFileError(
        `${at}.passwordHash`,
        "must be 'scrypt:<salt>:<hash>' (hashPassword)",
      );
    }
    record.passwordHash = hash;
  }
  if (o['roles'] !== undefined) record.roles = roles(o['roles'], `${at}.roles`);
  return record;
}

function roles(value: unknown, at: string): RoleName[] {
  const list = array(value, at);
  if (list.length === 0) throw new UsersFileError(at, 'must name at least one role');
  return list.map((r, i) => {
    const name = text(r, `${at}[${i}]`);
    if (!isRoleName(name)) {
      throw new UsersFileError(
        `${at}[${i}]`,
        `unknown role '${name}' (known: ${ROLE_NAMES.join(', ')})`,
      );
    }
    return name;
  });
}

function accessKey(value: unknown, at: string): AccessKeyRecord {
  const o = object(value, at, ['ak', 'sk', 'user']);
  return {
    ak: matching(o['ak'], `${at}.ak`, AK_PATTERN, 'letters and digits only'),
    sk: text(o['sk'], `${at}.sk`),
    user: text(o['user'], `${at}.user`),
  };
}

function project(value: unknown, at: string): ProjectRecord {
  const o = object(value, at, ['id', 'name', 'domain']);
  return {
    id: matching(o['id'], `${at}.id`, ID_PATTERN, '32 lowercase hex digits'),
    name: text(o['name'], `${at}.name`),
    domain: text(o['domain'], `${at}.domain`),
  };
}

function object(value: unknown, at: string, allowed: string[]): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsersFileError(at, 'must be an object');
  }
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  if (extra !== undefined) {
    const prefix = at === '(root)' ? '' : `${at}.`;
    throw new UsersFileError(`${prefix}${extra}`, `unknown field (allowed: ${allowed.join(', ')})`);
  }
  return value as Json;
}

function array(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw new UsersFileError(at, 'must be an array');
  return value;
}

function text(value: unknown, at: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new UsersFileError(at, 'must be a non-empty string');
  }
  return value;
}

function matching(value: unknown, at: string, pattern: RegExp, description: string): string {
  const s = text(value, at);
  if (!pattern.test(s)) throw new UsersFileError(at, `must be ${description}`);
  return s;
}

function unique<T>(items: T[], key: (item: T) => string, at: string, field: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) throw new UsersFileError(`${at}.${field}`, `duplicate value '${k}'`);
    seen.add(k);
  }
}
