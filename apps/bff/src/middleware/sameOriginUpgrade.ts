import { execMessages } from '../exec/messages.ts';
import { appFactory } from '../appEnv.ts';
import { statusError } from '../status.ts';

/**
 * WebSocket upgrades are GETs, so the CSRF check (csrf.ts) lets them through, and WebSockets
 * have no CORS: any page may open one. SameSite=Strict keeps the cookie off cross-site
 * handshakes but not off same-site ones (another port, a sibling subdomain), so only Origin
 * tells who opened it (Lens' CVE-2021-44458 was this check missing). Origin must be one of the console's (PUBLIC_ORIGIN, or the request's own origin
 * when unset, as csrf.ts); a Sec-Fetch-Site other than same-origin is refused too. 403 before
 * the upgrade.
 */
export function sameOriginUpgrade(options: { publicOrigins?: readonly string[] } = {}) {
  const configured = options.publicOrigins?.length ? options.publicOrigins : undefined;
  return appFactory.createMiddleware(async (c, next) => {
    const refuse = (why: string): never => {
      throw statusError(403, execMessages.originRefused, { why });
    };
    const fetchSite = c.req.header('Sec-Fetch-Site');
    if (fetchSite !== undefined && fetchSite !== 'same-origin')
      refuse(`Sec-Fetch-Site is ${fetchSite}`);
    const origin = c.req.header('Origin');
    if (origin === undefined) refuse('no Origin header');
    const expected = configured ?? [new URL(c.req.url).origin];
    if (!expected.includes(origin as string)) refuse('Origin is not the console');
    await next();
  });
}
