// Graceful pod deletion (rule P11: SIGTERM, 30s grace, then SIGKILL), API-server side.
// DELETE of a pod a kubelet runs only marks it (deletionTimestamp = now + grace,
// deletionGracePeriodSeconds = grace); the kubelet emulation (pods.ts) removes it when the grace
// period is over. Pods no kubelet runs (unscheduled) or that already finished go at once, and a
// grace of 0 (`kubectl delete --grace-period=0 --force`) removes at once, as in Kubernetes.
// deleteObject (api/deletion.ts) calls markPodForGracefulDeletion first.
import type { KindDescriptor } from '@cci/model';
import type { ApiContext } from '../api/context.ts';
import type { DeleteOptions } from '../api/deleteOptions.ts';
import { timestamp } from '../api/metadata.ts';
import type { KubeObject } from '../store/types.ts';

export const DEFAULT_TERMINATION_GRACE_SECONDS = 30;

interface PodParts {
  spec?: { nodeName?: string; terminationGracePeriodSeconds?: number };
  status?: { phase?: string };
}

/** The grace a delete request gets: the request's, else the pod's, else 30s; 0 = at once. */
export function podGracePeriodSeconds(pod: KubeObject, options: DeleteOptions): number {
  const { spec, status } = pod as PodParts;
  if (!spec?.nodeName || status?.phase === 'Succeeded' || status?.phase === 'Failed') return 0;
  const requested = options.gracePeriodSeconds;
  if (typeof requested === 'number' && Number.isFinite(requested) && requested >= 0)
    return Math.floor(requested);
  return spec.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_SECONDS;
}

/**
 * Marks a running pod for deletion and returns it, or returns undefined when the object is to be
 * removed right away (not a pod, grace 0, not running on the kubelet). A second delete may only
 * shorten the grace period.
 */
export function markPodForGracefulDeletion(
  ctx: ApiContext,
  kind: KindDescriptor,
  current: KubeObject,
  options: DeleteOptions,
): KubeObject | undefined {
  if (kind.group !== '' || kind.kind !== 'Pod') return undefined;
  const grace = podGracePeriodSeconds(current, options);
  if (grace <= 0) return undefined;
  const markedAt = current.metadata.deletionTimestamp;
  if (markedAt) {
    // Its time is up (finalizers held it): let the normal deletion finish.
    if (Date.parse(markedAt) <= ctx.clock.now().getTime()) return undefined;
    // Repeated deletes (and updates of a terminating pod) keep the grace unless asked for less.
    const already = current.metadata.deletionGracePeriodSeconds ?? grace;
    if (options.gracePeriodSeconds === undefined || grace >= already) return current;
  }
  const marked: KubeObject = {
    ...current,
    metadata: {
      ...current.metadata,
      deletionTimestamp: timestamp(new Date(ctx.clock.now().getTime() + grace * 1000)),
      deletionGracePeriodSeconds: grace,
    },
  };
  return ctx.store.put(kind.storageKey, marked);
}
