/**
 * The BFF's own endpoints beside the Kubernetes proxy (session, regions, metrics, kubeconfig).
 * They live beside the kube client because they share its transport (apiFetch: the CSRF
 * header, 401 → sign in again, reachability): the browser's every URL is built in lib/kube.
 */
import type { MetricsRangeSeconds, NamespaceTopResponse, PodMetricsResponse } from '@cci/model';
import { apiFetch, throwApiError } from './http.ts';

const enc = encodeURIComponent;

/** The BFF's liveness, fetched around apiFetch: it must not report reachability itself. */
export const probeBff = () => fetch('/healthz', { cache: 'no-store' });

/** A link target, not a fetch: the browser downloads the file itself. */
export const kubeconfigHref = '/api/kubeconfig';

export const sessionApi = {
  /** 401 here means "not signed in", not "signed out meanwhile": no expiry dialog. */
  current: <T>(signal?: AbortSignal) =>
    apiFetch<T>('/api/session', { signal, ignoreUnauthorized: true }),
  regions: <T>(signal?: AbortSignal) => apiFetch<T>('/api/regions', { signal }),
  signIn: <T>(request: unknown) =>
    apiFetch<T>('/api/session', { method: 'POST', body: request, ignoreUnauthorized: true }),
  signOut: () => apiFetch<void>('/api/session', { method: 'DELETE', ignoreUnauthorized: true }),
};

export function podMetricsPath(namespace: string, pod: string, range: MetricsRangeSeconds): string {
  return `/api/metrics/namespaces/${enc(namespace)}/pods/${enc(pod)}?range=${range}`;
}

export function namespaceTopPath(namespace: string, range: MetricsRangeSeconds): string {
  return `/api/metrics/namespaces/${enc(namespace)}/top?range=${range}`;
}

export const metricsApi = {
  pod: (namespace: string, pod: string, range: MetricsRangeSeconds, signal?: AbortSignal) =>
    apiFetch<PodMetricsResponse>(podMetricsPath(namespace, pod, range), { signal }),
  top: (namespace: string, range: MetricsRangeSeconds, signal?: AbortSignal) =>
    apiFetch<NamespaceTopResponse>(namespaceTopPath(namespace, range), { signal }),
};

/**
 * A terminal's WebSocket (the BFF relays it to CCI's pods/exec): same origin as the page, so
 * the session cookie goes with it and the BFF's Origin check passes.
 */
export function execSocketUrl(
  target: { namespace: string; pod: string; container: string; command: string },
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = new URLSearchParams({ container: target.container, command: target.command });
  return `${scheme}//${location.host}/api/exec/namespaces/${enc(target.namespace)}/pods/${enc(target.pod)}?${query}`;
}

/** PodLogOptions the BFF's /api/logs takes (routes/logs.ts checks each). */
export interface PodLogOptions {
  container?: string | undefined;
  follow?: boolean;
  previous?: boolean;
  timestamps?: boolean;
  sinceSeconds?: number | undefined;
  tailLines?: number | undefined;
  download?: boolean;
}

export function podLogPath(namespace: string, pod: string, options: PodLogOptions): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === false || value === '') continue;
    query.set(key, String(value));
  }
  const search = query.toString();
  return `/api/logs/namespaces/${enc(namespace)}/pods/${enc(pod)}/log${search ? `?${search}` : ''}`;
}

export const logsApi = {
  /** The log as a byte stream (a follow stays open); a refusal throws ApiError. */
  async open(namespace: string, pod: string, options: PodLogOptions, signal: AbortSignal) {
    const response = await fetch(podLogPath(namespace, pod, options), {
      credentials: 'same-origin',
      signal,
    });
    if (!response.ok) await throwApiError(response);
    return response;
  },
  /** A link target: the browser downloads the whole log from the BFF (an attachment). */
  downloadHref: (namespace: string, pod: string, options: PodLogOptions) =>
    podLogPath(namespace, pod, { ...options, follow: false, tailLines: undefined, download: true }),
};
