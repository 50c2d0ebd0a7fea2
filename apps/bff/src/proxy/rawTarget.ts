import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';

/**
 * The request target exactly as the browser sent it. Request URLs are normalised by the URL
 * parser ("/a/../b" becomes "/b", "%2e%2e" too), which would hide a traversal attempt from the
 * allow-list; on Node the raw target is still on the IncomingMessage, so it is checked instead.
 */
export function rawRequestTarget(c: Context): { path: string; query: string } {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const target = incoming?.url ?? urlTarget(c.req.url);
  const q = target.indexOf('?');
  return q === -1
    ? { path: target, query: '' }
    : { path: target.slice(0, q), query: target.slice(q + 1) };
}

function urlTarget(url: string): string {
  const afterScheme = url.indexOf('//');
  const slash = url.indexOf('/', afterScheme === -1 ? 0 : afterScheme + 2);
  return slash === -1 ? '/' : url.slice(slash);
}
