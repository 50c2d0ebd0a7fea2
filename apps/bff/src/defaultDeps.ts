import type { AppDeps } from './deps.ts';
import type { Env } from './env.ts';

/** Production wiring: in-memory sessions, the real upstream client, JSON lines on stdout. */
export function createDefaultDeps(env: Env): AppDeps {
  throw new Error(`not wired yet for ${env.HOST}`);
}
