import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './securityHeaders.ts';

describe('Content-Security-Policy', () => {
  it('is exactly the strict policy: Monaco and the charts run under it without loosening', () => {
    // Changing it is a decision (docs/architecture.md, Editor): the SPA's inline-style needs are
    // met through the CSSOM and constructable stylesheets, never by 'unsafe-inline'.
    expect(contentSecurityPolicy).toBe(
      [
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
      ].join('; '),
    );
    expect(contentSecurityPolicy).not.toMatch(/unsafe|style-src-attr|style-src-elem|nonce-/);
  });

  it('is sent on every answer, also on responses whose headers are immutable', async () => {
    const app = new Hono();
    app.use(securityHeaders({ hsts: false }));
    app.get('/page', (c) => c.text('ok'));
    app.get('/api/fetched', () => Response.redirect('http://127.0.0.1/elsewhere', 302));
    for (const path of ['/page', '/api/fetched']) {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy'), path).toBe(contentSecurityPolicy);
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
    expect((await app.request('/api/fetched')).headers.get('cache-control')).toBe('no-store');
  });
});
