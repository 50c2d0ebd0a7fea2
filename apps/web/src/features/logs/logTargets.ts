import type { TFunction } from 'i18next';

/** A container to read the log of; init containers are marked. */
export interface ContainerChoice {
  name: string;
  init: boolean;
}

/** What a details object's Logs tab reads, decided from the object alone. */
export type LogTarget =
  | { view: 'pod'; namespace: string; pod: string; containers: ContainerChoice[] }
  | {
      view: 'workload';
      namespace: string;
      matchLabels: Record<string, string>;
      containers: ContainerChoice[];
    };

interface PodSpecLike {
  containers?: { name: string }[];
  initContainers?: { name: string }[];
}

interface ObjectLike {
  kind?: string;
  metadata: { name: string; namespace?: string };
  spec?: unknown;
}

const workloadKinds = new Set(['Deployment', 'ReplicaSet', 'Job', 'StatefulSet']);

function choices(spec: PodSpecLike | undefined): ContainerChoice[] {
  return [
    ...(spec?.containers ?? []).map((c) => ({ name: c.name, init: false })),
    ...(spec?.initContainers ?? []).map((c) => ({ name: c.name, init: true })),
  ];
}

export function logTargetOf(object: ObjectLike): LogTarget | undefined {
  const { name, namespace } = object.metadata;
  if (!namespace) return undefined;
  if (object.kind === 'Pod') {
    return { view: 'pod', namespace, pod: name, containers: choices(object.spec as PodSpecLike) };
  }
  if (!object.kind || !workloadKinds.has(object.kind)) return undefined;
  const spec = object.spec as
    | { selector?: { matchLabels?: Record<string, string> }; template?: { spec?: PodSpecLike } }
    | undefined;
  const matchLabels = spec?.selector?.matchLabels;
  if (!matchLabels || Object.keys(matchLabels).length === 0) return undefined;
  return { view: 'workload', namespace, matchLabels, containers: choices(spec?.template?.spec) };
}

/** A workload's pods among a namespace's: its selector's labels all match, not being deleted. */
export function workloadPods(
  pods: readonly {
    metadata: { name: string; labels?: Record<string, string>; deletionTimestamp?: string };
  }[],
  matchLabels: Record<string, string>,
): string[] {
  return pods
    .filter((p) => !p.metadata.deletionTimestamp)
    .filter((p) => Object.entries(matchLabels).every(([k, v]) => p.metadata.labels?.[k] === v))
    .map((p) => p.metadata.name)
    .sort();
}

interface PodStatusLike {
  metadata: { name: string };
  status?: {
    containerStatuses?: { state?: object & { running?: unknown; terminated?: unknown } }[];
  };
}

/**
 * The pods with a log to read: a container has started. A pod still creating its containers
 * has none yet (CCI answers 400 "waiting to start"); it joins when the live list says it runs.
 */
export function podsWithLog(pods: readonly PodStatusLike[]): Set<string> {
  return new Set(
    pods
      .filter((p) =>
        (p.status?.containerStatuses ?? []).some((c) => c.state?.running || c.state?.terminated),
      )
      .map((p) => p.metadata.name),
  );
}

/**
 * The most pods a workload's Logs tab reads at once. The BFF lets a session follow 10 logs at a
 * time (its live-connection cap, apps/bff/src/live/liveConnections.ts); 8 leaves room for a pod's
 * Logs tab or a terminal next to it, so no follow of the workload is refused.
 */
export const MAX_WORKLOAD_LOG_PODS = 8;

/**
 * The pods to read out of a workload's pods: the ones already read stay while they exist (their
 * streams go on), free places go to the others in name order, at most `max`.
 */
export function podsToRead(
  all: readonly string[],
  reading: readonly string[],
  max = MAX_WORKLOAD_LOG_PODS,
): string[] {
  const present = new Set(all);
  const chosen = reading.filter((p) => present.has(p)).slice(0, max);
  for (const pod of all) {
    if (chosen.length >= max) break;
    if (!chosen.includes(pod)) chosen.push(pod);
  }
  return chosen;
}

/** The workload's pod count: "3 pods", "showing 8 of 12 pods", and " · 1 starting". */
export function podCountText(t: TFunction, read: number, total: number, waiting: number): string {
  const count =
    total > read
      ? t('logs.podsShown', { count: total, shown: read })
      : t('logs.pods', { count: read });
  return waiting > 0 ? `${count} · ${t('logs.podsWaiting', { count: waiting })}` : count;
}
