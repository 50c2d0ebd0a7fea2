import { ofKind } from '../../lib/kube/objects.ts';
import type { KubeObject } from './objects.ts';

/** P12: READY is ready/total containers. */
export function podReady(object: KubeObject): string {
  const pod = ofKind<'Pod'>(object);
  const ready = (pod.status?.containerStatuses ?? []).filter((s) => s.ready === true).length;
  return `${ready}/${pod.spec?.containers?.length ?? 0}`;
}

export function podRestarts(object: KubeObject): number {
  const statuses = ofKind<'Pod'>(object).status?.containerStatuses ?? [];
  return statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0);
}

/** Like kubectl: a waiting/terminated container's reason beats the phase; deletion shows Terminating. */
export function podStatus(object: KubeObject): string {
  if (object.metadata['deletionTimestamp']) return 'Terminating';
  const { status } = ofKind<'Pod'>(object);
  let shown = status?.reason || status?.phase || 'Unknown';
  for (const s of status?.containerStatuses ?? []) {
    const waiting = s.state?.waiting?.reason;
    const terminated = s.state?.terminated?.reason;
    if (waiting) shown = waiting;
    else if (terminated && shown !== 'Running') shown = terminated;
  }
  return shown;
}

/** E4: the EIP CCI bound to the pod (from a pool or with the pod); empty when it has none. */
export function podEip(pod: KubeObject): string {
  return pod.metadata.annotations?.['yangtse.io/allocated-ipv4-eip'] ?? '';
}
