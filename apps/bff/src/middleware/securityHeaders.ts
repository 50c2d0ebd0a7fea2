import { appFactory } from '../appEnv.ts';

export interface SecurityHeadersOptions {
  /** Sends Strict-Transport-Security (subdomains too); only when the browser reaches us over
   * HTTPS. */
  hsts: boolean;
}

/**
 * No inline script or style, nothing from other origins; Monaco's workers start from blob:
 * URLs. Style stays strict: if the built SPA needs inline styles, use CSS files, the CSSOM or
 * constructable stylesheets rather than 'unsafe-inline' (Monaco does: web features/editor/
 * monacoStyles.ts and monacoStyleAttributes.ts). data: images are for Monaco's squiggles.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self' blob:",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Sets the headers every answer gets on `target`: the middleware's work, shared with the proxy's
 * fast path (`routes/proxyFastPath.ts`), whose answers never pass the middleware.
 */
export function securityHeaderSetter(
  options: SecurityHeadersOptions,
): (target: Headers, path: string) => void {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(options.hsts ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  return function setAll(target: Headers, path: string) {
    for (const [name, value] of Object.entries(headers)) target.set(name, value);
    // API answers hold the user's data: no cache, no proxy, no back/forward copy keeps them.
    if (path === '/api' || path.startsWith('/api/')) target.set('Cache-Control', 'no-store');
  };
}

export function securityHeaders(options: SecurityHeadersOptions) {
  const setAll = securityHeaderSetter(options);
  return appFactory.createMiddleware(async (c, next) => {
    await next();
    let res = c.res;
    try {
      setAll(res.headers, c.req.path);
    } catch {
      // A Response with immutable headers (e.g. straight from fetch): copy it once.
      res = new Response(res.body, res);
      setAll(res.headers, c.req.path);
      c.res = res;
    }
  });
}
