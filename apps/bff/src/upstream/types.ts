import type { Session } from '../session/types.ts';

export interface UpstreamRequest {
  method: string;
  /** Canonical path on the CCI endpoint, e.g. /api/v1/namespaces/ns/pods. */
  path: string;
  /** Raw query string without '?'. */
  query: string;
  headers: Record<string, string>;
  body?: Uint8Array | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Calls the session's region endpoint with the session's credentials (X-Auth-Token, or an
 * SDK-HMAC-SHA256 signature for AK/SK). The only way the BFF reaches CCI.
 */
export interface UpstreamClient {
  request(session: Session, request: UpstreamRequest): Promise<Response>;
}
