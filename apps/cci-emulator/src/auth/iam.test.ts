import { describe, expect, it } from 'vitest';
import { createUserDirectory } from './directory.ts';
import { handleIamTokenRequest, iamTimestamp } from './iam.ts';
import { createTokenService } from './tokens.ts';
import { defaultDemoUsers } from './users.ts';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const users = defaultDemoUsers('cn-north-4');
const domain = users.domains[0]!;
const demoUser = domain.users[0]!;
const east3 = users.projects.find((p) => p.name === 'cn-east-3')!;

function deps() {
  const tokens = createTokenService({ secret: Buffer.alloc(32, 1), now: () => T0 });
  return { directory: createUserDirectory(users), tokens };
}

function passwordBody(overrides: {
  user?: Record<string, unknown>;
  scope?: unknown;
  methods?: unknown;
}): unknown {
  return {
    auth: {
      identity: {
        methods: overrides.methods ?? ['password'],
        password: {
          user: overrides.user ?? {
            name: 'cci-demo',
            password: 'Demo@12345',
            domain: { name: 'cci-demo' },
          },
        },
      },
      scope: overrides.scope ?? { project: { name: 'cn-north-4' } },
    },
  };
}

function errorMessage(body: unknown): string {
  return (body as { error: { message: string } }).error.message;
}

describe('IAM POST /v3/auth/tokens', () => {
  it('A2 issues a token scoped by project name', () => {
    const d = deps();
    const res = handleIamTokenRequest(passwordBody({}), d);
    expect(res.status).toBe(201);
    const token = res.headers['X-Subject-Token'] ?? '';
    expect(token).toMatch(/^MII/);
    expect(res.body).toEqual({
      token: {
        expires_at: '2026-11-27T12:00:00.000000Z',
        issued_at: '2026-11-26T12:00:00.000000Z',
        methods: ['password'],
        catalog: [],
        project: {
          id: users.projects[0]!.id,
          name: 'cn-north-4',
          domain: { id: domain.id, name: 'cci-demo' },
        },
        user: {
          id: demoUser.id,
          name: 'cci-demo',
          domain: { id: domain.id, name: 'cci-demo' },
          password_expires_at: '',
        },
        roles: [expect.objectContaining({ name: 'te_admin' })],
      },
    });
    expect(d.tokens.verify(token)).toMatchObject({
      userName: 'cci-demo',
      projectName: 'cn-north-4',
      method: 'password',
    });
  });

  it('A2 issues a token scoped by project id, with the domain given by id', () => {
    const d = deps();
    const res = handleIamTokenRequest(
      passwordBody({
        user: { name: 'cci-demo', password: 'Demo@12345', domain: { id: domain.id } },
        scope: { project: { id: east3.id } },
      }),
      d,
    );
    expect(res.status).toBe(201);
    expect(d.tokens.verify(res.headers['X-Subject-Token'] ?? '')).toMatchObject({
      projectId: east3.id,
      projectName: 'cn-east-3',
    });
  });

  it('parses a raw JSON body', () => {
    const raw = new TextEncoder().encode(JSON.stringify(passwordBody({})));
    expect(handleIamTokenRequest(raw, deps()).status).toBe(201);
  });

  it('answers 401 for a wrong password, an unknown user and an unknown domain alike', () => {
    const wrong = [
      { name: 'cci-demo', password: 'Demo@123456', domain: { name: 'cci-demo' } },
      { name: 'nobody', password: 'Demo@12345', domain: { name: 'cci-demo' } },
      { name: 'cci-demo', password: 'Demo@12345', domain: { name: 'other' } },
    ];
    for (const user of wrong) {
      const res = handleIamTokenRequest(passwordBody({ user }), deps());
      expect(res.status).toBe(401);
      expect(res.headers['X-Subject-Token']).toBeUndefined();
      expect(res.body).toEqual({
        error: { code: 401, title: 'Unauthorized', message: 'The username or password is wrong.' },
      });
    }
  });

  it('answers 401 for an unknown project', () => {
    for (const project of [{ name: 'eu-west-0' }, { id: 'f'.repeat(32) }]) {
      const res = handleIamTokenRequest(passwordBody({ scope: { project } }), deps());
      expect(res.status).toBe(401);
      expect(errorMessage(res.body)).toMatch(/project .* does not exist/);
    }
  });

  it('answers 400 naming the missing field of a malformed body', () => {
    const cases: Array<[unknown, string]> = [
      [{}, "'auth'"],
      [{ auth: { scope: {} } }, "'auth.identity'"],
      [passwordBody({ methods: 'password' }), "'auth.identity.methods'"],
      [passwordBody({ methods: ['token'] }), "'auth.identity.methods'"],
      [
        passwordBody({ user: { name: 'cci-demo', domain: { name: 'cci-demo' } } }),
        "'auth.identity.password.user.password'",
      ],
      [
        passwordBody({ user: { password: 'x', domain: { name: 'cci-demo' } } }),
        "'auth.identity.password.user'",
      ],
      [
        passwordBody({ user: { name: 'cci-demo', password: 'x' } }),
        "'auth.identity.password.user.domain'",
      ],
      [passwordBody({ scope: { domain: { name: 'cci-demo' } } }), "'auth.scope.project'"],
      [passwordBody({ scope: { project: {} } }), "'auth.scope.project'"],
      ['{not json', 'not valid JSON'],
      [null, "'auth'"],
    ];
    for (const [body, field] of cases) {
      const res = handleIamTokenRequest(body, deps());
      expect(res.status, field).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 400, title: 'Bad Request' } });
      expect(errorMessage(res.body)).toContain(field);
    }
    const noScope = passwordBody({}) as { auth: Record<string, unknown> };
    delete noScope.auth['scope'];
    expect(errorMessage(handleIamTokenRequest(noScope, deps()).body)).toContain("'auth.scope'");
  });

  it('A7 never echoes the password in an error', () => {
    const res = handleIamTokenRequest(
      passwordBody({ user: { name: 'cci-demo', password: 'Leaked#1', domain: { name: 'x' } } }),
      deps(),
    );
    expect(JSON.stringify(res)).not.toContain('Leaked#1');
  });

  it('formats timestamps with microseconds like IAM', () => {
    expect(iamTimestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)))).toBe(
      '2026-01-02T03:04:05.678000Z',
    );
  });
});
