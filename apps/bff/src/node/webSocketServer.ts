import { EXEC_PROTOCOL } from '@cci/model';
import { WebSocketServer } from 'ws';

/** A browser's terminal frames are keystrokes, pastes and resizes: 64 KiB is plenty. */
export const MAX_BROWSER_FRAME_BYTES = 64 * 1024;

/**
 * The `websocket` option of `serve()` (@hono/node-server 2): upgrades run through the app like
 * any request (security headers, Origin and session checks, the route), and only a route that
 * calls `upgradeWebSocket` completes the handshake. Every server of the BFF passes it.
 */
export function bffWebSocketOption(): { server: WebSocketServer } {
  return {
    server: new WebSocketServer({
      noServer: true,
      maxPayload: MAX_BROWSER_FRAME_BYTES,
      perMessageDeflate: false,
      // The route refused any handshake that does not offer it.
      handleProtocols: (offered) => (offered.has(EXEC_PROTOCOL) ? EXEC_PROTOCOL : false),
    }),
  };
}
