import type { MetricsRangeSeconds } from '@cci/model';
import { queryOptions } from '@tanstack/react-query';
import { metricsApi } from '../../lib/kube/bff.ts';

/** Until the first answer says how often the BFF scrapes. */
export const FALLBACK_REFRESH_MS = 15_000;

/** Refetch as often as the BFF scrapes: every answer may carry one new point per series. */
export function refreshMs(data: { intervalSeconds: number } | undefined): number {
  const seconds = data?.intervalSeconds;
  return seconds && seconds > 0 ? seconds * 1000 : FALLBACK_REFRESH_MS;
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
      queryFn: ({ signal }) => metricsApi.pod(namespace, pod, range, signal),
      refetchInterval: (query) => refreshMs(query.state.data),
      // Keep this pod's chart while another range loads instead of flashing a spinner.
      placeholderData: (previous) =>
        previous?.namespace === namespace && previous.pod === pod ? previous : undefined,
    }),
  top: (region: string, namespace: string, range: MetricsRangeSeconds) =>
    queryOptions({
      queryKey: metricsKeys.top(region, namespace, range),
      queryFn: ({ signal }) => metricsApi.top(namespace, range, signal),
      refetchInterval: (query) => refreshMs(query.state.data),
      placeholderData: (previous) => (previous?.namespace === namespace ? previous : undefined),
    }),
};
