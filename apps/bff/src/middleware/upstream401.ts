import { appFactory } from '../appEnv.ts';
import { UpstreamUnauthorized } from '../status.ts';

/**
 * For a sub-app that passes CCI's answers through (the proxy), mounted after requireSession:
 * a 401 answered under a session is CCI refusing its credentials, so it becomes the
 * UpstreamUnauthorized error, which the one onError answers by ending the session.
 */
export function upstream401() {
  return appFactory.createMiddleware(async (c, next) => {
    await next();
    if (c.res.status === 401 && c.get('session')) {
      await c.res.body?.cancel();
      throw new UpstreamUnauthorized();
    }
  });
}
