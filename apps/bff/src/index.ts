import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { parseEnv } from './env.ts';
import { createDefaultDeps } from './defaultDeps.ts';
import { nodeFetchHandler } from './node/fetchHandler.ts';
import { bffWebSocketOption } from './node/webSocketServer.ts';

const env = parseEnv(process.env);
const app = createApp(createDefaultDeps(env));
serve(
  {
    fetch: nodeFetchHandler(app),
    websocket: bffWebSocketOption(),
    port: env.PORT,
    hostname: env.HOST,
  },
  (info) => {
    console.log(`CCI Console BFF listening on http://${info.address}:${info.port}`);
  },
);
