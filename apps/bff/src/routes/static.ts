import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { precompress } from '../staticFiles/precompress.ts';
import { StaticSite } from '../staticFiles/staticSite.ts';

/**
 * The built SPA from STATIC_DIR, mounted last: app.route('/', staticRoutes(deps)). Paths under
 * /api are never answered here (an unknown API path stays a 404 Status, not index.html).
 * Missing .br/.gz variants are written in the background at startup (or by a build step calling
 * precompress); until a variant exists the file goes out uncompressed.
 */
export function staticRoutes(deps: AppDeps, options: { precompressOnStart?: boolean } = {}): Hono {
  const app = new Hono();
  const dir = deps.env.STATIC_DIR;
  if (!dir) return app;
  const site = StaticSite.open(dir).catch((error: unknown) => {
    deps.log({
      time: new Date(deps.now()).toISOString(),
      level: 'error',
      msg: 'STATIC_DIR cannot be served',
      error: errorCode(error),
    });
    return undefined;
  });
  if (options.precompressOnStart ?? true) {
    precompress(dir).then(
      (written) =>
        deps.log({
          time: new Date(deps.now()).toISOString(),
          level: 'info',
          msg: 'static files precompressed',
          written,
        }),
      (error: unknown) =>
        deps.log({
          time: new Date(deps.now()).toISOString(),
          level: 'warn',
          msg: 'static files not precompressed',
          error: errorCode(error),
        }),
    );
  }

  app.on(['GET', 'HEAD'], '*', async (c) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) return c.notFound();
    const response = await (
      await site
    )?.respond({
      method: c.req.method === 'HEAD' ? 'HEAD' : 'GET',
      path,
      acceptEncoding: c.req.header('accept-encoding'),
      ifNoneMatch: c.req.header('if-none-match'),
    });
    return response ?? c.notFound();
  });
  return app;
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'error';
}
