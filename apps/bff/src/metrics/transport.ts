import { isDns1123Label, isDns1123Subdomain } from '@cci/model';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { readAtMost } from '../proxy/readBody.ts';
import type { Session } from '../session/types.ts';
import { trustedContext } from '../upstream/trust.ts';
import type { UpstreamClient } from '../upstream/types.ts';
import type { ScrapeTarget } from './podTarget.ts';

/** The one path an exporter is ever asked for (rule M3). */
export const METRICS_PATH = '/metrics';

/** Why a scrape failed, in words fit for the UI (never a credential or a body excerpt). */
export class ScrapeError extends Error {
  override name = 'ScrapeError';
  constructor(
    message: string,
    /** CCI refused the borrowed credentials (401/403): another viewer's may still work. */
    readonly credentialsRefused = false,
  ) {
    super(message);
  }
}

/**
 * How the BFF reaches an exporter. Both take the target as podFacts() built it from the Pod
 * object; neither follows redirects.
 * - proxy (default): the API server's pod proxy subresource with the session's credentials.
 * - direct: http(s)://podIP:port/metrics, for a BFF deployed inside the VPC (M3).
 */
export interface ScrapeTransport {
  readonly kind: 'proxy' | 'direct';
  fetch(session: Session, target: ScrapeTarget, signal: AbortSignal): Promise<Response>;
}

/** Re-checks a target right before use: a bug elsewhere must not turn into a request anywhere. */
export function assertSafeTarget(t: ScrapeTarget): void {
  const ok =
    isDns1123Label(t.namespace) &&
    isDns1123Subdomain(t.pod) &&
    Number.isInteger(t.port) &&
    t.port >= 1 &&
    t.port <= 65535 &&
    isIP(t.podIP) !== 0;
  if (!ok) throw new ScrapeError('refused to scrape: the target is not a valid pod address');
}

export function proxyPath(t: ScrapeTarget): string {
  // pods/{scheme}:{name}:{port}/proxy/...: the API server dials https when M2 TLS is set.
  const name = `${t.tls ? 'https:' : ''}${t.pod}:${t.port}`;
  return `/api/v1/namespaces/${t.namespace}/pods/${name}/proxy${METRICS_PATH}`;
}

export function proxyTransport(upstream: UpstreamClient): ScrapeTransport {
  return {
    kind: 'proxy',
    fetch: (session, target, signal) =>
      upstream.request(session, {
        method: 'GET',
        path: proxyPath(target),
        query: '',
        headers: { accept: 'text/plain' },
        signal,
      }),
  };
}

export function directUrl(t: ScrapeTarget): URL {
  const host = isIP(t.podIP) === 6 ? `[${t.podIP}]` : t.podIP;
  return new URL(`${t.tls ? 'https' : 'http'}://${host}:${t.port}${METRICS_PATH}`);
}

/**
 * node:http never follows redirects; no credentials are sent to the pod. The trust is the same
 * prebuilt context as the upstream client's (`upstream/trust.ts`); each exporter keeps one
 * connection between scrapes, closed after a minute without one.
 */
export function directTransport(options: { caCertificates?: string | undefined }): ScrapeTransport {
  const secureContext = trustedContext(options.caCertificates);
  const pool = { keepAlive: true, maxFreeSockets: 1, timeout: 60_000 };
  const httpAgent = new HttpAgent(pool);
  const httpsAgent = new HttpsAgent({ ...pool, ...(secureContext ? { secureContext } : {}) });
  return {
    kind: 'direct',
    fetch: (_session, target, signal) =>
      new Promise<Response>((resolve, reject) => {
        const url = directUrl(target);
        const https = url.protocol === 'https:';
        const req = (https ? httpsRequest : httpRequest)(url, {
          method: 'GET',
          headers: { accept: 'text/plain' },
          signal,
          agent: https ? httpsAgent : httpAgent,
        });
        req.on('error', reject);
        req.on('response', (res: IncomingMessage) => {
          const headers = new Headers();
          const type = res.headers['content-type'];
          if (type) headers.set('content-type', type);
          const location = res.headers.location;
          if (location) headers.set('location', location);
          const body = new ReadableStream<Uint8Array>({
            start(controller) {
              res.on('data', (c: Buffer) => controller.enqueue(new Uint8Array(c)));
              res.on('end', () => controller.close());
              res.on('error', (e) => controller.error(e));
            },
            cancel() {
              res.destroy();
            },
          });
          resolve(new Response(body, { status: res.statusCode ?? 502, headers }));
        });
        req.end();
      }),
  };
}

export interface ScrapeLimits {
  timeoutMs: number;
  maxBodyBytes: number;
}

/**
 * One scrape: the exposition text, or a ScrapeError. The timeout covers the whole exchange
 * (headers and body); a body over the cap is abandoned; any 3xx is refused, not followed.
 */
export async function scrapeText(
  transport: ScrapeTransport,
  session: Session,
  target: ScrapeTarget,
  limits: ScrapeLimits,
): Promise<string> {
  assertSafeTarget(target);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new ScrapeError('timeout')), limits.timeoutMs);
  try {
    const response = await transport.fetch(session, target, controller.signal);
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new ScrapeError(
        `the exporter answered a redirect (HTTP ${response.status}), not followed`,
      );
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new ScrapeError(
        `the exporter could not be reached (HTTP ${response.status})`,
        response.status === 401 || response.status === 403,
      );
    }
    return await readCapped(response, limits.maxBodyBytes);
  } catch (error) {
    if (controller.signal.aborted) {
      throw new ScrapeError(`no answer from the exporter within ${limits.timeoutMs} ms`);
    }
    if (error instanceof ScrapeError) throw error;
    throw new ScrapeError('the exporter could not be reached');
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () => new ScrapeError(`the exporter's answer is larger than ${maxBytes} bytes`);
  const length = Number(response.headers.get('content-length') ?? NaN);
  if (length > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return '';
  const bytes = await readAtMost(response.body, maxBytes, tooLarge);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
