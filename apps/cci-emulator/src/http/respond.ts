import type { ServerResponse } from 'node:http';
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

export function writeReply(res: ServerResponse, reply: Reply): void {
  if (reply.type === 'streaming') return;
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.type === 'json') {
    headers['Content-Type'] = 'application/json';
    res.writeHead(reply.status, headers);
    res.end(reply.body);
  } else {
    headers['Content-Type'] = reply.contentType;
    res.writeHead(reply.status, headers);
    res.end(reply.body);
  }
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
