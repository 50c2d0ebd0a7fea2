import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createUserDirectory } from './directory.ts';
import { hashPassword, passwordMatches } from './passwords.ts';
import {
  CCI_REGIONS,
  DEMO_PASSWORD,
  defaultDemoUsers,
  loadUsers,
  parseUsers,
  UsersFileError,
} from './users.ts';

const HEX = 'a'.repeat(32);

function validFile(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(defaultDemoUsers())) as Record<string, unknown>;
}

function errorOf(json: unknown): UsersFileError {
  try {
    parseUsers(json);
  } catch (error) {
    if (error instanceof UsersFileError) return error;
    throw error;
  }
  throw new Error('expected a UsersFileError');
}

describe('defaultDemoUsers', () => {
  it('A2 names the demo user after its domain and validates as a users file', () => {
    const file = defaultDemoUsers();
    const domain = file.domains[0];
    expect(domain?.name).toBe('cci-demo');
    expect(domain?.users[0]?.name).toBe('cci-demo');
    expect(domain?.users[0]?.password).toBe(DEMO_PASSWORD);
    expect(domain?.accessKeys).toHaveLength(1);
    expect(parseUsers(JSON.parse(JSON.stringify(file)))).toEqual(file);
  });

  it('A1 gives each account one project per CCI region, the requested region first', () => {
    const file = defaultDemoUsers('cn-east-3');
    for (const account of ['cci-demo', 'cci-other']) {
      const names = file.projects.filter((p) => p.domain === account).map((p) => p.name);
      expect(names.sort()).toEqual([...CCI_REGIONS].sort());
    }
    const directory = createUserDirectory(file);
    const domain = directory.domainByName('cci-demo');
    expect(domain && directory.defaultProject(domain)?.name).toBe('cn-east-3');
    expect(() => defaultDemoUsers('us-east-1')).toThrow(/unknown region/);
  });

  it('has a read-only demo user and a second account, each with their roles', () => {
    const directory = createUserDirectory(defaultDemoUsers());
    const demo = directory.domainByName('cci-demo');
    const other = directory.domainByName('cci-other');
    const identity = (domain: typeof demo, user: string) => {
      const u = domain && directory.userByName(domain, user);
      const p = domain && directory.defaultProject(domain);
      if (!domain || !u || !p) throw new Error(`no ${user}`);
      return {
        userId: u.id,
        userName: u.name,
        domainId: domain.id,
        domainName: domain.name,
        projectId: p.id,
        projectName: p.name,
        method: 'password' as const,
      };
    };
    expect(directory.rolesOf(identity(demo, 'cci-demo'))).toEqual(['CCI FullAccess']);
    expect(directory.rolesOf(identity(demo, 'cci-viewer'))).toEqual(['CCI ReadOnlyAccess']);
    expect(directory.rolesOf(identity(other, 'cci-other'))).toEqual(['CCI FullAccess']);
    expect(identity(other, 'cci-other').projectId).not.toBe(identity(demo, 'cci-demo').projectId);
  });

  it('keeps ids stable across calls so tokens survive a restart', () => {
    expect(defaultDemoUsers('cn-south-1').domains[0]?.id).toBe(defaultDemoUsers().domains[0]?.id);
    expect(defaultDemoUsers().projects[0]?.id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('parseUsers errors name the field', () => {
  it('rejects a missing password', () => {
    const file = validFile();
    const users = (file['domains'] as Array<{ users: Array<Record<string, unknown>> }>)[0]?.users;
    delete users?.[0]?.['password'];
    expect(errorOf(file).field).toBe('domains[0].users[0].password');
  });

  it('rejects a malformed id', () => {
    const file = validFile();
    (file['projects'] as Array<Record<string, unknown>>)[2]!['id'] = 'xyz';
    const error = errorOf(file);
    expect(error.field).toBe('projects[2].id');
    expect(error.message).toMatch(/32 lowercase hex/);
  });

  it('rejects an unknown field (a typo)', () => {
    const file = validFile();
    const domain = (file['domains'] as Array<Record<string, unknown>>)[0]!;
    domain['users'] = [{ name: 'u', id: HEX, pasword: 'x' }];
    domain['accessKeys'] = [];
    expect(errorOf(file).field).toBe('domains[0].users[0].pasword');
  });

  it('rejects an access key of an unknown user and a project of an unknown domain', () => {
    const file = validFile();
    const domain = (file['domains'] as Array<{ accessKeys: Array<Record<string, unknown>> }>)[0]!;
    domain.accessKeys[0]!['user'] = 'nobody';
    expect(errorOf(file).field).toBe('domains[0].accessKeys[0].user');

    const other = validFile();
    (other['projects'] as Array<Record<string, unknown>>)[0]!['domain'] = 'nowhere';
    expect(errorOf(other).field).toBe('projects[0].domain');
  });

  it('rejects an unknown role and an empty role list, naming the known roles', () => {
    const file = validFile();
    const users = (file['domains'] as Array<{ users: Array<Record<string, unknown>> }>)[0]!.users;
    users[0]!['roles'] = ['CCI FullAccess', 'CCI Admin'];
    const error = errorOf(file);
    expect(error.field).toBe('domains[0].users[0].roles[1]');
    expect(error.message).toMatch(
      /unknown role 'CCI Admin' \(known: CCI FullAccess, CCI ReadOnlyAccess\)/,
    );
    users[0]!['roles'] = [];
    expect(errorOf(file).field).toBe('domains[0].users[0].roles');
  });

  it('rejects duplicate access keys and a non-object root', () => {
    const file = validFile();
    const domain = (file['domains'] as Array<{ accessKeys: unknown[] }>)[0]!;
    domain.accessKeys.push(domain.accessKeys[0]);
    expect(errorOf(file).field).toBe('domains[].accessKeys.ak');
    expect(errorOf([]).field).toBe('(root)');
  });
});

describe('loadUsers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cci-users-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a users file and names the file in errors', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(defaultDemoUsers()));
    expect(loadUsers(good).domains[0]?.name).toBe('cci-demo');

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ domains: [], projects: {} }));
    expect(() => loadUsers(bad)).toThrow(
      /^projects: must be an array \(in users file .*bad\.json\)$/,
    );
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{');
    expect(() => loadUsers(broken)).toThrow(/broken\.json/);
  });
});

describe('passwords', () => {
  it('A7 accepts a scrypt passwordHash instead of a clear password', () => {
    const hash = hashPassword('s3cret!');
    expect(hash).not.toContain('s3cret');
    const file = validFile();
    const user = (file['domains'] as Array<{ users: Array<Record<string, unknown>> }>)[0]!
      .users[0]!;
    delete user['password'];
    user['passwordHash'] = hash;
    const parsed = parseUsers(file);
    const stored = parsed.domains[0]!.users[0]!;
    expect(passwordMatches(stored, 's3cret!')).toBe(true);
    expect(passwordMatches(stored, 's3cret')).toBe(false);
  });

  it('compares clear passwords exactly', () => {
    expect(passwordMatches({ password: 'Demo@12345' }, 'Demo@12345')).toBe(true);
    expect(passwordMatches({ password: 'Demo@12345' }, 'Demo@1234')).toBe(false);
    expect(passwordMatches({}, '')).toBe(false);
  });
});
