import { EXEC_PROTOCOL } from '@cci/model';
import { upgradeWebSocket } from '@hono/node-server';
import type { Hono } from 'hono';
import type WebSocket from 'ws';
import { appFactory, type AppEnv } from '../appEnv.ts';
import type { AppDeps } from '../deps.ts';
import { ExecRelay } from '../exec/execRelay.ts';
import { offeredProtocols, parseExecTarget, type ExecTarget } from '../exec/execTarget.ts';
import { execMessages } from '../exec/messages.ts';
import { liveIdlePolicy } from '../live/liveActivity.ts';
import { liveConnectionsOf } from '../live/liveConnections.ts';
import { sessionOf } from '../middleware/requireSession.ts';
import type { Session } from '../session/types.ts';
import { statusError } from '../status.ts';
import { createUpstreamSockets, type UpstreamSockets } from '../upstream/socket.ts';

/**
 * /api/exec/namespaces/{ns}/pods/{pod}?container=&command=: a terminal. Mounted behind
 * sameOriginUpgrade and requireSession (403/401 before any upgrade); the command must be one
 * of the allowed shells (400). The upgraded socket speaks v5.channel.k8s.io and is relayed to
 * CCI's pods/exec by ExecRelay, which also answers caps, idle time and the session's end.
 */
export function execRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = appFactory.createApp();
  const live = liveConnectionsOf(deps);
  const sockets: UpstreamSockets = deps.upstreamSockets ?? createUpstreamSockets({ env: deps.env });
  const idle = liveIdlePolicy(deps.env);

  const audit = (session: Session, target: ExecTarget, status: number) =>
    deps.log({
      time: new Date(deps.now()).toISOString(),
      type: 'audit',
      user: session.user.name,
      domain: session.domain.name,
      region: session.region,
      method: 'GET',
      action: 'exec',
      namespace: target.namespace,
      pod: target.pod,
      container: target.container ?? null,
      command: target.command,
      status,
    });

  app.get(
    '/namespaces/:namespace/pods/:pod',
    async (c, next) => {
      const upgrade = c.req.header('Upgrade')?.toLowerCase() === 'websocket';
      if (
        !upgrade ||
        !offeredProtocols(c.req.header('Sec-WebSocket-Protocol')).includes(EXEC_PROTOCOL)
      )
        throw statusError(400, execMessages.notAnUpgrade, { protocol: EXEC_PROTOCOL });
      await next();
    },
    upgradeWebSocket((c) => {
      const session = sessionOf(c);
      const target = parseExecTarget(
        { namespace: c.req.param('namespace') ?? '', pod: c.req.param('pod') ?? '' },
        new URL(c.req.url).searchParams,
      );
      let relay: ExecRelay | undefined;
      return {
        onOpen(_event, ws) {
          relay = new ExecRelay(ws.raw as WebSocket, session, target, {
            live,
            sockets,
            endSession: (id) => deps.sessions.delete(id),
            audit: ({ status }) => audit(session, target, status),
            idle,
            activity: deps,
          });
          void relay.start();
        },
        onMessage(event) {
          relay?.fromBrowser(event.data as ArrayBuffer | string);
        },
        onClose() {
          relay?.browserClosed();
        },
      };
    }),
  );
  return app;
}
