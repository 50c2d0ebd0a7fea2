import type { Readable } from 'node:stream';
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
  /**
   * The same exchange without web objects: status, header record and the Node stream of the
   * body as they came. The proxy relays with it (a Response, its Headers and a ReadableStream
   * per answer cost as much CPU as the HTTP client, issue #12); a client without it (a test's)
   * is read through `request`.
   */
  exchange?(session: Session, request: UpstreamRequest): Promise<UpstreamAnswer>;
}

/** An upstream answer as it came, before anything made a web Response of it. */
export interface UpstreamAnswer {
  status: number;
  /** Lower-case names as the HTTP client gives them; hop-by-hop headers and Set-Cookie gone. */
  headers: Record<string, string | string[] | undefined>;
  /** The body as it came (still coded); null for an answer without one (HEAD, 204, 304). */
  body: Readable | null;
  /** Its content coding (`contentCodingOf`); undefined for identity. */
  coding: string | undefined;
  /** Content-Length of the bytes as they come, when the upstream sent it. */
  length: number | undefined;
}
