import { createHash, createHmac } from 'node:crypto';

/**
 * Huawei API Gateway AK/SK signing (SDK-HMAC-SHA256), as documented for APIG and implemented
 * by the official SDKs:
 *
 *   canonical request = METHOD \n URI \n QUERY \n HEADERS \n SIGNED-HEADERS \n BODY-HASH
 *     URI      each path segment percent-encoded (RFC 3986 unreserved kept), ending with '/'
 *     QUERY    key=value pairs, keys sorted, values of one key sorted, both percent-encoded
 *     HEADERS  "name:value\n" for each signed header, names lowercased, values trimmed
 *     BODY-HASH hex SHA-256 of the body, or the X-Sdk-Content-Sha256 header (UNSIGNED-PAYLOAD)
 *   string to sign = "SDK-HMAC-SHA256\n" + X-Sdk-Date + "\n" + hex SHA-256(canonical request)
 *   signature = hex HMAC-SHA256(SK, string to sign)
 *   Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2>, Signature=<hex>
 */
export const ALGORITHM = 'SDK-HMAC-SHA256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export interface SignableRequest {
  method: string;
  /** Path as sent on the wire (percent-encoded), without the query. */
  path: string;
  /** Query string as sent on the wire, without '?'. */
  rawQuery?: string;
  /** Headers to sign; include `host` so the signature binds the target host. */
  headers: Record<string, string>;
  body?: Uint8Array | string;
}

export interface SignOptions {
  ak: string;
  sk: string;
  now?: () => number;
  /** Sign `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD` instead of hashing the body. */
  unsignedPayload?: boolean;
}

/** Sign a request; returns the headers to add (`X-Sdk-Date`, `Authorization`, ...). */
export function signRequest(req: SignableRequest, options: SignOptions): Record<string, string> {
  const date = formatSdkDate((options.now ?? Date.now)());
  const added: Record<string, string> = { 'X-Sdk-Date': date };
  if (options.unsignedPayload) added['X-Sdk-Content-Sha256'] = UNSIGNED_PAYLOAD;
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries({ ...req.headers, ...added })) {
    if (name.toLowerCase() !== 'authorization') headers.set(name.toLowerCase(), value);
  }
  const signedHeaders = [...headers.keys()].sort();
  const canonical = canonicalRequest({
    method: req.method,
    uri: canonicalUri(req.path),
    query: canonicalQuery(req.rawQuery ?? ''),
    headers: signedHeaders.map((name) => [name, headers.get(name) ?? '']),
    payloadHash: options.unsignedPayload ? UNSIGNED_PAYLOAD : sha256Hex(req.body ?? ''),
  });
  const signature = hmacHex(options.sk, stringToSign(date, canonical));
  added['Authorization'] =
    `${ALGORITHM} Access=${options.ak}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return added;
}

export interface CanonicalParts {
  method: string;
  uri: string;
  query: string;
  /** [lowercase name, value] in signed order. */
  headers: Array<[string, string]>;
  payloadHash: string;
}

export function canonicalRequest(parts: CanonicalParts): string {
  const headerBlock = parts.headers.map(([name, value]) => `${name}:${value.trim()}\n`).join('');
  const signedHeaders = parts.headers.map(([name]) => name).join(';');
  return [
    parts.method.toUpperCase(),
    parts.uri,
    parts.query,
    headerBlock,
    signedHeaders,
    parts.payloadHash,
  ].join('\n');
}

export function stringToSign(sdkDate: string, canonical: string): string {
  return `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

/** Encode each segment of a wire path as the official SDK does, with a trailing '/'. */
export function canonicalUri(path: string): string {
  const encoded = path.split('/').map(percentEncode).join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** Sorted, re-encoded query; a bare `key` counts as `key=`, and '+' is a space (form style). */
export function canonicalQuery(rawQuery: string): string {
  const byKey = new Map<string, string[]>();
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1));
    byKey.set(key, [...(byKey.get(key) ?? []), value]);
  }
  return [...byKey.keys()]
    .sort()
    .flatMap((key) =>
      (byKey.get(key) ?? []).sort().map((v) => `${percentEncode(key)}=${percentEncode(v)}`),
    )
    .join('&');
}

/** RFC 3986: keep A-Z a-z 0-9 - _ . ~, percent-encode every other UTF-8 byte (upper hex). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function formatSdkDate(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Parse `YYYYMMDDTHHMMSSZ` (UTC) to epoch ms, or undefined when malformed. */
export function parseSdkDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as number[];
  const ms = Date.UTC(year ?? 0, (month ?? 0) - 1, day, hour, minute, second);
  // Date.UTC rolls over out-of-range parts (month 13); the round trip catches that.
  return formatSdkDate(ms) === value ? ms : undefined;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function hmacHex(key: string, data: string): string {
  return createHmac('sha256', key).update(data).digest('hex');
}

function decodeComponent(value: string): string {
  const spaced = value.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
