import { signRequest } from '@cci/hwcloud-auth';
import type { Region } from '@cci/model';
import { messages } from '../messages.ts';
import { statusError } from '../status.ts';
import type { HttpSender } from '../upstream/http.ts';
import type { ProjectRef } from './signInRequest.ts';

/**
 * The two IAM calls a sign-in needs, on the region's IAM endpoint:
 * - POST /v3/auth/tokens (password, project scope): the token is in X-Subject-Token, who and
 *   until when in the body;
 * - GET /v3/projects?name=... signed with AK/SK: the project id X-Project-Id needs.
 * IAM's own error text is passed on only with any secret of the request cut out.
 */
export interface IamToken {
  token: string;
  expiresAt: number;
  user: { id: string; name: string };
  domain: { id: string; name: string };
  project: { id: string; name: string };
}

export interface IamProject {
  id: string;
  name: string;
  domainId: string;
}

export interface IamClient {
  passwordToken(
    region: Region,
    who: { domainName: string; userName: string; password: string; project: ProjectRef },
  ): Promise<IamToken>;
  /** undefined: the AK/SK may not list projects (403), only an id given can then be used. */
  findProject(
    region: Region,
    keys: { accessKey: string; secretKey: string },
    project: ProjectRef,
  ): Promise<IamProject | undefined>;
}

export function createIamClient(sender: HttpSender, timeoutMs: number): IamClient {
  const call = (url: URL, method: string, headers: Record<string, string>, body?: string) =>
    sender.send({
      service: 'iam',
      url,
      method,
      headers,
      body: body === undefined ? undefined : Buffer.from(body),
      timeoutMs,
      timeoutCoversBody: true,
    });

  return {
    async passwordToken(region, who) {
      const url = iamUrl(region, '/v3/auth/tokens', 'nocatalog=true');
      const body = JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: {
                name: who.userName,
                password: who.password,
                domain: { name: who.domainName },
              },
            },
          },
          scope: { project: who.project },
        },
      });
      const res = await call(url, 'POST', { 'content-type': 'application/json' }, body);
      const answer = await readJson(res);
      const token = res.headers.get('x-subject-token');
      if (res.status === 200 || res.status === 201) {
        const parsed = token ? parseToken(token, answer) : undefined;
        if (parsed) return parsed;
        throw unexpected(url, res.status, 'the token answer is incomplete');
      }
      const detail = redact(errorText(answer), [who.password]);
      if ((res.status === 401 || res.status === 400) && /project/i.test(detail)) {
        throw statusError(400, messages.unknownProject, { project: describeProject(who.project) });
      }
      if (res.status === 401 || res.status === 403) throw statusError(401, messages.wrongPassword);
      throw unexpected(url, res.status, detail);
    },

    async findProject(region, keys, project) {
      const query = 'name' in project ? `name=${encodeURIComponent(project.name)}` : '';
      const url = iamUrl(region, '/v3/projects', query);
      const headers = { host: url.host, accept: 'application/json' };
      const signed = signRequest(
        { method: 'GET', path: url.pathname, rawQuery: url.search.replace(/^\?/, ''), headers },
        { ak: keys.accessKey, sk: keys.secretKey },
      );
      const res = await call(url, 'GET', { ...headers, ...signed });
      const answer = await readJson(res);
      if (res.status === 401) throw statusError(401, messages.wrongAccessKey);
      if (res.status === 403 && 'id' in project) return undefined;
      if (res.status === 403) throw statusError(403, messages.projectLookupForbidden);
      if (res.status !== 200) {
        throw unexpected(url, res.status, redact(errorText(answer), [keys.secretKey]));
      }
      const found = projectsOf(answer).find((p) =>
        'name' in project ? p.name === project.name : p.id === project.id,
      );
      if (!found) {
        throw statusError(400, messages.unknownProject, { project: describeProject(project) });
      }
      return found;
    },
  };
}

function iamUrl(region: Region, path: string, query: string): URL {
  const url = new URL(`${region.iamEndpoint.replace(/\/+$/, '')}${path}`);
  url.search = query;
  return url;
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return JSON.parse(await res.text());
  } catch {
    return undefined;
  }
}

function unexpected(url: URL, status: number, detail: string) {
  return statusError(502, messages.iamUnexpected, { endpoint: url.origin, status, detail });
}

function describeProject(project: ProjectRef): string {
  return 'name' in project ? project.name : project.id;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json =>
  typeof value === 'object' && value !== null ? (value as Json) : {};
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function parseToken(token: string, answer: unknown): IamToken | undefined {
  const t = obj(obj(answer)['token']);
  const user = obj(t['user']);
  const domain = obj(user['domain']);
  const project = obj(t['project']);
  const expiresAt = Date.parse(str(t['expires_at']));
  const parts = [str(user['id']), str(user['name']), str(project['id']), str(project['name'])];
  if (Number.isNaN(expiresAt) || parts.some((p) => p === '')) return undefined;
  return {
    token,
    expiresAt,
    user: { id: str(user['id']), name: str(user['name']) },
    domain: { id: str(domain['id']), name: str(domain['name']) },
    project: { id: str(project['id']), name: str(project['name']) },
  };
}

function projectsOf(answer: unknown): IamProject[] {
  const list = obj(answer)['projects'];
  if (!Array.isArray(list)) return [];
  return list.map((p) => ({
    id: str(obj(p)['id']),
    name: str(obj(p)['name']),
    domainId: str(obj(p)['domain_id']),
  }));
}

/** IAM's error text: keystone `{error:{message}}` or API Gateway `{error_msg}`. */
function errorText(answer: unknown): string {
  const keystone = str(obj(obj(answer)['error'])['message']);
  const text = keystone || str(obj(answer)['error_msg']) || 'no error message';
  return text.slice(0, 300);
}

function redact(text: string, secrets: string[]): string {
  return secrets.reduce((t, s) => (s ? t.split(s).join('***') : t), text);
}
