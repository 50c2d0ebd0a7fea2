/** The BFF's entry for other workspaces (the console launcher, tests): build and configure. */
export { createApp } from './app.ts';
export { createDefaultDeps } from './defaultDeps.ts';
export { parseEnv, type Env } from './env.ts';
export { nodeFetchHandler } from './node/fetchHandler.ts';
export { bffWebSocketOption } from './node/webSocketServer.ts';
