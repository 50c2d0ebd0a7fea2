import {
  ALGORITHM,
  UNSIGNED_PAYLOAD,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  hmacHex,
  parseSdkDate,
  sha256Hex,
  stringToSign,
} from '@cci/hwcloud-auth';
import type { Identity, UserDirectory } from './directory.ts';
import { constantTimeEqual } from './passwords.ts';
import type { TokenService } from './tokens.ts';
import { isTokenError } from './tokens.ts';

export interface AuthRequest {
  method: string;
  /** Path as received (percent-encoded), without the query. */
  path: string;
  /** Query as received, without '?'. */
  rawQuery: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

export interface AuthDeps {
  directory: UserDirectory;
  tokens: TokenService;
  now?: () => number;
  /** How far X-Sdk-Date may be from now; 15 minutes as on Huawei API Gateway. */
  maxClockSkewMs?: number;
}

/** `reason` is fit for a Kubernetes 401 Status message: it never contains a secret. */
export type AuthResult = { ok: true; identity: Identity } | { ok: false; reason: string };

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * Authenticate a CCI API request by `X-Auth-Token`, `Authorization: Bearer` (kubectl) or an
 * AK/SK signature. For AK/SK the project is `X-Project-Id` (which must then be signed, so it
 * cannot be swapped on a captured request), else the owner's domain's first project.
 */
export function authenticate(req: AuthRequest, deps: AuthDeps): AuthResult {
  const xAuthToken = header(req.headers, 'x-auth-token');
  const authorization = header(req.headers, 'authorization');
  if (xAuthToken === null || authorization === null) {
    return fail('more than one authentication header value');
  }
  if (xAuthToken !== undefined) return byToken(xAuthToken.trim(), deps);
  if (authorization === undefined)
    return fail('no credentials: send X-Auth-Token, a bearer token or an AK/SK signature');
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (bearer) return byToken(bearer[1] ?? '', deps);
  if (authorization.startsWith(`${ALGORITHM} `)) return bySignature(req, authorization, deps);
  return fail('unsupported Authorization scheme');
}

function byToken(token: string, deps: AuthDeps): AuthResult {
  const verified = deps.tokens.verify(token);
  if (isTokenError(verified)) {
    const why = {
      expired: 'the token has expired',
      revoked: 'the token has been revoked',
      invalid: 'invalid token',
    };
    return fail(why[verified.error]);
  }
  // A3: a token of a removed user or project stops working as soon as the directory drops it.
  const identity = deps.directory.current(verified);
  return identity
    ? { ok: true, identity }
    : fail('the token belongs to a user or project that no longer exists');
}

function bySignature(req: AuthRequest, authorization: string, deps: AuthDeps): AuthResult {
  const parsed = parseAuthorization(authorization);
  if (!parsed) return fail('malformed SDK-HMAC-SHA256 Authorization header');
  const sdkDate = header(req.headers, 'x-sdk-date');
  if (typeof sdkDate !== 'string') return fail('AK/SK request without a single X-Sdk-Date header');
  const signedAt = parseSdkDate(sdkDate.trim());
  if (signedAt === undefined) return fail('X-Sdk-Date must be YYYYMMDDTHHMMSSZ');
  const now = (deps.now ?? Date.now)();
  if (Math.abs(now - signedAt) > (deps.maxClockSkewMs ?? FIFTEEN_MINUTES)) {
    return fail('X-Sdk-Date is more than 15 minutes away from the server time');
  }

  const owner = deps.directory.accessKey(parsed.ak);
  if (!owner) return fail('unknown access key');

  const headers: Array<[string, string]> = [];
  for (const name of parsed.signedHeaders) {
    const value = header(req.headers, name);
    if (typeof value !== 'string') return fail(`signed header '${name}' is missing or repeated`);
    headers.push([name, value]);
  }
  const contentSha = header(req.headers, 'x-sdk-content-sha256');
  const bodyHash = sha256Hex(req.body);
  if (
    typeof contentSha === 'string' &&
    contentSha !== UNSIGNED_PAYLOAD &&
    contentSha.toLowerCase() !== bodyHash
  ) {
    return fail('the body does not match X-Sdk-Content-Sha256');
  }
  const payloadHash = typeof contentSha === 'string' ? contentSha : bodyHash;

  let query: string;
  let uris: string[];
  try {
    query = canonicalQuery(req.rawQuery);
    // The official SDK encodes the wire path again; APIG's reference signer encodes the
    // unencoded path once. The two differ only for paths holding '%': accept either.
    uris = [...new Set([canonicalUri(req.path), canonicalUri(decodePath(req.path))])];
  } catch {
    return fail('the request path or query cannot be canonicalized');
  }
  const signatureMatches = uris.some((uri) => {
    const canonical = canonicalRequest({ method: req.method, uri, query, headers, payloadHash });
    const expected = hmacHex(owner.accessKey.sk, stringToSign(sdkDate.trim(), canonical));
    return constantTimeEqual(expected, parsed.signature);
  });
  if (!signatureMatches) return fail('the AK/SK signature does not match');

  const domain = owner.domain;
  const projectId = header(req.headers, 'x-project-id');
  if (projectId === null) return fail('more than one X-Project-Id header');
  if (projectId !== undefined && !parsed.signedHeaders.includes('x-project-id')) {
    return fail('X-Project-Id must be one of the SignedHeaders');
  }
  const project =
    projectId === undefined
      ? deps.directory.defaultProject(domain)
      : deps.directory.projectById(domain, projectId.trim());
  if (!project)
    return fail(
      projectId === undefined
        ? 'the account has no project'
        : `project ${projectId.trim()} not found in the account`,
    );
  return {
    ok: true,
    identity: {
      userId: owner.user.id,
      userName: owner.user.name,
      domainId: domain.id,
      domainName: domain.name,
      projectId: project.id,
      projectName: project.name,
      method: 'aksk',
    },
  };
}

interface ParsedAuthorization {
  ak: string;
  signedHeaders: string[];
  signature: string;
}

/** `SDK-HMAC-SHA256 Access=<ak>, SignedHeaders=<a;b>, Signature=<hex>` (any order). */
function parseAuthorization(value: string): ParsedAuthorization | undefined {
  const fields = new Map<string, string>();
  for (const part of value.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const ak = fields.get('Access');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!ak || !signedHeaders || !signature || !/^[0-9a-fA-F]{64}$/.test(signature)) return undefined;
  const names = signedHeaders.split(';').map((h) => h.trim().toLowerCase());
  if (names.some((n) => n === '')) return undefined;
  return { ak, signedHeaders: names, signature: signature.toLowerCase() };
}

/** A header's single value; undefined when absent, null when sent more than once. */
function header(headers: AuthRequest['headers'], name: string): string | undefined | null {
  let found: string | string[] | undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && value !== undefined) {
      if (found !== undefined) return null;
      found = value;
    }
  }
  if (Array.isArray(found))
    return found.length === 1 ? found[0] : found.length === 0 ? undefined : null;
  return found;
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function fail(reason: string): AuthResult {
  return { ok: false, reason };
}
