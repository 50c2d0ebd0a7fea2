import { DEFAULT_CPU_CORES } from '../podFacts.ts';
import {
  containerStatus,
  parseTime,
  podSeedKey,
  type ContainerShape,
  type PodShape,
} from '../podShape.ts';
import { parseQuantity } from '@cci/model';
import { logScriptFor } from './logScripts.ts';
import { LogTimeline } from './logTimeline.ts';

export type ContainerLog =
  | {
      ok: true;
      timeline: LogTimeline;
      /** Changes when the container restarts. */ instance: string;
    }
  | { ok: false; message: string };

/** Waiting reasons that kubelet reports as "image can't be pulled". */
const PULL_FAILURES = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'RegistryUnavailable',
]);

function findContainer(pod: PodShape, name: string): ContainerShape | undefined {
  return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find(
    (c) => c.name === name,
  );
}

/**
 * The log of a container (current or previous instance), or the message kubelet gives when
 * there is none yet, with the checks in kubelet's order: previous first, then waiting.
 */
export function containerLog(pod: PodShape, name: string, previous: boolean): ContainerLog {
  const container = findContainer(pod, name);
  const podName = pod.metadata.name;
  if (!container)
    return { ok: false, message: `container ${name} is not valid for pod ${podName}` };
  const status = containerStatus(pod, name);
  const restartCount = status?.restartCount ?? 0;
  const cores = parseQuantity(container.resources?.limits?.['cpu']) ?? DEFAULT_CPU_CORES;
  const script = logScriptFor(container, cores);
  const seed = `${podSeedKey(pod)}/${name}`;

  if (previous) {
    const last = status?.lastState?.terminated;
    const finished = parseTime(last?.finishedAt);
    if (!last || finished === undefined) {
      return {
        ok: false,
        message: `previous terminated container "${name}" in pod "${podName}" not found`,
      };
    }
    const started = parseTime(last.startedAt) ?? finished;
    const instance = Math.max(0, restartCount - 1);
    return {
      ok: true,
      timeline: new LogTimeline(script, started, finished, `${seed}/${instance}`),
      instance: `previous/${instance}`,
    };
  }

  const state = status?.state;
  const runningSince = parseTime(state?.running?.startedAt);
  const terminated = state?.terminated;
  if (runningSince === undefined && !terminated) {
    const reason = state?.waiting?.reason || 'ContainerCreating';
    const shown = PULL_FAILURES.has(reason) ? "image can't be pulled" : reason;
    return {
      ok: false,
      message: `container "${name}" in pod "${podName}" is waiting to start: ${shown}`,
    };
  }
  const started =
    runningSince ?? parseTime(terminated?.startedAt) ?? parseTime(pod.status?.startTime) ?? 0;
  const finished = terminated ? (parseTime(terminated.finishedAt) ?? started) : undefined;
  return {
    ok: true,
    timeline: new LogTimeline(script, started, finished, `${seed}/${restartCount}`),
    instance: `${restartCount}/${started}`,
  };
}
