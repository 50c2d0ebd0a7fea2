import type { Hono } from 'hono';
import { appFactory, type AppEnv } from '../appEnv.ts';
import type { AppDeps } from '../deps.ts';
import { capExceeded } from '../live/capExceeded.ts';
import { liveConnectionsOf } from '../live/liveConnections.ts';
import { messages } from '../messages.ts';
import { sessionOf } from '../middleware/requireSession.ts';
import { readLimitedBody } from '../proxy/readBody.ts';
import { statusError } from '../status.ts';
import { StreamHub } from '../stream/hub.ts';
import type { Tab } from '../stream/tab.ts';
import { StreamCommandRelay, type StreamCommand } from '../stream/streamCommands.ts';
import type { Session } from '../session/types.ts';
import { streamMessages } from '../stream/messages.ts';
import { negotiateStreamEncoding } from '../stream/streamEncoding.ts';
import { parseSubscriptionSpec } from '../stream/subscriptionSpec.ts';

export interface StreamOptions {
  heartbeatMs?: number;
  /** Rule S4: how often kinds without watch (image snapshots) are listed. */
  pollIntervalMs?: number;
  maxSubscriptionsPerSession?: number;
  maxStreamsPerSession?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  maxBufferedBytes?: number;
}

export function createStreamHub(deps: AppDeps, options: StreamOptions = {}): StreamHub {
  return new StreamHub(
    {
      upstream: deps.upstream,
      sessions: deps.sessions,
      now: deps.now,
      idleMs: deps.env.SESSION_IDLE_SECONDS * 1000,
      listTimeoutMs: deps.env.UPSTREAM_TIMEOUT_MS,
      backoffBaseMs: options.backoffBaseMs ?? 500,
      backoffMaxMs: options.backoffMaxMs ?? 15_000,
      pollIntervalMs: options.pollIntervalMs ?? 5_000,
      log: deps.log,
    },
    {
      heartbeatMs: options.heartbeatMs ?? 15_000,
      maxSubscriptionsPerSession: options.maxSubscriptionsPerSession ?? 50,
      maxStreamsPerSession: options.maxStreamsPerSession ?? 20,
      // A snapshot of thousands of pods is a few MiB; a tab further behind than this is dropped.
      maxBufferedBytes: options.maxBufferedBytes ?? 32 * 1024 * 1024,
    },
  );
}

/**
 * /api/stream: one Server-Sent Events connection per tab (GET), subscriptions managed beside it
 * (POST/DELETE, behind the CSRF check like every state-changing request). Events: `ready`
 * {stream}, then per subscription `snapshot` and `reset` (in parts: `part` 0 starts a state,
 * `complete` ends it), `event` and `error`; `end` when the session ends; a comment line as
 * heartbeat. Compressed (br or gzip, as the browser accepts) with a flush after every event.
 */
export function streamRoutes(deps: AppDeps, hub: StreamHub = createStreamHub(deps)): Hono<AppEnv> {
  const app = appFactory.createApp();
  const live = liveConnectionsOf(deps);

  app.get('/', async (c) => {
    const encoding = negotiateStreamEncoding(c.req.header('Accept-Encoding'));
    const session = sessionOf(c);
    // The stream is a live connection of its session: sign-out, a CCI 401 or expiry end it
    // with an `end` event the SPA understands (it then asks the user to sign in again).
    const opened: { tab?: Tab } = {};
    const registration = await live.register(session, 'stream', () => {
      opened.tab?.send('end', { reason: 'session' });
      opened.tab?.close();
    });
    if (!registration.ok) throw capExceeded('stream', registration);
    let tab: Tab;
    try {
      tab = hub.openTab(session, encoding);
    } catch (error) {
      registration.release();
      throw error;
    }
    opened.tab = tab;
    tab.onClosed(registration.release);
    c.req.raw.signal.addEventListener('abort', () => tab.close(), { once: true });
    return new Response(tab.body, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        // Reverse proxies (nginx) must pass events through as they come.
        'X-Accel-Buffering': 'no',
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
      },
    });
  });

  // With replicas the POST/DELETE may land on a replica that does not hold the stream: the
  // command then goes to the one that does (stream/streamCommands.ts).
  const relay = deps.redis ? new StreamCommandRelay(deps.redis, hub, runCommand) : undefined;
  deps.shutdown?.addEventListener('abort', () => void relay?.close(), { once: true });
  function runCommand(command: StreamCommand, tab: Tab): Response {
    if (command.op === 'subscribe') {
      const id = hub.subscribe(tab, parseSubscriptionSpec(command.body));
      return Response.json({ id }, { status: 201 });
    }
    if (!hub.unsubscribe(tab, command.subscription)) {
      const id = command.subscription.slice(0, 64);
      throw statusError(404, streamMessages.unknownSubscription, { id });
    }
    return new Response(null, { status: 204 });
  }
  const onTab = (streamId: string, session: Session, command: StreamCommand) => {
    const local = hub.localTab(streamId);
    if (relay && (!local || local.sessionId !== session.id)) {
      return relay.send(streamId, session, command);
    }
    return runCommand(command, hub.tab(streamId, session));
  };

  app.post('/:stream/subscriptions', async (c) => {
    const raw = await readLimitedBody(c.req.raw, 16 * 1024);
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(raw ?? new Uint8Array()));
    } catch {
      throw statusError(400, messages.invalidJson);
    }
    parseSubscriptionSpec(body); // a bad spec is refused here, whichever replica holds the stream
    return onTab(c.req.param('stream'), sessionOf(c), { op: 'subscribe', body });
  });

  app.delete('/:stream/subscriptions/:id', (c) =>
    onTab(c.req.param('stream'), sessionOf(c), {
      op: 'unsubscribe',
      subscription: c.req.param('id'),
    }),
  );

  return app;
}
