import {
  defaultMetricsRangeSeconds,
  findRegion,
  metricsRangesSeconds,
  type MetricsRangeSeconds,
  type SdTokenResponse,
} from '@cci/model';
import type { Hono } from 'hono';
import { appFactory, type AppEnv } from '../appEnv.ts';
import type { AppDeps } from '../deps.ts';
import { requireSession } from '../middleware/requireSession.ts';
import { metricsMessages } from '../metrics/messages.ts';
import type { PodEntry } from '../metrics/metricsHub.ts';
import { podFacts } from '../metrics/podTarget.ts';
import { podResponse, topResponse } from '../metrics/responses.ts';
import { bearerToken } from '../metrics/sdTokens.ts';
import { sdTargetGroups } from '../metrics/serviceDiscovery.ts';
import { createMetricsServices, type MetricsServices } from '../metrics/wiring.ts';
import { isSessionLive } from '../session/lifetime.ts';
import { fieldError, statusError, UpstreamUnauthorized } from '../status.ts';

export const SD_PATH_TEMPLATE = '/api/metrics/sd/namespaces/{namespace}';

function rangeOf(raw: string | undefined): MetricsRangeSeconds {
  if (raw === undefined || raw === '') return defaultMetricsRangeSeconds;
  const found = metricsRangesSeconds.find((r) => String(r) === raw);
  if (found !== undefined) return found;
  const allowed = metricsRangesSeconds.join(', ');
  throw fieldError('FieldValueNotSupported', 'range', metricsMessages.badRange, { allowed });
}

/**
 * /api/metrics (issue #8): charts of a pod, the namespace overview, and Prometheus service
 * discovery. Everything a user sees is first read with that user's own credentials.
 *   GET    /namespaces/:ns/pods/:pod?range=  PodMetricsResponse
 *   GET    /namespaces/:ns/top?range=        NamespaceTopResponse
 *   POST   /sd-tokens                        SdTokenResponse (one per session; replaces)
 *   DELETE /sd-tokens                        revokes it
 *   GET    /sd/namespaces/:ns                http_sd_configs JSON (Bearer SD token, no cookie)
 */
export function metricsRoutes(
  deps: AppDeps,
  services: MetricsServices = createMetricsServices(deps),
): Hono<AppEnv> {
  const { hub, access, sdTokens, intervalSeconds } = services;
  deps.shutdown?.addEventListener('abort', () => hub.close(), { once: true });
  const app = appFactory.createApp();
  // CCI refusing the session's credentials (UpstreamUnauthorized from access) ends the session
  // in the app's onError, as in every other area.
  const withSession = requireSession(deps);

  app.get('/namespaces/:ns/pods/:pod', withSession, async (c) => {
    const session = c.get('session');
    const range = rangeOf(c.req.query('range'));
    const facts = await access.pod(session, c.req.param('ns') ?? '', c.req.param('pod') ?? '');
    const entry = await hub.view(session, facts);
    c.header('Cache-Control', 'no-store');
    return c.json(podResponse(entry, range, intervalSeconds, deps.now()));
  });

  app.get('/namespaces/:ns/top', withSession, async (c) => {
    const session = c.get('session');
    const range = rangeOf(c.req.query('range'));
    const namespace = c.req.param('ns') ?? '';
    const pods = await access.pods(session, namespace);
    const entries: Promise<PodEntry>[] = [];
    for (const item of pods.slice(0, services.topMaxPods)) {
      const name = (item as { metadata?: { name?: string } }).metadata?.name ?? '';
      let facts;
      try {
        facts = podFacts(item, { namespace, name });
      } catch {
        continue;
      }
      entries.push(hub.view(session, facts));
    }
    c.header('Cache-Control', 'no-store');
    return c.json(
      topResponse(namespace, await Promise.all(entries), range, intervalSeconds, deps.now()),
    );
  });

  app.post('/sd-tokens', withSession, async (c) => {
    const session = c.get('session');
    const body: SdTokenResponse = {
      token: await sdTokens.create(session.id),
      expiresAtMs: session.expiresAt,
      sdPathTemplate: SD_PATH_TEMPLATE,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body, 201);
  });

  app.delete('/sd-tokens', withSession, async (c) => {
    await sdTokens.revoke(c.get('session').id);
    return c.body(null, 204);
  });

  app.get('/sd/namespaces/:ns', async (c) => {
    const token = bearerToken(c.req.header('Authorization'));
    const sessionId = token === undefined ? undefined : await sdTokens.sessionOf(token);
    const session = sessionId === undefined ? undefined : await deps.sessions.get(sessionId);
    // Not touched: Prometheus polling must not keep a browser session alive.
    if (!session || !isSessionLive(session, deps.now(), deps.env.SESSION_IDLE_SECONDS * 1000)) {
      if (sessionId) await sdTokens.revoke(sessionId);
      throw statusError(401, metricsMessages.sdUnauthorized);
    }
    const region =
      deps.env.regions.find((r) => r.id === session.region) ?? findRegion(session.region);
    if (!region) throw statusError(401, metricsMessages.sdUnauthorized);
    const namespace = c.req.param('ns') ?? '';
    let pods: unknown[];
    try {
      pods = await access.pods(session, namespace);
    } catch (error) {
      if (error instanceof UpstreamUnauthorized) {
        await sdTokens.revoke(session.id);
        await deps.sessions.delete(session.id);
        throw statusError(401, metricsMessages.sdUnauthorized);
      }
      throw error;
    }
    c.header('Cache-Control', 'no-store');
    return c.json(sdTargetGroups(region, namespace, pods));
  });

  return app;
}
