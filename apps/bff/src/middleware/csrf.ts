import { appFactory } from '../appEnv.ts';
import { messages } from '../messages.ts';
import { statusError } from '../status.ts';

export interface CsrfOptions {
  /** The browser-facing origins (PUBLIC_ORIGIN); when empty, the origin the request itself was
   * sent to, which a DNS-rebinding page controls through Host: set them in every deployment. */
  publicOrigins?: readonly string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CONSOLE_HEADER = 'X-CCI-Console';

/**
 * Refuses state-changing requests not made by the console's own scripts: they must carry
 * `X-CCI-Console: 1` (a custom header, which a cross-origin page cannot send without a CORS
 * preflight we never approve) and come from our origin (Origin equal to it, or, without Origin,
 * Sec-Fetch-Site: same-origin). A Sec-Fetch-Site other than same-origin is refused outright.
 */
export function csrf(options: CsrfOptions = {}) {
  const configured = options.publicOrigins?.length ? options.publicOrigins : undefined;
  return appFactory.createMiddleware(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const refuse = (why: string): never => {
      throw statusError(403, messages.csrfRefused, { why });
    };
    if (c.req.header(CONSOLE_HEADER) !== '1') refuse(`no ${CONSOLE_HEADER}: 1 header`);
    const fetchSite = c.req.header('Sec-Fetch-Site');
    if (fetchSite !== undefined && fetchSite !== 'same-origin') {
      refuse(`Sec-Fetch-Site is ${fetchSite}`);
    }
    const origin = c.req.header('Origin');
    const expected = configured ?? [new URL(c.req.url).origin];
    if (origin !== undefined && !expected.includes(origin)) refuse('Origin is not the console');
    if (origin === undefined && fetchSite !== 'same-origin') refuse('no Origin header');
    await next();
  });
}
