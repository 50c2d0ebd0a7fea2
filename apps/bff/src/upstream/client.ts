import { signRequest } from '@cci/hwcloud-auth';
import type { Env } from '../env.ts';
import type { Session } from '../session/types.ts';
import { createHttpSender, toResponse, type HttpSender } from './http.ts';
import type { UpstreamAnswer, UpstreamClient, UpstreamRequest } from './types.ts';

/**
 * Request headers a caller may pass through to CCI; everything else (cookies, Origin, any
 * Authorization or X-Auth-Token from the browser) is dropped here, whatever the caller sends.
 * Accept-Encoding is set by the proxy (gzip or identity), never copied from the browser; the
 * sender asks for gzip when the caller says nothing.
 */
export const forwardedRequestHeaders: readonly string[] = [
  'accept',
  'accept-encoding',
  'content-type',
  'if-match',
  'if-none-match',
];

export interface UpstreamClientOptions {
  env: Pick<Env, 'regions' | 'caCertificates' | 'UPSTREAM_TIMEOUT_MS'>;
  /**
   * Called when CCI answers 401 for a session (token revoked or expired, AK/SK disabled):
   * production deletes the session so no later request reuses it.
   */
  onUnauthorized?: (session: Session) => void | Promise<void>;
  /** Wall clock for X-Sdk-Date; must be real time, CCI refuses signatures 15 minutes off. */
  wallClock?: () => number;
}

export interface ClosableUpstreamClient extends UpstreamClient {
  exchange(session: Session, request: UpstreamRequest): Promise<UpstreamAnswer>;
  close(): void;
}

export function createUpstreamClient(options: UpstreamClientOptions): ClosableUpstreamClient {
  const sender: HttpSender = createHttpSender({ caCertificates: options.env.caCertificates });

  async function exchange(session: Session, req: UpstreamRequest): Promise<UpstreamAnswer> {
    const region = options.env.regions.find((r) => r.id === session.region);
    if (!region) throw new Error('session of an unknown region');
    const url = upstreamUrl(region.cciEndpoint, req.path, req.query);
    const headers = authenticated(session, url, req, options.wallClock ?? Date.now);
    const answer = await sender.exchange({
      service: 'cci',
      url,
      method: req.method,
      headers,
      body: req.body,
      signal: req.signal,
      timeoutMs: options.env.UPSTREAM_TIMEOUT_MS,
      timeoutCoversBody: !isLongRunning(url),
    });
    if (answer.status === 401) await options.onUnauthorized?.(session);
    // CCI sets no cookies worth keeping, and none may reach the browser under the BFF's origin.
    delete answer.headers['set-cookie'];
    return answer;
  }

  return {
    exchange,
    request: (session, req) => exchange(session, req).then(toResponse),
    close: () => sender.close(),
  };
}

/** The endpoint's origin (and base path, if any) + the canonical path + the raw query. */
export function upstreamUrl(endpoint: string, path: string, query: string): URL {
  const base = endpoint.replace(/\/+$/, '');
  const url = new URL(`${base}${path.startsWith('/') ? path : `/${path}`}`);
  url.search = query;
  return url;
}

/** Watches, log follows and exec-like calls stream for as long as the browser wants. */
export function isLongRunning(url: URL): boolean {
  const flag = (name: string) => ['true', '1'].includes(url.searchParams.get(name) ?? '');
  return (
    flag('watch') ||
    flag('follow') ||
    url.pathname.includes('/watch/') ||
    /\/(pods|services|nodes)\/[^/]+\/(exec|attach|portforward|proxy)(\/|$)/.test(url.pathname)
  );
}

/** The headers CCI authenticates a request by: X-Auth-Token, or the AK/SK signature. */
export function authenticated(
  session: Session,
  url: URL,
  req: Pick<UpstreamRequest, 'method' | 'headers' | 'body'>,
  wallClock: () => number,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    const lower = name.toLowerCase();
    if (forwardedRequestHeaders.includes(lower)) headers[lower] = value;
  }
  const credentials = session.credentials;
  if (credentials.kind === 'token') {
    headers['x-auth-token'] = credentials.token;
    return headers;
  }
  // Signed: host binds the target, X-Project-Id the project (CCI requires it to be signed).
  headers['host'] = url.host;
  headers['x-project-id'] = session.project.id;
  const added = signRequest(
    {
      method: req.method,
      path: url.pathname,
      rawQuery: url.search.replace(/^\?/, ''),
      headers,
      body: req.body ?? '',
    },
    { ak: credentials.accessKey, sk: credentials.secretKey, now: wallClock },
  );
  return { ...headers, ...added };
}
