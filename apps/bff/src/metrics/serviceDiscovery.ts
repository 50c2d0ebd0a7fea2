import type { Region } from '@cci/model';
import { podFacts } from './podTarget.ts';
import { proxyPath } from './transport.ts';

/** One entry of Prometheus' http_sd_configs answer. */
export interface SdTargetGroup {
  targets: string[];
  labels: Record<string, string>;
}

interface Listed {
  metadata?: { name?: string; namespace?: string };
}

/**
 * The exporters of a namespace as Prometheus targets: the region's API server as the address,
 * the pod proxy path as `__metrics_path__` (as the BFF's proxy transport scrapes), one group per
 * running pod with metrics on (M1). Prometheus authenticates to CCI with its own credentials.
 * Labels: namespace and pod; `container` comes with every exporter series itself (a target
 * label would clash with it), so the exporter's labels arrive untouched.
 */
export function sdTargetGroups(
  region: Region,
  namespace: string,
  pods: unknown[],
): SdTargetGroup[] {
  const endpoint = new URL(region.cciEndpoint);
  const basePath = endpoint.pathname.replace(/\/+$/, '');
  const groups: SdTargetGroup[] = [];
  for (const item of pods) {
    const name = (item as Listed).metadata?.name ?? '';
    let facts;
    try {
      facts = podFacts(item, { namespace, name });
    } catch {
      continue; // not a pod of this namespace, or a name unfit for a path
    }
    if (facts.kind !== 'scrapable') continue;
    groups.push({
      targets: [endpoint.host],
      labels: {
        __scheme__: endpoint.protocol.replace(':', ''),
        __metrics_path__: `${basePath}${proxyPath(facts.target)}`,
        namespace,
        pod: facts.name,
        cci_region: region.id,
      },
    });
  }
  return groups.sort((a, b) => (a.labels['pod'] ?? '').localeCompare(b.labels['pod'] ?? ''));
}
