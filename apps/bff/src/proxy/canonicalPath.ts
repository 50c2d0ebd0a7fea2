import type { Message } from '../messages.ts';
import { proxyMessages as msg } from './messages.ts';

/**
 * Turns a raw request path into decoded segments, or refuses it. Everything the proxy forwards is
 * rebuilt from these segments, so the checks here are what keeps a crafted path (dot segments,
 * encoded slashes, double encoding, control characters) from meaning something else upstream.
 */
export type CanonicalPath = { ok: true; segments: string[] } | { ok: false; message: Message };

/** Characters allowed raw in a request path (RFC 3986 pchar and '/'), ASCII only. */
const rawPathPattern = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/;
/** After decoding once, a segment holds only what names, groups and versions use. */
const decodedSegmentPattern = /^[A-Za-z0-9\-._~:]+$/;
/**
 * Encoded bytes that are refused outright: '/', '.', '\', '%' (double encoding), controls, and
 * anything non-ASCII. Only characters that are harmless once decoded may arrive encoded.
 */
function refusedEscape(hex: string): boolean {
  const byte = Number.parseInt(hex, 16);
  return (
    byte === 0x2f || byte === 0x2e || byte === 0x5c || byte === 0x25 || byte < 0x20 || byte >= 0x7f
  );
}

function decodeSegment(raw: string): string | undefined {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const hex = raw.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex) || refusedEscape(hex)) return undefined;
    out += String.fromCharCode(Number.parseInt(hex, 16));
    i += 2;
  }
  return out;
}

export function canonicalPath(rawPath: string): CanonicalPath {
  if (!rawPath.startsWith('/')) return { ok: false, message: msg.pathNotAbsolute };
  if (!rawPathPattern.test(rawPath)) {
    return { ok: false, message: msg.pathCharacters };
  }
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    if (raw === '') return { ok: false, message: msg.pathEmptySegment };
    const decoded = decodeSegment(raw);
    if (decoded === undefined) {
      return { ok: false, message: msg.pathEncoding };
    }
    if (decoded === '.' || decoded === '..') {
      return { ok: false, message: msg.pathDotSegment };
    }
    if (!decodedSegmentPattern.test(decoded)) {
      return { ok: false, message: msg.pathCharacters };
    }
    segments.push(decoded);
  }
  return { ok: true, segments };
}
