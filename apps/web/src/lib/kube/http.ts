import type { Status } from '@cci/model';
import type { Language } from '../../i18n/i18n.ts';

/** Every non-2xx answer of the BFF, with its Status body (as far as it sent one) when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<Status> | undefined,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** The message in the UI language; the BFF sends both, the CCI API only English. */
  localized(language: Language): string {
    return this.body?.messages?.[language] ?? this.message;
  }

  /** Field name → message in the UI language (sign-in form errors). */
  fieldErrors(language: Language): Record<string, string> {
    const out: Record<string, string> = {};
    for (const cause of this.body?.details?.causes ?? []) {
      if (!cause.field || out[cause.field]) continue;
      out[cause.field] = cause.messages?.[language] ?? cause.message ?? this.message;
    }
    return out;
  }
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener = () => {};

/** The router registers how to send the user to sign-in when any request answers 401. */
export function setUnauthorizedListener(listener: UnauthorizedListener): void {
  onUnauthorized = listener;
}

type ReachabilityListener = (reachable: boolean) => void;
let onReachability: ReachabilityListener = () => {};

/** Told after every request whether the BFF itself answered (features/session/connectivity.ts). */
export function setReachabilityListener(listener: ReachabilityListener): void {
  onReachability = listener;
}

/** A network error, or a gateway error without a Status body: nothing of ours answered. */
async function watchReachability(request: Promise<Response>): Promise<Response> {
  try {
    const response = await request;
    const gateway = response.status === 502 || response.status === 503 || response.status === 504;
    const fromBff = !gateway || response.headers.get('content-type')?.includes('json') === true;
    onReachability(fromBff);
    return response;
  } catch (error) {
    // An abort is ours (a query was cancelled), not a sign of the BFF.
    if (!(error instanceof DOMException && error.name === 'AbortError')) onReachability(false);
    throw error;
  }
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Patches name their kind: application/merge-patch+json, application/json-patch+json, ... */
  contentType?: string;
  signal?: AbortSignal | undefined;
  /** Sign-in answers 401 for wrong credentials: that is no reason to leave the page. */
  ignoreUnauthorized?: boolean;
}

export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  // CSRF: the BFF refuses state-changing requests without this header.
  if (method !== 'GET') headers['X-CCI-Console'] = '1';
  if (request.body !== undefined)
    headers['Content-Type'] = request.contentType ?? 'application/json';
  const response = await watchReachability(
    fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: request.body === undefined ? null : JSON.stringify(request.body),
      signal: request.signal ?? null,
    }),
  );
  if (!response.ok) {
    const body = await readStatus(response);
    if (response.status === 401 && !request.ignoreUnauthorized) onUnauthorized();
    throw new ApiError(response.status, body);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A non-2xx answer read outside apiFetch (a streamed log) as the same ApiError, 401 handled. */
export async function throwApiError(response: Response): Promise<never> {
  const body = await readStatus(response);
  if (response.status === 401) onUnauthorized();
  throw new ApiError(response.status, body);
}

async function readStatus(response: Response): Promise<Partial<Status> | undefined> {
  try {
    const json: unknown = await response.json();
    return typeof json === 'object' && json !== null ? (json as Partial<Status>) : undefined;
  } catch {
    return undefined;
  }
}
