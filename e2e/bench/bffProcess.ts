import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, createDefaultDeps, nodeFetchHandler, parseEnv } from '@cci/bff';

/**
 * The list bench's BFF, in a process of its own so its CPU time per page open can be read apart
 * from the emulator's and the browser's: the production wiring (createApp, createDefaultDeps)
 * with the environment the parent passes, warnings only. Tells the parent its URL, then answers
 * 'cpu' (process.cpuUsage) and 'memory' until the parent goes.
 */
const env = parseEnv(process.env);
const deps = createDefaultDeps(env);
deps.log = (line) => {
  if (line['level'] === 'error' || line['level'] === 'warn') console.error(JSON.stringify(line));
};
const handle = nodeFetchHandler(createApp(deps));
/** Event streams opened: more than one per page open means a tab was cut and reconnected. */
let streams = 0;
const server = serve(
  {
    fetch: (request, env) => {
      if (request.method === 'GET' && new URL(request.url).pathname === '/api/stream') streams++;
      return handle(request, env);
    },
    port: 0,
    hostname: '127.0.0.1',
  },
  () => process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
);
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage(), streams });
  if (message === 'memory') process.send?.({ memory: process.memoryUsage() });
});
process.on('disconnect', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
