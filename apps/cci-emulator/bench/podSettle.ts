/**
 * How the emulator scales with pods, controllers on: N pods created through the API in
 * namespaces of 200 (each with its Network, as CCI needs), then emulator time moved on until
 * every pod has run its kubelet timeline. Settling should grow linearly with N; it grew
 * quadratically while the clock kept its timers in a sorted array (re-sorted on every new timer,
 * filtered on every cancel), so the same run also times that array against the heap on the
 * clock's own work (schedule, cancel a third, run the rest).
 */
import { findKindByResource } from '@cci/model';
import { createObject } from '../src/api/resourceApi.ts';
import { EmulatorClock } from '../src/clock.ts';
import { startEmulator } from '../src/emulator.ts';
import { SortedArrayClock } from './sortedArrayClock.ts';

const PODS_PER_NAMESPACE = 200;

function kind(group: string, resource: string) {
  const found =
    findKindByResource(group, 'v1', resource) ?? findKindByResource(group, 'v1beta1', resource);
  if (!found) throw new Error(`no kind ${group}/${resource}`);
  return found;
}

function network(name: string): object {
  return {
    apiVersion: 'networking.cci.io/v1beta1',
    kind: 'Network',
    metadata: {
      name,
      annotations: {
        'network.alpha.kubernetes.io/default-security-group':
          'a6b9c1d2-0000-4000-8000-000000000001',
        'network.alpha.kubernetes.io/domain-id': '0c5b0d6f00000000000000000000d0m1',
        'network.alpha.kubernetes.io/project-id': '0c5b0d6f0000000000000000000pr0j1',
      },
    },
    spec: {
      cidr: '192.168.0.0/24',
      attachedVPC: 'b8c1d2e3-0000-4000-8000-00000000000a',
      networkID: 'c9d2e3f4-0000-4000-8000-00000000000b',
      networkType: 'underlay_neutron',
      subnetID: 'd0e3f4a5-0000-4000-8000-00000000000c',
    },
  };
}

function pod(name: string): object {
  const resources = {
    limits: { cpu: '500m', memory: '1Gi' },
    requests: { cpu: '500m', memory: '1Gi' },
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'settle' } },
    spec: { containers: [{ name: 'c', image: 'nginx:alpine', resources }] },
  };
}

export interface SettleResult {
  pods: number;
  running: number;
  /** From the first create until every pod ran its timeline (controllers idle): wall time... */
  ms: number;
  /** ...and this process's CPU time, which other processes on a shared machine inflate less. */
  cpuMs: number;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export async function settlePods(pods: number): Promise<SettleResult> {
  const emulator = await startEmulator({ tls: false, clock: 'manual', eventLogCapacity: 1_000 });
  try {
    const ctx = emulator.context;
    const [namespaces, networks, podKind] = [kind('', 'namespaces'), kind('networking.cci.io', 'networks'), kind('', 'pods')]; // prettier-ignore
    const count = Math.ceil(pods / PODS_PER_NAMESPACE);
    for (let n = 0; n < count; n++) {
      const ns = `settle-${n}`;
      createObject(ctx, namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, annotations: { 'namespace.kubernetes.io/flavor': 'general-computing' } } }, false); // prettier-ignore
      createObject(ctx, networks, ns, network('net'), false);
    }
    await emulator.advance(10_000); // the Networks turn Active
    const started = performance.now();
    const startedCpu = cpuMs();
    for (let i = 0; i < pods; i++) {
      const ns = `settle-${Math.floor(i / PODS_PER_NAMESPACE)}`;
      createObject(ctx, podKind, ns, pod(`p-${i}`), false);
    }
    await emulator.settle();
    await emulator.advance(120_000);
    const ms = performance.now() - started;
    const spentCpu = cpuMs() - startedCpu;
    const running = emulator.store
      .list(podKind.storageKey)
      .filter((p) => (p['status'] as { phase?: string } | undefined)?.phase === 'Running').length;
    return { pods, running, ms, cpuMs: spentCpu };
  } finally {
    await emulator.close();
  }
}

/**
 * The clock's own work for `timers` timers: schedule them, cancel every third, run the rest.
 * Returns this process's CPU milliseconds.
 */
export function clockWork(
  clock: Pick<EmulatorClock, 'schedule' | 'advance'>,
  timers: number,
): number {
  let state = 1;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  let ran = 0;
  const started = cpuMs();
  const cancels: (() => void)[] = [];
  for (let i = 0; i < timers; i++) {
    cancels.push(clock.schedule(Math.floor(random() * 60_000), () => void ran++));
    if (i % 3 === 2) cancels[i - 1]?.();
  }
  clock.advance(60_000);
  const ms = cpuMs() - started;
  if (ran !== timers - Math.floor(timers / 3)) throw new Error(`ran ${ran} of ${timers} timers`);
  return ms;
}

/** The sorted array is quadratic: 30,000 timers take minutes there, so it stops at 10,000. */
export function compareClocks(): string[] {
  const start = new Date(0);
  const lines: string[] = [];
  for (const timers of [3_000, 10_000, 30_000]) {
    const heapMs = clockWork(new EmulatorClock('manual', start), timers);
    const arrayMs = timers <= 10_000 ? clockWork(new SortedArrayClock(start), timers) : NaN;
    lines.push(
      `clock, ${timers} timers scheduled, a third cancelled, the rest run (CPU): heap ${heapMs.toFixed(1)} ms` +
        (Number.isNaN(arrayMs)
          ? ''
          : `, old sorted array ${arrayMs.toFixed(0)} ms (array/heap ${(arrayMs / heapMs).toFixed(0)}x)`),
    );
  }
  return lines;
}

/** The report lines of `npm run bench -w @cci/emulator` (or `-- settle` for these alone). */
export async function settleReport(): Promise<string[]> {
  const lines = compareClocks();
  const small = await settlePods(3_000);
  const large = await settlePods(30_000);
  for (const r of [small, large])
    lines.push(
      `settle ${r.pods} pods (controllers on, ${r.running} Running): ${(r.ms / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU`,
    );
  lines.push(
    `settle 30k/3k: ${(large.cpuMs / small.cpuMs).toFixed(1)}x CPU, ${(large.ms / small.ms).toFixed(1)}x wall (linear: 10x)`,
  );
  return lines;
}
