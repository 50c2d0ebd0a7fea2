import type { Http2Bindings, HttpBindings } from '@hono/node-server';

export type Bindings = HttpBindings | Http2Bindings;

/**
 * A handler the Node adapter (`fetchHandler.ts`) asks before the app: the Response for one of
 * its requests (sent as the app's are), or undefined when the request is not one of its own.
 * The app registers it (`createApp`); under `app.request` (tests without a server) there is
 * none, and the app answers everything.
 */
export type FastPath = (request: Request, env: Bindings) => Promise<Response> | undefined;

const fastPaths = new WeakMap<object, FastPath>();

export function setFastPath(app: object, fastPath: FastPath): void {
  fastPaths.set(app, fastPath);
}

export function fastPathOf(app: object): FastPath | undefined {
  return fastPaths.get(app);
}
