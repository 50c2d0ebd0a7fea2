import type { ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import { ApiError } from './errors.ts';

/** What a handler answers; the server writes it. Watches and proxies write the response themselves. */
export type JsonReply = {
  type: 'json';
  status: number;
  body: string;
  headers?: Record<string, string>;
};

export type Reply =
  | JsonReply
  | {
      type: 'raw';
      status: number;
      contentType: string;
      body: string | Uint8Array;
      headers?: Record<string, string>;
    }
  | { type: 'streaming' };

export function json(status: number, body: unknown, headers?: Record<string, string>): JsonReply {
  return {
    type: 'json',
    status,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(headers ? { headers } : {}),
  };
}

/** Kubernetes sends admission warnings as RFC 7234 warn-code 299 headers; kubectl prints them. */
export function warningHeader(warnings: readonly string[]): Record<string, string> | undefined {
  if (warnings.length === 0) return undefined;
  return {
    Warning: warnings.map((w) => `299 - ${JSON.stringify(w.replace(/[\r\n]+/g, ' '))}`).join(', '),
  };
}

/**
 * As the Kubernetes API server (APIResponseCompression): an answer over 128 KiB is gzipped, at
 * level 1, when the client's Accept-Encoding lists gzip (kubectl's does); smaller ones and
 * watches go plain. Non-streamed answers carry their Content-Length, as Go's server sets it.
 */
export const GZIP_THRESHOLD_BYTES = 128 * 1024;

export function writeReply(res: ServerResponse, reply: Reply): void {
  if (reply.type === 'streaming') return;
  const headers: Record<string, string | number> = { ...reply.headers };
  headers['Content-Type'] = reply.type === 'json' ? 'application/json' : reply.contentType;
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  if (body.byteLength > GZIP_THRESHOLD_BYTES && acceptsGzip(res.req?.headers['accept-encoding'])) {
    headers['Content-Encoding'] = 'gzip';
    headers['Vary'] = 'Accept-Encoding';
    res.writeHead(reply.status, headers);
    const gzip = createGzip({ level: 1 });
    gzip.pipe(res);
    gzip.end(body);
    return;
  }
  headers['Content-Length'] = body.byteLength;
  res.writeHead(reply.status, headers);
  res.end(body);
}

/** The API server's test: a comma-separated token that is exactly "gzip" (q-values ignored). */
function acceptsGzip(header: string | undefined): boolean {
  return header !== undefined && header.split(',').some((token) => token.trim() === 'gzip');
}

export function errorReply(error: unknown): JsonReply {
  if (error instanceof ApiError) return json(error.code, error.toStatus());
  // Never a stack trace on the wire: the message only says what failed.
  const message = error instanceof Error ? error.message : String(error);
  return json(
    500,
    new ApiError(500, 'InternalError', `Internal error occurred: ${message}`).toStatus(),
  );
}
