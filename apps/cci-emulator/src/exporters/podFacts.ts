import { parseQuantity } from '@cci/model';
import {
  containerStartMs,
  containerStatus,
  parseTime,
  podSeedKey,
  type ContainerShape,
  type PodShape,
} from './podShape.ts';
import { SeededStream } from './seededRandom.ts';

/** Used when a container declares no limits (CCI normally requires them; a Job may omit them). */
export const DEFAULT_CPU_CORES = 0.25;
export const DEFAULT_MEMORY_BYTES = 512 * 2 ** 20;

export interface GpuFacts {
  resource: string;
  model: string;
  memoryBytes: number;
  /** One per card, as NVML reports them (`acc_id`). */
  uuids: string[];
}

export interface ContainerFacts {
  name: string;
  /** The image reference as the runtime reports it (registry and tag filled in). */
  image: string;
  /** 64 hex digits, as containerd names containers. */
  containerId: string;
  cpuLimitCores: number;
  cpuRequestCores: number;
  memoryLimitBytes: number;
  memoryRequestBytes: number;
  gpu: GpuFacts | undefined;
  startedAtMs: number;
  restartCount: number;
}

export interface PodFacts {
  namespace: string;
  name: string;
  uid: string;
  startedAtMs: number;
  containers: ContainerFacts[];
}

const gpuModels: Record<string, { model: string; memoryMiB: number }> = {
  'nvidia.com/gpu-tesla-v100-16GB': { model: 'Tesla V100-SXM2-16GB', memoryMiB: 16160 },
  'nvidia.com/gpu-tesla-v100-32GB': { model: 'Tesla V100-SXM2-32GB', memoryMiB: 32510 },
  'nvidia.com/gpu-tesla-t4': { model: 'Tesla T4', memoryMiB: 15109 },
};

/** `nginx:alpine` → `docker.io/library/nginx:alpine`: what the runtime shows in `image`. */
export function fullImageReference(image: string): string {
  let ref = image.trim();
  const firstSlash = ref.indexOf('/');
  const first = firstSlash < 0 ? '' : ref.slice(0, firstSlash);
  if (firstSlash < 0) ref = `docker.io/library/${ref}`;
  else if (!first.includes('.') && !first.includes(':') && first !== 'localhost')
    ref = `docker.io/${ref}`;
  const lastSegment = ref.slice(ref.lastIndexOf('/') + 1);
  if (!lastSegment.includes(':') && !ref.includes('@')) ref = `${ref}:latest`;
  return ref;
}

function resource(c: ContainerShape, key: string): number | undefined {
  return parseQuantity(c.resources?.limits?.[key]) ?? parseQuantity(c.resources?.requests?.[key]);
}

function gpuFacts(c: ContainerShape, seed: string): GpuFacts | undefined {
  const all = { ...c.resources?.requests, ...c.resources?.limits };
  const key = Object.keys(all).find((k) => k.startsWith('nvidia.com/gpu'));
  if (!key) return undefined;
  const count = Math.max(0, Math.floor(parseQuantity(all[key]) ?? 0));
  if (count === 0) return undefined;
  const known = gpuModels[key];
  const stream = SeededStream.of(seed, c.name, 'gpu');
  const uuid = () => {
    const h = stream.hex(32);
    return `GPU-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  return {
    resource: key,
    model: known?.model ?? key.slice('nvidia.com/'.length),
    memoryBytes: (known?.memoryMiB ?? 16160) * 2 ** 20,
    uuids: Array.from({ length: count }, uuid),
  };
}

function containerFacts(pod: PodShape, c: ContainerShape, atMs: number): ContainerFacts {
  const seed = podSeedKey(pod);
  const status = containerStatus(pod, c.name);
  const restartCount = status?.restartCount ?? 0;
  const runtimeId = status?.containerID?.replace(/^[a-z]+:\/\//, '');
  const cpuLimit = resource(c, 'cpu') ?? DEFAULT_CPU_CORES;
  const memoryLimit = resource(c, 'memory') ?? DEFAULT_MEMORY_BYTES;
  return {
    name: c.name,
    image: status?.image ?? fullImageReference(c.image ?? 'pause'),
    containerId:
      runtimeId && /^[0-9a-f]{64}$/.test(runtimeId)
        ? runtimeId
        : SeededStream.of(seed, c.name, restartCount, 'id').hex(64),
    cpuLimitCores: cpuLimit,
    cpuRequestCores: parseQuantity(c.resources?.requests?.['cpu']) ?? cpuLimit,
    memoryLimitBytes: memoryLimit,
    memoryRequestBytes: parseQuantity(c.resources?.requests?.['memory']) ?? memoryLimit,
    gpu: gpuFacts(c, seed),
    startedAtMs: containerStartMs(pod, c.name, atMs),
    restartCount,
  };
}

export function podFacts(pod: PodShape, atMs: number): PodFacts {
  const containers = (pod.spec?.containers ?? []).map((c) => containerFacts(pod, c, atMs));
  return {
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    uid: pod.metadata.uid ?? podSeedKey(pod),
    startedAtMs:
      parseTime(pod.status?.startTime) ?? parseTime(pod.metadata.creationTimestamp) ?? atMs,
    containers,
  };
}
