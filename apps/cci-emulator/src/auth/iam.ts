import { createHash } from 'node:crypto';
import type { Identity, UserDirectory } from './directory.ts';
import { burnPasswordCheck, passwordMatches } from './passwords.ts';
import type { TokenService } from './tokens.ts';

/**
 * Huawei IAM `POST /v3/auth/tokens` (password method, project scope), answered the way IAM
 * answers: 201 + `X-Subject-Token`, keystone-style `{"error":{code,title,message}}` otherwise.
 *
 * Choices where the IAM reference does not pin the answer down:
 * - A malformed body is 400 naming the first missing or mistyped field.
 * - Unknown domain, unknown user and wrong password all give the same 401, so the endpoint
 *   cannot be used to probe which accounts exist.
 * - An unknown project (or one of another domain) is 401 after a correct password: IAM is
 *   keystone-derived, and keystone turns a scope it cannot resolve into 401 Unauthorized.
 * - Only project scope is issued (CCI is a project-level service, A2); a missing scope or a
 *   domain scope is 400.
 * - The catalog is always empty, so `?nocatalog=true` is accepted and changes nothing.
 */
export interface IamResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface IamDeps {
  directory: UserDirectory;
  tokens: TokenService;
}

const JSON_HEADERS = { 'Content-Type': 'application/json;charset=UTF-8' };
const WRONG_CREDENTIALS = 'The username or password is wrong.';

class BadRequest extends Error {}

/** `body` may be the parsed JSON, or the raw request body (string or bytes) to parse here. */
export function handleIamTokenRequest(body: unknown, deps: IamDeps): IamResponse {
  let request: PasswordRequest;
  try {
    request = parseRequest(
      typeof body === 'string' || body instanceof Uint8Array ? parseJson(body) : body,
    );
  } catch (error) {
    if (error instanceof BadRequest) return iamError(400, 'Bad Request', error.message);
    throw error;
  }

  const { directory, tokens } = deps;
  const domain =
    request.domain.name !== undefined
      ? directory.domainByName(request.domain.name)
      : directory.domainById(request.domain.id ?? '');
  const user =
    domain &&
    (request.user.name !== undefined
      ? directory.userByName(domain, request.user.name)
      : directory.userById(domain, request.user.id ?? ''));
  if (!domain || !user) {
    burnPasswordCheck(request.password);
    return iamError(401, 'Unauthorized', WRONG_CREDENTIALS);
  }
  if (!passwordMatches(user, request.password)) {
    return iamError(401, 'Unauthorized', WRONG_CREDENTIALS);
  }
  const project =
    request.project.name !== undefined
      ? directory.projectByName(domain, request.project.name)
      : directory.projectById(domain, request.project.id ?? '');
  if (!project) {
    return iamError(
      401,
      'Unauthorized',
      `The project ${request.project.name ?? request.project.id} does not exist in this account.`,
    );
  }

  const identity: Identity = {
    userId: user.id,
    userName: user.name,
    domainId: domain.id,
    domainName: domain.name,
    projectId: project.id,
    projectName: project.name,
    method: 'password',
  };
  const issued = tokens.issue(identity);
  const domainRef = { id: domain.id, name: domain.name };
  return {
    status: 201,
    headers: { ...JSON_HEADERS, 'X-Subject-Token': issued.token },
    body: {
      token: {
        expires_at: iamTimestamp(issued.expiresAt),
        issued_at: iamTimestamp(issued.issuedAt),
        methods: ['password'],
        catalog: [],
        project: { id: project.id, name: project.name, domain: domainRef },
        user: { id: user.id, name: user.name, domain: domainRef, password_expires_at: '' },
        roles: [{ id: roleId('te_admin'), name: 'te_admin' }],
      },
    },
  };
}

/** IAM's timestamp style: ISO 8601 UTC with microseconds, e.g. 2026-11-26T12:00:00.000000Z. */
export function iamTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

interface NameOrId {
  name?: string;
  id?: string;
}

interface PasswordRequest {
  user: NameOrId;
  domain: NameOrId;
  password: string;
  project: NameOrId;
}

function parseRequest(body: unknown): PasswordRequest {
  const auth = field(body, 'auth', '(body)');
  const identity = field(auth, 'identity', 'auth');
  const methods = (identity as Record<string, unknown>)['methods'];
  if (!Array.isArray(methods)) {
    throw new BadRequest("Invalid input for field 'auth.identity.methods': an array is required.");
  }
  if (!methods.includes('password')) {
    throw new BadRequest(
      'Invalid input for field \'auth.identity.methods\': only ["password"] is supported.',
    );
  }
  const password = field(identity, 'password', 'auth.identity');
  const user = field(password, 'user', 'auth.identity.password');
  const userAt = 'auth.identity.password.user';
  const secret = (user as Record<string, unknown>)['password'];
  if (typeof secret !== 'string' || secret === '') {
    throw new BadRequest(`Invalid input for field '${userAt}.password': a string is required.`);
  }
  const userRef = nameOrId(user, userAt);
  const domainRef = nameOrId(field(user, 'domain', userAt), `${userAt}.domain`);
  const scope = field(auth, 'scope', 'auth');
  if ((scope as Record<string, unknown>)['project'] === undefined) {
    throw new BadRequest(
      "Invalid input for field 'auth.scope.project': CCI needs a project-scoped token (project name or id).",
    );
  }
  const project = nameOrId(field(scope, 'project', 'auth.scope'), 'auth.scope.project');
  return { user: userRef, domain: domainRef, password: secret, project };
}

function field(parent: unknown, name: string, at: string): object {
  const value = isObject(parent) ? parent[name] : undefined;
  if (!isObject(value)) {
    const path = at === '(body)' ? name : `${at}.${name}`;
    throw new BadRequest(`Invalid input for field '${path}': an object is required.`);
  }
  return value;
}

function nameOrId(value: object, at: string): NameOrId {
  const { name, id } = value as Record<string, unknown>;
  if (typeof name === 'string' && name !== '') return { name };
  if (typeof id === 'string' && id !== '') return { id };
  throw new BadRequest(`Invalid input for field '${at}': 'name' or 'id' is required.`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(raw: string | Uint8Array): unknown {
  try {
    return JSON.parse(typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8'));
  } catch {
    throw new BadRequest('The request body is not valid JSON.');
  }
}

function iamError(code: number, title: string, message: string): IamResponse {
  return { status: code, headers: { ...JSON_HEADERS }, body: { error: { code, title, message } } };
}

function roleId(name: string): string {
  return createHash('sha256').update(`cci-emulator:role:${name}`).digest('hex').slice(0, 32);
}
