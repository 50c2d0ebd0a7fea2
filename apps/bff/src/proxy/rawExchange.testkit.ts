import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Test support: HTTP exchanges seen as raw bytes, as a client without a decoder sees them. */

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body bytes as they came (still compressed when Content-Encoding says so). */
  body: Buffer;
  /** The body ended before it was complete (the server cut the connection). */
  aborted: boolean;
}

/** A GET to `origin` (http, or https trusting `ca`), its body collected whole or until cut. */
export function rawExchange(
  origin: string,
  path: string,
  headers: Record<string, string>,
  ca?: string,
): Promise<RawAnswer> {
  const send = origin.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(`${origin}${path}`, { method: 'GET', headers, ca }, (res) => {
      const chunks: Buffer[] = [];
      let aborted = false;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('aborted', () => (aborted = true));
      res.on('error', () => (aborted = true));
      res.on('close', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          aborted: aborted || !res.complete,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Reads a watch until an event names `name`, then leaves; resolves with all text read. */
export function watchUntil(
  origin: string,
  path: string,
  cookie: string,
  name: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { headers: { Cookie: cookie } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes(`"name":"${name}"`) && text.endsWith('\n')) {
          req.destroy();
          resolve(text);
        }
      });
      res.on('error', () => undefined);
    });
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}
