/** The parts of a stored Pod the emulated containers read (standard Kubernetes fields). */

export interface ContainerStateShape {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { startedAt?: string; finishedAt?: string; exitCode?: number; reason?: string };
}

export interface ContainerStatusShape {
  name: string;
  image?: string;
  containerID?: string;
  restartCount?: number;
  state?: ContainerStateShape;
  lastState?: ContainerStateShape;
}

export interface ContainerShape {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: { containerPort?: number; name?: string }[];
  resources?: { limits?: Record<string, unknown>; requests?: Record<string, unknown> };
}

export interface PodShape {
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    creationTimestamp?: string;
    annotations?: Record<string, string>;
  };
  spec?: { containers?: ContainerShape[]; initContainers?: ContainerShape[] };
  status?: {
    phase?: string;
    podIP?: string;
    startTime?: string;
    containerStatuses?: ContainerStatusShape[];
    initContainerStatuses?: ContainerStatusShape[];
  };
}

export function parseTime(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function containerStatus(pod: PodShape, name: string): ContainerStatusShape | undefined {
  return [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
  ].find((s) => s.name === name);
}

/** The pod's identity for seeding: the uid, or its name when a test object has none. */
export function podSeedKey(pod: PodShape): string {
  return pod.metadata.uid ?? `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
}

/** When the current instance of a container started: status first, then the pod's own times. */
export function containerStartMs(pod: PodShape, name: string, fallbackMs: number): number {
  const state = containerStatus(pod, name)?.state;
  return (
    parseTime(state?.running?.startedAt) ??
    parseTime(state?.terminated?.startedAt) ??
    parseTime(pod.status?.startTime) ??
    parseTime(pod.metadata.creationTimestamp) ??
    fallbackMs
  );
}
