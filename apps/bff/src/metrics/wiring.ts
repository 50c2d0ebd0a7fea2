import type { AppDeps } from '../deps.ts';
import { PodAccess } from './access.ts';
import { MetricsHub } from './metricsHub.ts';
import { RedisSdTokens } from './redisSdTokens.ts';
import { SdTokens, type SdTokenStore } from './sdTokens.ts';
import { directTransport, proxyTransport, type ScrapeTransport } from './transport.ts';

/** Everything the metrics routes share: one hub (scrapes, history), access cache, SD tokens. */
export interface MetricsServices {
  hub: MetricsHub;
  access: PodAccess;
  sdTokens: SdTokenStore;
  intervalSeconds: number;
  topMaxPods: number;
}

export function createMetricsServices(
  deps: AppDeps,
  overrides: { transport?: ScrapeTransport; startTimer?: boolean } = {},
): MetricsServices {
  const env = deps.env;
  const intervalMs = env.METRICS_SCRAPE_INTERVAL_SECONDS * 1000;
  const transport =
    overrides.transport ??
    (env.METRICS_TRANSPORT === 'direct'
      ? directTransport({ caCertificates: env.caCertificates })
      : proxyTransport(deps.upstream));
  const hub = new MetricsHub(
    {
      sessions: deps.sessions,
      transport,
      now: deps.now,
      sessionIdleMs: env.SESSION_IDLE_SECONDS * 1000,
      log: deps.log,
    },
    {
      intervalMs,
      timeoutMs: env.METRICS_SCRAPE_TIMEOUT_MS,
      maxBodyBytes: env.METRICS_MAX_BODY_BYTES,
      maxConcurrentScrapes: env.METRICS_MAX_CONCURRENT_SCRAPES,
      lingerMs: env.METRICS_LINGER_SECONDS * 1000,
      historyMs: env.METRICS_HISTORY_SECONDS * 1000,
      maxPods: env.METRICS_MAX_PODS,
      // Started by the first look at a pod, stopped when nothing is looked at (metricsHub.ts).
      ...((overrides.startTimer ?? true)
        ? { tickMs: Math.max(250, Math.min(1000, intervalMs / 4)) }
        : {}),
    },
  );
  return {
    hub,
    access: new PodAccess(
      deps.upstream,
      deps.now,
      env.METRICS_ACCESS_CACHE_SECONDS * 1000,
      env.UPSTREAM_TIMEOUT_MS,
    ),
    // Shared when replicas are: Prometheus may poll any of them.
    sdTokens: deps.redis
      ? new RedisSdTokens(deps.redis, env.sessionKeys, env.SESSION_ABSOLUTE_SECONDS)
      : new SdTokens(),
    intervalSeconds: env.METRICS_SCRAPE_INTERVAL_SECONDS,
    topMaxPods: env.METRICS_TOP_MAX_PODS,
  };
}
