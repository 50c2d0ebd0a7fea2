import { describe, expect, it } from 'vitest';
import { namespaceTopPath, podMetricsPath } from '../../lib/kube/bff.ts';
import { FALLBACK_REFRESH_MS, metricsQueries, refreshMs } from './metrics.queries.ts';

describe('metrics queries', () => {
  it('refetch as often as the BFF scrapes', () => {
    expect(refreshMs({ intervalSeconds: 5 })).toBe(5000);
    expect(refreshMs({ intervalSeconds: 0 })).toBe(FALLBACK_REFRESH_MS);
    expect(refreshMs(undefined)).toBe(FALLBACK_REFRESH_MS);
  });

  it('build the BFF paths with the range and encoded names', () => {
    expect(podMetricsPath('demo', 'nginx-1', 300)).toBe(
      '/api/metrics/namespaces/demo/pods/nginx-1?range=300',
    );
    expect(namespaceTopPath('a b', 3600)).toBe('/api/metrics/namespaces/a%20b/top?range=3600');
  });

  it('key each pod, range and region apart', () => {
    const a = metricsQueries.pod('cn-north-4', 'demo', 'p', 300).queryKey;
    const b = metricsQueries.pod('cn-north-4', 'demo', 'p', 900).queryKey;
    const c = metricsQueries.pod('cn-east-3', 'demo', 'p', 300).queryKey;
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(c);
    expect(metricsQueries.top('cn-north-4', 'demo', 300).queryKey).not.toEqual(a);
  });
});
