import { podFacts, type ContainerFacts, type PodFacts } from './podFacts.ts';
import type { PodShape } from './podShape.ts';
import { podSeedKey } from './podShape.ts';
import {
  containerUsage,
  CPU_PERIOD_US,
  networkUsage,
  type ContainerUsage,
  type NetworkUsage,
} from './usageModel.ts';

/** The numbers cAdvisor reports for any cgroup: a container's or the pod's own. */
export interface CgroupStats {
  labels: Record<string, string>;
  cpu: ContainerUsage['cpu'];
  memory: ContainerUsage['memory'];
  tasks: ContainerUsage['tasks'];
  blkio: { readBytes: number; writeBytes: number };
  spec: {
    cpuQuotaUs: number;
    cpuShares: number;
    memoryLimit: number;
    startTimeS: number;
  };
}

export interface ContainerView extends CgroupStats {
  facts: ContainerFacts;
  usage: ContainerUsage;
}

export interface PodView {
  atMs: number;
  facts: PodFacts;
  /** The pod-level cgroup (`container=""`): the sum of its containers plus the metrics agent. */
  pod: CgroupStats;
  containers: ContainerView[];
  network: NetworkUsage;
}

/** M4: the in-pod agent takes about 30 MB of the pod's memory; it shows in the pod cgroup only. */
export const AGENT_MEMORY_BYTES = 30 * 2 ** 20;
const AGENT_CPU_CORES = 0.002;

function cpuShares(cores: number): number {
  return Math.max(2, Math.floor((cores * 1000 * 1024) / 1000));
}

function containerView(
  pod: PodFacts,
  seedKey: string,
  c: ContainerFacts,
  atMs: number,
): ContainerView {
  const usage = containerUsage(c, seedKey, atMs);
  return {
    labels: {
      container: c.name,
      id: `/kubepods/pod${pod.uid}/${c.containerId}`,
      image: c.image,
      name: c.containerId,
      namespace: pod.namespace,
      pod: pod.name,
    },
    facts: c,
    usage,
    cpu: usage.cpu,
    memory: usage.memory,
    tasks: usage.tasks,
    blkio: { readBytes: usage.fs.readBytes, writeBytes: usage.fs.writeBytes },
    spec: {
      cpuQuotaUs: Math.round(c.cpuLimitCores * CPU_PERIOD_US),
      cpuShares: cpuShares(c.cpuRequestCores),
      memoryLimit: c.memoryLimitBytes,
      startTimeS: c.startedAtMs / 1000,
    },
  };
}

function sum<T>(items: T[], pick: (item: T) => number): number {
  return items.reduce((acc, item) => acc + pick(item), 0);
}

function podStats(pod: PodFacts, containers: ContainerView[], atMs: number): CgroupStats {
  const agentCpuS = (AGENT_CPU_CORES * Math.max(0, atMs - pod.startedAtMs)) / 1000;
  const cpuKeys = [
    'usageS',
    'userS',
    'systemS',
    'periods',
    'throttledPeriods',
    'throttledS',
  ] as const;
  const memKeys = ['usage', 'workingSet', 'rss', 'maxUsage'] as const;
  const cpu = Object.fromEntries(
    cpuKeys.map((k) => [k, sum(containers, (c) => c.cpu[k])]),
  ) as CgroupStats['cpu'];
  cpu.usageS += agentCpuS;
  cpu.userS += agentCpuS * 0.7;
  cpu.systemS += agentCpuS * 0.3;
  const memory = {
    ...(Object.fromEntries(
      memKeys.map((k) => [k, sum(containers, (c) => c.memory[k]) + AGENT_MEMORY_BYTES]),
    ) as Record<(typeof memKeys)[number], number>),
    cache: sum(containers, (c) => c.memory.cache),
    mappedFile: sum(containers, (c) => c.memory.mappedFile),
    pgfault: sum(containers, (c) => c.memory.pgfault),
    pgmajfault: sum(containers, (c) => c.memory.pgmajfault),
  };
  return {
    labels: {
      container: '',
      id: `/kubepods/pod${pod.uid}`,
      image: '',
      name: '',
      namespace: pod.namespace,
      pod: pod.name,
    },
    cpu,
    memory,
    tasks: {
      processes: sum(containers, (c) => c.tasks.processes) + 1,
      threads: sum(containers, (c) => c.tasks.threads) + 4,
      fds: sum(containers, (c) => c.tasks.fds) + 12,
      sockets: sum(containers, (c) => c.tasks.sockets) + 2,
    },
    blkio: {
      readBytes: sum(containers, (c) => c.blkio.readBytes),
      writeBytes: sum(containers, (c) => c.blkio.writeBytes),
    },
    spec: {
      cpuQuotaUs: sum(containers, (c) => c.spec.cpuQuotaUs),
      cpuShares: sum(containers, (c) => c.spec.cpuShares),
      memoryLimit: sum(containers, (c) => c.spec.memoryLimit),
      startTimeS: pod.startedAtMs / 1000,
    },
  };
}

export function podView(pod: PodShape, atMs: number): PodView {
  const facts = podFacts(pod, atMs);
  const seedKey = podSeedKey(pod);
  const containers = facts.containers.map((c) => containerView(facts, seedKey, c, atMs));
  return {
    atMs,
    facts,
    pod: podStats(facts, containers, atMs),
    containers,
    network: networkUsage(seedKey, facts.startedAtMs, atMs),
  };
}
