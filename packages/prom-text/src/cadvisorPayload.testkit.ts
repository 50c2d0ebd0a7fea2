/**
 * Generated cAdvisor scrapes, for tests and the benchmark: what a pod's metrics agent and a
 * node-level cAdvisor serve (container_* families, the label set container/id/image/name/
 * namespace/pod repeated on every sample, timestamps in ms, a pod-level row with container="").
 * Generated here rather than rendered by the emulator's exporter, so this package depends on no
 * app (the emulator's own test reads its exporter through this parser). Deterministic.
 * Not part of the package API.
 */
import { escapeHelp, escapeLabelValue } from './escapes.ts';
import { counterValue, goFloat, seeded, type Labels } from './exposition.testkit.ts';

export const PAYLOAD_T0 = Date.parse('2024-05-01T10:00:00Z');

const IMAGES = [
  'nginx:alpine',
  'redis:7',
  'busybox',
  'perl:5.38',
  'registry.example.test/team/api:1.4.2',
];

export interface PayloadPod {
  name: string;
  namespace: string;
  uid: string;
  containers: { name: string; image: string; gpu: boolean }[];
}

/** A running pod with `containers` containers; `gpu` gives the first an accelerator. */
export function payloadPod(index: number, containers: number, gpu = false): PayloadPod {
  const hex = index.toString(16).padStart(12, '0');
  return {
    name: `web-${index}`,
    namespace: 'bench',
    uid: `0b3f4c5d-1111-4222-8333-${hex}`,
    containers: Array.from({ length: containers }, (_, c) => ({
      name: `app-${c}`,
      image: IMAGES[(index + c) % IMAGES.length] ?? 'busybox',
      gpu: gpu && c === 0,
    })),
  };
}

type Extra = readonly Labels[];
const NONE: Extra = [{}];
const CPUS: Extra = [0, 1, 2, 3].map((cpu) => ({ cpu: `cpu0${cpu}` }));
const NICS: Extra = [{ interface: 'eth0' }, { interface: 'tunl0' }];
const DEVICES: Extra = [{ device: '/dev/vda' }, { device: '/dev/vdb' }];
const MODES: Extra = [{ failure_type: 'pgfault', scope: 'container' }, { failure_type: 'pgmajfault', scope: 'container' }, { failure_type: 'pgfault', scope: 'hierarchy' }, { failure_type: 'pgmajfault', scope: 'hierarchy' }]; // prettier-ignore

/** name, type, HELP, per-sample extra labels, value scale. */
const FAMILIES: [string, 'counter' | 'gauge', string, Extra, number][] = [
  ['container_cpu_usage_seconds_total', 'counter', 'Cumulative cpu time consumed in seconds.', CPUS, 4000],
  ['container_cpu_user_seconds_total', 'counter', 'Cumulative user cpu time consumed in seconds.', NONE, 3000],
  ['container_cpu_system_seconds_total', 'counter', 'Cumulative system cpu time consumed in seconds.', NONE, 900],
  ['container_cpu_cfs_periods_total', 'counter', 'Number of elapsed enforcement period intervals.', NONE, 90000],
  ['container_cpu_cfs_throttled_periods_total', 'counter', 'Number of throttled period intervals.', NONE, 400],
  ['container_cpu_cfs_throttled_seconds_total', 'counter', 'Total time duration the container has been throttled.', NONE, 30],
  ['container_memory_usage_bytes', 'gauge', 'Current memory usage in bytes, including all memory regardless of when it was accessed', NONE, 5e8],
  ['container_memory_working_set_bytes', 'gauge', 'Current working set in bytes.', NONE, 4e8],
  ['container_memory_rss', 'gauge', 'Size of RSS in bytes.', NONE, 3e8],
  ['container_memory_cache', 'gauge', 'Number of bytes of page cache memory.', NONE, 1e8],
  ['container_memory_swap', 'gauge', 'Container swap usage in bytes.', NONE, 0],
  ['container_memory_mapped_file', 'gauge', 'Size of memory mapped files in bytes.', NONE, 2e7],
  ['container_memory_max_usage_bytes', 'gauge', 'Maximum memory usage recorded in bytes', NONE, 6e8],
  ['container_memory_failcnt', 'counter', 'Number of memory usage hits limits', NONE, 3],
  ['container_memory_failures_total', 'counter', 'Cumulative count of memory allocation failures.', MODES, 20000],
  ['container_network_receive_bytes_total', 'counter', 'Cumulative count of bytes received', NICS, 1e9],
  ['container_network_receive_packets_total', 'counter', 'Cumulative count of packets received', NICS, 1e6],
  ['container_network_receive_errors_total', 'counter', 'Cumulative count of errors encountered while receiving', NICS, 2],
  ['container_network_transmit_bytes_total', 'counter', 'Cumulative count of bytes transmitted', NICS, 8e8],
  ['container_network_transmit_packets_total', 'counter', 'Cumulative count of packets transmitted', NICS, 9e5],
  ['container_fs_reads_bytes_total', 'counter', 'Cumulative count of bytes read', DEVICES, 3e8],
  ['container_fs_writes_bytes_total', 'counter', 'Cumulative count of bytes written', DEVICES, 2e8],
  ['container_fs_reads_total', 'counter', 'Cumulative count of reads completed', DEVICES, 4e4],
  ['container_fs_writes_total', 'counter', 'Cumulative count of writes completed', DEVICES, 3e4],
  ['container_fs_usage_bytes', 'gauge', 'Number of bytes that are consumed by the container on this filesystem.', DEVICES, 5e7],
  ['container_fs_limit_bytes', 'gauge', 'Number of bytes that can be consumed by the container on this filesystem.', DEVICES, 2e10],
  ['container_processes', 'gauge', 'Number of processes running inside the container.', NONE, 12],
  ['container_threads', 'gauge', 'Number of threads running inside the container', NONE, 40],
  ['container_file_descriptors', 'gauge', 'Number of open file descriptors for the container.', NONE, 80],
  ['container_sockets', 'gauge', 'Number of open sockets for the container.', NONE, 20],
  ['container_last_seen', 'gauge', 'Last time a container was seen by the exporter', NONE, 0],
  ['container_start_time_seconds', 'gauge', 'Start time of the container since unix epoch in seconds.', NONE, 0],
  ['container_spec_cpu_quota', 'gauge', 'CPU quota of the container.', NONE, 100000],
  ['container_spec_cpu_shares', 'gauge', 'CPU share of the container.', NONE, 1024],
  ['container_spec_memory_limit_bytes', 'gauge', 'Memory limit for the container.', NONE, 1e9],
  ['container_accelerator_memory_used_bytes', 'gauge', 'Total accelerator memory allocated.', NONE, 8e9],
  ['container_accelerator_duty_cycle', 'gauge', 'Percent of time over the past sample period during which the accelerator was actively processing.', NONE, 100],
]; // prettier-ignore

function labelText(labels: Labels): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}="${escapeLabelValue(value)}"`)
    .join(',');
}

/** One family block for these pods: HELP and TYPE once, then every pod's rows. */
function renderFamilyOf(pods: PayloadPod[], family: (typeof FAMILIES)[number], atMs: number) {
  const [name, type, help, extra, scale] = family;
  const accelerator = name.startsWith('container_accelerator_');
  const random = seeded(name.length * 7919 + pods.length);
  let out = `# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`;
  for (const pod of pods) {
    const cgroup = `/kubepods/burstable/pod${pod.uid}`;
    const base = { namespace: pod.namespace, pod: pod.name };
    const rows: Labels[] = accelerator
      ? []
      : [{ container: '', id: cgroup, image: '', name: '', ...base }];
    for (const c of pod.containers) {
      if (accelerator && !c.gpu) continue;
      const id = `${cgroup}/${pod.uid.slice(-12)}${c.name.length}`;
      rows.push({ container: c.name, id, image: c.image, name: `k8s_${c.name}_${pod.name}`, ...base }); // prettier-ignore
    }
    for (const row of rows)
      for (const more of extra) {
        const value = scale === 0 ? atMs / 1000 : counterValue(random, scale);
        const labels = accelerator ? { ...row, acc_id: 'GPU-0', make: 'nvidia', model: 'Tesla V100' } : row; // prettier-ignore
        out += `${name}{${labelText({ ...more, ...labels })}} ${goFloat(value)} ${atMs}\n`;
      }
  }
  return out;
}

/** One pod's scrape, as its metrics agent serves it. */
export function renderPod(pod: PayloadPod, atMs = PAYLOAD_T0 + 3_600_000): string {
  return renderNode([pod], atMs);
}

/** What a node-level cAdvisor serves for many pods: each family once, every pod's samples. */
export function renderNode(pods: PayloadPod[], atMs = PAYLOAD_T0 + 3_600_000): string {
  const gpu = pods.some((p) => p.containers.some((c) => c.gpu));
  return FAMILIES.filter(([name]) => gpu || !name.startsWith('container_accelerator_'))
    .map((family) => renderFamilyOf(pods, family, atMs))
    .join('');
}

/** 30 pods of 1–4 containers (one with a GPU): 80 containers. */
export function nodePayloadPods(): PayloadPod[] {
  return Array.from({ length: 30 }, (_, i) => payloadPod(i, 1 + (i % 4), i === 7));
}
