import type { ContainerFacts } from './podFacts.ts';
import {
  randomWave,
  SeededStream,
  waveAt,
  waveIntegral,
  waveMaxSince,
  type Wave,
} from './seededRandom.ts';

/** What one container "consumed" up to a moment: the raw numbers behind the cAdvisor families. */
export interface ContainerUsage {
  cpu: {
    usageS: number;
    userS: number;
    systemS: number;
    periods: number;
    throttledPeriods: number;
    throttledS: number;
  };
  memory: {
    usage: number;
    workingSet: number;
    rss: number;
    cache: number;
    mappedFile: number;
    maxUsage: number;
    pgfault: number;
    pgmajfault: number;
  };
  fs: {
    usage: number;
    inodesFree: number;
    ioCurrent: number;
    ioTimeS: number;
    ioWeightedS: number;
    readBytes: number;
    reads: number;
    readsMerged: number;
    readS: number;
    writeBytes: number;
    writes: number;
    writesMerged: number;
    writeS: number;
  };
  tasks: { processes: number; threads: number; fds: number; sockets: number };
  gpus: { uuid: string; used: number; dutyCycle: number }[];
}

export interface NetworkUsage {
  rxBytes: number;
  rxPackets: number;
  rxDropped: number;
  txBytes: number;
  txPackets: number;
  txDropped: number;
}

export const CPU_PERIOD_US = 100_000;
export const FS_LIMIT_BYTES = 20 * 2 ** 30;
export const FS_INODES_TOTAL = 1_310_720;
export const OPEN_FILES_SOFT_LIMIT = 1_048_576;
const PAGE = 4096;

const pages = (bytes: number) => Math.floor(bytes / PAGE) * PAGE;

/** The image's program, as far as the process count goes (nginx forks a worker per core). */
function taskShape(
  facts: ContainerFacts,
  s: SeededStream,
): { processes: number; threadsPerProcess: number } {
  const base = facts.image.slice(facts.image.lastIndexOf('/') + 1).split(/[:@]/)[0] ?? '';
  if (base === 'nginx')
    return { processes: 1 + Math.max(1, Math.ceil(facts.cpuLimitCores)), threadsPerProcess: 1 };
  if (base === 'redis') return { processes: 1, threadsPerProcess: s.int(5, 6) };
  if (base === 'perl') return { processes: 1, threadsPerProcess: 1 };
  return { processes: s.int(1, 3), threadsPerProcess: s.int(1, 8) };
}

/**
 * Per container instance: the seed includes the restart count, so a restarted container starts
 * its counters from zero again, as a new cgroup would.
 */
export function containerUsage(
  facts: ContainerFacts,
  seedKey: string,
  atMs: number,
): ContainerUsage {
  const s = SeededStream.of(seedKey, facts.name, facts.restartCount, 'usage');
  const t = Math.max(0, (atMs - facts.startedAtMs) / 1000);

  // CPU: utilisation of the limit stays below 0.6, so the usage rate never exceeds the limit.
  const util0 = s.between(0.04, 0.3);
  const slow = randomWave(s, util0, [0.3, 0.7], [120, 900]);
  const fast: Wave = { ...randomWave(s, util0, [0.1, 0.25], [15, 60]), base: 0 };
  const usageS = facts.cpuLimitCores * (waveIntegral(slow, t) + waveIntegral(fast, t));
  const userShare = s.between(0.65, 0.85);
  const periods = Math.floor(t * 10 * s.between(0.3, 0.9));
  const throttledPeriods = Math.floor(periods * s.between(0, 0.03));

  // Memory: one wave of the limit, so the historical maximum has a closed form.
  const memWave = randomWave(s, s.between(0.08, 0.35), [0.05, 0.2], [300, 3600]);
  const limit = facts.memoryLimitBytes;
  const usage = limit * waveAt(memWave, t);
  const cacheShare = s.between(0.05, 0.2);
  const cache = usage * cacheShare;
  const inactive = cache * s.between(0.3, 0.7);

  // Filesystem: a read burst while the program loads, then a trickle; steady writes.
  const startupReads = s.between(1, 30) * 2 ** 20;
  const readRate = s.between(0, 2048);
  const writeWave = randomWave(s, s.between(200, 20_000), [0.2, 0.8], [60, 600]);
  const readBytes = Math.floor(startupReads * Math.min(1, t / 10) + readRate * t);
  const writeBytes = Math.floor(waveIntegral(writeWave, t));
  const reads = Math.floor(readBytes / s.between(16_384, 65_536));
  const writes = Math.floor(writeBytes / s.between(4096, 16_384));
  const readS = reads * 0.0004;
  const writeS = writes * 0.0007;
  const imageBytes = s.between(5, 200) * 2 ** 20;
  const baseInodes = s.int(2_000, 20_000);

  const shape = taskShape(facts, s);
  const threadWave = randomWave(s, 1, [0.5, 1], [30, 300]);
  const fdWave = randomWave(s, s.between(10, 200), [0.1, 0.3], [30, 600]);
  const fds = Math.round(waveAt(fdWave, t));

  const gpuUse = randomWave(s, s.between(0.2, 0.6), [0.2, 0.6], [60, 600]);
  const dutyWave = randomWave(s, s.between(20, 60), [0.2, 0.6], [20, 200]);

  return {
    cpu: {
      usageS,
      userS: usageS * userShare,
      systemS: usageS * (1 - userShare) * 0.95,
      periods,
      throttledPeriods,
      throttledS: throttledPeriods * 0.1 * 0.3,
    },
    memory: {
      usage: pages(usage),
      workingSet: pages(usage - inactive),
      rss: pages(usage - cache),
      cache: pages(cache),
      mappedFile: pages(cache * 0.25),
      maxUsage: pages(limit * waveMaxSince(memWave, t)),
      pgfault: Math.floor(usageS * 2000 + t * 3),
      pgmajfault: Math.floor(usageS * 2),
    },
    fs: {
      usage: Math.min(FS_LIMIT_BYTES * 0.9, Math.floor(imageBytes + writeBytes * 0.05)),
      inodesFree: FS_INODES_TOTAL - baseInodes - Math.floor(writes / 1000),
      ioCurrent: Math.sin(t / 7) > 0.95 ? 1 : 0,
      ioTimeS: (readS + writeS) * 0.9,
      ioWeightedS: (readS + writeS) * 1.3,
      readBytes,
      reads,
      readsMerged: Math.floor(reads * 0.1),
      readS,
      writeBytes,
      writes,
      writesMerged: Math.floor(writes * 0.2),
      writeS,
    },
    tasks: {
      processes: shape.processes,
      threads: shape.processes * shape.threadsPerProcess + Math.round(waveAt(threadWave, t)),
      fds,
      sockets: Math.max(1, Math.round(fds / 4)),
    },
    gpus: (facts.gpu?.uuids ?? []).map((uuid, i) => ({
      uuid,
      used: pages((facts.gpu?.memoryBytes ?? 0) * waveAt(gpuUse, t + i * 17)),
      dutyCycle: Math.round(waveAt(dutyWave, t + i * 11)),
    })),
  };
}

/** The pod's network namespace is shared by its containers, so traffic is counted per pod. */
export function networkUsage(seedKey: string, podStartMs: number, atMs: number): NetworkUsage {
  const s = SeededStream.of(seedKey, 'network');
  const t = Math.max(0, (atMs - podStartMs) / 1000);
  const rx = randomWave(s, s.between(500, 50_000), [0.2, 0.9], [60, 1200]);
  const tx = randomWave(s, rx.base * s.between(0.3, 1.5), [0.2, 0.9], [60, 1200]);
  const rxBytes = Math.floor(waveIntegral(rx, t));
  const txBytes = Math.floor(waveIntegral(tx, t));
  const rxPackets = Math.floor(rxBytes / s.between(300, 1200));
  const txPackets = Math.floor(txBytes / s.between(300, 1200));
  const dropEvery = s.between(1e5, 1e6);
  return {
    rxBytes,
    rxPackets,
    rxDropped: Math.floor(rxPackets / dropEvery),
    txBytes,
    txPackets,
    txDropped: Math.floor(txPackets / (dropEvery * 2)),
  };
}
