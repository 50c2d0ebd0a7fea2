import { createFactory } from 'hono/factory';
import type { Session } from './session/types.ts';

/**
 * Hono's per-request variables, declared once for the app, its sub-apps and middleware. A
 * module of its own: app.ts imports every area, so an area importing app.ts would close a
 * circle. `session` is absent until requireSession (or sign-in) sets it.
 */
export interface AppEnv {
  Variables: { session?: Session };
}

/** The same behind requireSession, which guarantees the session. */
export interface SessionEnv {
  Variables: { session: Session };
}

/** Sub-apps (`appFactory.createApp()`) and middleware (`appFactory.createMiddleware()`). */
export const appFactory = createFactory<AppEnv>();
