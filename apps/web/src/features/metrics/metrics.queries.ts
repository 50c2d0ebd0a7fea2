import type { MetricsRangeSeconds, NamespaceTopResponse, PodMetricsResponse } from '@cci/model';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../api/http.ts';

/** Until the first answer says how often the BFF scrapes. */
export const FALLBACK_REFRESH_MS = 15_000;

/** Refetch as often as the BFF scrapes: every answer may carry one new point per series. */
export function refreshMs(data: { intervalSeconds: number } | undefined): number {
  const seconds = data?.intervalSeconds;
  return seconds && seconds > 0 ? seconds * 1000 : FALLBACK_REFRESH_MS;
}

const enc = encodeURIComponent;

export function podMetricsPath(namespace: string, pod: string, range: MetricsRangeSeconds): string {
  return `/api/metrics/namespaces/${enc(namespace)}/pods/${enc(pod)}?range=${range}`;
}

export function namespaceTopPath(namespace: string, range: MetricsRangeSeconds): string {
  return `/api/metrics/namespaces/${enc(namespace)}/top?range=${range}`;
}

export const metricsKeys = {
  all: ['metrics'] as const,
  region: (region: string) => [...metricsKeys.all, region] as const,
  pod: (region: string, namespace: string, pod: string, range: MetricsRangeSeconds) =>
    [...metricsKeys.region(region), namespace, 'pod', pod, range] as const,
  top: (region: string, namespace: string, range: MetricsRangeSeconds) =>
    [...metricsKeys.region(region), namespace, 'top', range] as const,
};

export const metricsQueries = {
  pod: (region: string, namespace: string, pod: string, range: MetricsRangeSeconds) =>
    queryOptions({
      queryKey: metricsKeys.pod(region, namespace, pod, range),
      queryFn: ({ signal }) =>
        apiFetch<PodMetricsResponse>(podMetricsPath(namespace, pod, range), { signal }),
      refetchInterval: (query) => refreshMs(query.state.data),
      // Keep this pod's chart while another range loads instead of flashing a spinner.
      placeholderData: (previous) =>
        previous?.namespace === namespace && previous.pod === pod ? previous : undefined,
    }),
  top: (region: string, namespace: string, range: MetricsRangeSeconds) =>
    queryOptions({
      queryKey: metricsKeys.top(region, namespace, range),
      queryFn: ({ signal }) =>
        apiFetch<NamespaceTopResponse>(namespaceTopPath(namespace, range), { signal }),
      refetchInterval: (query) => refreshMs(query.state.data),
      placeholderData: (previous) => (previous?.namespace === namespace ? previous : undefined),
    }),
};
