import WebSocket from 'ws';
import type { Env } from '../env.ts';
import type { Session } from '../session/types.ts';
import { authenticated, upstreamUrl } from './client.ts';
import { trustedContext } from './trust.ts';

/** A WebSocket to CCI (pods/exec), opened with the session's credentials. */
export interface UpstreamSocketRequest {
  /** Canonical path, e.g. /api/v1/namespaces/ns/pods/web/exec. */
  path: string;
  query: string;
  protocols: string[];
}

export interface UpstreamSockets {
  open(session: Session, request: UpstreamSocketRequest): WebSocket;
}

export interface UpstreamSocketOptions {
  env: Pick<Env, 'regions' | 'caCertificates' | 'UPSTREAM_TIMEOUT_MS'>;
  /** Wall clock for X-Sdk-Date (AK/SK signatures). */
  wallClock?: () => number;
  /** Largest frame taken from CCI; a terminal's output arrives in small frames. */
  maxPayload?: number;
}

/**
 * Upgrades to CCI's exec endpoint with `ws`: the same endpoint, credentials (X-Auth-Token, or an
 * AK/SK signature of the GET) and TLS trust (the one prebuilt secure context of trust.ts) as
 * every other upstream call; the handshake times out like a request.
 */
export function createUpstreamSockets(options: UpstreamSocketOptions): UpstreamSockets {
  const secureContext = trustedContext(options.env.caCertificates);
  return {
    open(session, request) {
      const region = options.env.regions.find((r) => r.id === session.region);
      if (!region) throw new Error('session of an unknown region');
      const url = upstreamUrl(region.cciEndpoint, request.path, request.query);
      const headers = authenticated(
        session,
        url,
        { method: 'GET', headers: {} },
        options.wallClock ?? Date.now,
      );
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      return new WebSocket(url, request.protocols, {
        headers,
        handshakeTimeout: options.env.UPSTREAM_TIMEOUT_MS,
        maxPayload: options.maxPayload ?? 4 * 1024 * 1024,
        perMessageDeflate: false,
        followRedirects: false,
        ...(secureContext ? { secureContext } : {}),
      });
    },
  };
}
