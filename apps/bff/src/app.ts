import { Hono } from 'hono';
import type { AppDeps } from './deps.ts';

/**
 * Builds the BFF. Areas are sub-apps mounted with app.route(); middleware comes from one file
 * each under middleware/. Tests call createApp with injected deps; index.ts only listens.
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.text('ok'));
  void deps;
  return app;
}
