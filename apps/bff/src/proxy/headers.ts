import { accepts } from '../node/compression.ts';
import { proxyMessages as msg } from './messages.ts';
import type { Problem } from './queryAllowList.ts';

/**
 * Header allow-lists in both directions. The browser's Cookie, Authorization and X-Auth-Token
 * never go upstream (the upstream client adds the session's own credentials), and only headers
 * the console reads come back.
 */
const printable = /^[\x20-\x7e]*$/;

const writeContentTypes = [
  'application/json',
  'application/yaml',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/json-patch+json',
  'application/apply-patch+yaml',
];

export type HeaderCheck = { ok: true; headers: Record<string, string> } | ({ ok: false } & Problem);

export function upstreamRequestHeaders(incoming: Headers, hasBody: boolean): HeaderCheck {
  // CCI's gzip is relayed as it came to a browser that takes it; for one that does not, a plain
  // answer saves the BFF decoding it (issue #12).
  const headers: Record<string, string> = {
    'Accept-Encoding': accepts(incoming.get('accept-encoding') ?? undefined, 'gzip')
      ? 'gzip'
      : 'identity',
  };
  const accept = incoming.get('accept');
  if (accept !== null) {
    if (accept.length > 1024 || !printable.test(accept)) {
      return { ok: false, message: msg.headerNotAllowed, params: { header: 'Accept' } };
    }
    headers['Accept'] = accept;
  }
  const ifNoneMatch = incoming.get('if-none-match');
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.length > 256 || !printable.test(ifNoneMatch)) {
      return { ok: false, message: msg.headerNotAllowed, params: { header: 'If-None-Match' } };
    }
    headers['If-None-Match'] = ifNoneMatch;
  }
  const contentType = incoming.get('content-type');
  if (hasBody) {
    const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!writeContentTypes.includes(media)) {
      return {
        ok: false,
        message: msg.contentTypeNotAllowed,
        params: { type: media.slice(0, 100) },
      };
    }
    headers['Content-Type'] = media;
  }
  return { ok: true, headers };
}

const responseHeaderNames = ['content-type', 'warning', 'etag', 'retry-after', 'last-modified'];

/** From the upstream answer's header record (lower-case names, as the HTTP client gives them). */
export function browserResponseHeaders(
  upstream: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of responseHeaderNames) {
    const value = upstream[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // API data is per user: never kept by shared caches; ETagged documents revalidate.
  headers['cache-control'] = headers['etag'] !== undefined ? 'private, no-cache' : 'no-store';
  return headers;
}
