import { asArray, asNumber, asText, field, type KubeObject } from './objects.ts';

/** P12: READY is ready/total containers. */
export function podReady(pod: KubeObject): string {
  const statuses = asArray(field(pod, 'status.containerStatuses'));
  const total = asArray(field(pod, 'spec.containers')).length;
  const ready = statuses.filter((s) => field(s, 'ready') === true).length;
  return `${ready}/${total}`;
}

export function podRestarts(pod: KubeObject): number {
  return asArray(field(pod, 'status.containerStatuses')).reduce<number>(
    (sum, s) => sum + asNumber(field(s, 'restartCount')),
    0,
  );
}

/** Like kubectl: a waiting/terminated container's reason beats the phase; deletion shows Terminating. */
export function podStatus(pod: KubeObject): string {
  if (pod.metadata['deletionTimestamp']) return 'Terminating';
  const reason = asText(field(pod, 'status.reason'));
  let shown = reason || asText(field(pod, 'status.phase')) || 'Unknown';
  for (const s of asArray(field(pod, 'status.containerStatuses'))) {
    const waiting = asText(field(s, 'state.waiting.reason'));
    const terminated = asText(field(s, 'state.terminated.reason'));
    if (waiting) shown = waiting;
    else if (terminated && shown !== 'Running') shown = terminated;
  }
  return shown;
}

/** E4: the EIP CCI bound to the pod (from a pool or with the pod); empty when it has none. */
export function podEip(pod: KubeObject): string {
  return pod.metadata.annotations?.['yangtse.io/allocated-ipv4-eip'] ?? '';
}
