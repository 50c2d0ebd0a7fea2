import { describe, expect, it } from 'vitest';
import type { MetricFamily } from '@cci/prom-text';
import { parseExposition } from './exposition.testkit.ts';
import { renderPodMetrics } from './renderPodMetrics.ts';
import { gpuPod, runningPod, T0 } from './pods.testkit.ts';

/** Table 10-1 of the seed (chapter 10), as printed: 57 names. */
const SEED_TABLE = `container_cpu_system_seconds_total container_cpu_usage_seconds_total
container_cpu_user_seconds_total container_cpu_cfs_periods_total container_cpu_cfs_throttled_periods_total
container_cpu_cfs_throttled_seconds_total container_fs_inodes_free container_fs_usage_bytes
container_fs_inodes_total container_fs_io_current container_fs_io_time_seconds_total
container_fs_io_time_weighted_seconds_total container_fs_limit_bytes container_fs_reads_bytes_total
container_fs_read_seconds_total container_fs_reads_merged_total container_fs_reads_total
container_fs_sector_reads_total container_fs_sector_writes_total container_fs_writes_bytes_total
container_fs_write_seconds_total container_fs_writes_merged_total container_fs_writes_total
container_blkio_device_usage_total container_memory_failures_total container_memory_failcnt
container_memory_cache container_memory_mapped_file container_memory_max_usage_bytes container_memory_rss
container_memory_swap container_memory_usage_bytes container_memory_working_set_bytes
container_network_receive_bytes_total container_network_receive_errors_total
container_network_receive_packets_dropped_total container_network_receive_packets_total
container_network_transmit_bytes_total container_network_transmit_errors_total
container_network_transmit_packets_dropped_total container_network_transmit_packets_total
container_processes container_sockets container_file_descriptors container_threads container_threads_max
container_ulimits_soft container_spec_cpu_period container_spec_cpu_shares container_spec_memory_limit_bytes
container_spec_memory_reservation_limit_bytes container_spec_memory_swap_limit_bytes
container_start_time_seconds container_last_seen container_accelerator_memory_used_bytes
container_accelerator_memory_total_bytes container_accelerator_duty_cycle`.split(/\s+/);

const GPU_FAMILIES = [
  'container_accelerator_duty_cycle',
  'container_accelerator_memory_total_bytes',
  'container_accelerator_memory_used_bytes',
];

const seriesKey = (labels: Record<string, string>) => JSON.stringify(Object.entries(labels).sort());

function value(f: MetricFamily | undefined, match: Record<string, string>): number {
  const s = f?.samples.find((x) => Object.entries(match).every(([k, v]) => x.labels[k] === v));
  if (!s) throw new Error(`no ${f?.name ?? 'family'} sample with ${JSON.stringify(match)}`);
  return s.value;
}

describe('renderPodMetrics (M3: the cAdvisor metric set in text format 0.0.4)', () => {
  const at = T0 + 3_600_000;

  it('M3: a GPU pod exposes all 59 families: the seed table plus load average and cpu quota', () => {
    const families = parseExposition(renderPodMetrics(gpuPod(), at));
    expect(SEED_TABLE).toHaveLength(57);
    const names = [...families.keys()];
    expect(names).toHaveLength(59);
    expect(names).toEqual(expect.arrayContaining(SEED_TABLE));
    expect(names.filter((n) => !SEED_TABLE.includes(n)).sort()).toEqual([
      'container_cpu_load_average_10s',
      'container_spec_cpu_quota',
    ]);
  });

  it('M3: every family has HELP and a counter/gauge TYPE before its samples, with samples', () => {
    const families = parseExposition(renderPodMetrics(gpuPod(), at));
    for (const f of families.values()) {
      expect(f.help, f.name).toMatch(/\S/);
      expect(['counter', 'gauge'], f.name).toContain(f.type);
      expect(f.samples.length, f.name).toBeGreaterThan(0);
      if (f.type === 'counter' && f.name !== 'container_memory_failcnt')
        expect(f.name).toMatch(/_total$/);
    }
  });

  it('M3: uses cAdvisor label sets: container/pod/namespace/id/image/name, interface, device, accelerator', () => {
    const families = parseExposition(renderPodMetrics(gpuPod(), at));
    const base = ['container', 'id', 'image', 'name', 'namespace', 'pod'];
    const labelsOf = (n: string) => Object.keys(families.get(n)?.samples[0]?.labels ?? {}).sort();
    expect(labelsOf('container_memory_working_set_bytes')).toEqual(base);
    expect(labelsOf('container_cpu_usage_seconds_total')).toEqual([...base, 'cpu'].sort());
    expect(labelsOf('container_network_receive_bytes_total')).toEqual(
      [...base, 'interface'].sort(),
    );
    expect(labelsOf('container_fs_reads_bytes_total')).toEqual([...base, 'device'].sort());
    expect(labelsOf('container_accelerator_duty_cycle')).toEqual(
      [...base, 'acc_id', 'make', 'model'].sort(),
    );
    const ws = families.get('container_memory_working_set_bytes')?.samples ?? [];
    // One series for the pod's cgroup (container="") and one per container.
    expect(ws.map((s) => s.labels['container'])).toEqual(['', 'container-0']);
    expect(ws[1]?.labels).toMatchObject({
      pod: 'gpu-test',
      namespace: 'namespace-test',
      image: 'docker.io/library/tensorflow:latest',
    });
    expect(ws[1]?.labels['id']).toBe(
      `/kubepods/pod7a8b9c0d-2222-4333-8444-a55566667777/${ws[1]?.labels['name']}`,
    );
    expect(value(families.get('container_accelerator_memory_total_bytes'), {})).toBe(
      16160 * 2 ** 20,
    );
  });

  it('M3: GPU families are absent for a pod without nvidia.com/gpu-* resources', () => {
    const families = parseExposition(renderPodMetrics(runningPod({}), at));
    for (const name of GPU_FAMILIES) expect(families.has(name), name).toBe(false);
    expect(families.size).toBe(56);
  });

  it('escapes label values (backslash, quote, newline) so they parse back unchanged', () => {
    const tricky = 'we"ird\\name\nx';
    const pod = runningPod({ containers: [{ name: tricky, image: 'busybox' }] });
    const text = renderPodMetrics(pod, at);
    expect(text).toContain('container="we\\"ird\\\\name\\nx"');
    const f = parseExposition(text).get('container_threads');
    expect(f?.samples.map((s) => s.labels['container'])).toContain(tricky);
  });

  it('M3: counters only grow between two scrapes, and the same time renders the same text', () => {
    const pod = gpuPod();
    expect(renderPodMetrics(pod, at)).toBe(renderPodMetrics(pod, at));
    const times = [T0 + 5_000, T0 + 65_000, T0 + 3_600_000, T0 + 86_400_000];
    const scrapes = times.map((t) => parseExposition(renderPodMetrics(pod, t)));
    let checked = 0;
    for (const [name, family] of scrapes[0] ?? new Map<string, MetricFamily>()) {
      if (family.type !== 'counter') continue;
      for (const sample of family.samples) {
        const series = scrapes.map((s) =>
          value(s.get(name), Object.fromEntries(Object.entries(sample.labels))),
        );
        for (let i = 1; i < series.length; i++)
          expect(series[i], `${name} ${seriesKey(sample.labels)}`).toBeGreaterThanOrEqual(
            series[i - 1] as number,
          );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    const rx = (i: number) => value(scrapes[i]?.get('container_network_receive_bytes_total'), {});
    expect(rx(3)).toBeGreaterThan(rx(0));
  });

  it('M3: CPU time grows no faster than the cpu limit (0.5 core), over short and long windows', () => {
    const pod = runningPod({});
    const cpu = (t: number) =>
      value(parseExposition(renderPodMetrics(pod, t)).get('container_cpu_usage_seconds_total'), {
        container: 'container-0',
      });
    let previous = cpu(T0);
    expect(previous).toBe(0);
    let t = T0;
    for (const step of [1_000, 5_000, 15_000, 60_000, 600_000, 3_600_000, 86_400_000]) {
      for (let i = 0; i < 12; i++) {
        const now = cpu(t + step);
        expect(now - previous).toBeGreaterThan(0);
        expect((now - previous) / (step / 1000)).toBeLessThanOrEqual(0.5);
        previous = now;
        t += step;
      }
    }
  });

  it('M3: spec families reflect the limits; memory gauges stay within the limit', () => {
    const pod = runningPod({});
    for (const t of [T0 + 1_000, T0 + 600_000, T0 + 36_000_000]) {
      const f = parseExposition(renderPodMetrics(pod, t));
      const c0 = { container: 'container-0' };
      const limit = 1024 * 2 ** 20;
      expect(value(f.get('container_spec_cpu_quota'), c0)).toBe(50_000);
      expect(value(f.get('container_spec_cpu_period'), c0)).toBe(100_000);
      expect(value(f.get('container_spec_cpu_shares'), c0)).toBe(512);
      expect(value(f.get('container_spec_memory_limit_bytes'), c0)).toBe(limit);
      const ws = value(f.get('container_memory_working_set_bytes'), c0);
      const usage = value(f.get('container_memory_usage_bytes'), c0);
      const max = value(f.get('container_memory_max_usage_bytes'), c0);
      expect(ws).toBeGreaterThan(0);
      expect(ws).toBeLessThanOrEqual(usage);
      expect(usage).toBeLessThanOrEqual(max);
      expect(max).toBeLessThanOrEqual(limit);
      expect(value(f.get('container_memory_rss'), c0)).toBeLessThanOrEqual(usage);
      expect(value(f.get('container_start_time_seconds'), c0)).toBe(T0 / 1000);
      expect(value(f.get('container_last_seen'), c0)).toBe(t / 1000);
    }
  });

  it('M4: the pod cgroup carries the ~30 MB of the in-pod agent on top of its containers', () => {
    const f = parseExposition(renderPodMetrics(runningPod({}), at));
    const podWs = value(f.get('container_memory_working_set_bytes'), { container: '' });
    const ctrWs = value(f.get('container_memory_working_set_bytes'), { container: 'container-0' });
    expect(podWs - ctrWs).toBe(30 * 2 ** 20);
  });

  it('a restarted container starts its counters again (new cgroup), as cAdvisor shows', () => {
    const pod = runningPod({});
    const restarted = structuredClone(pod);
    const status = restarted.status?.containerStatuses?.[0];
    if (!status) throw new Error('fixture has a container status');
    status.restartCount = 1;
    status.state = { running: { startedAt: new Date(at - 10_000).toISOString() } };
    const cpu = (p: typeof pod) =>
      value(parseExposition(renderPodMetrics(p, at)).get('container_cpu_usage_seconds_total'), {
        container: 'container-0',
      });
    expect(cpu(restarted)).toBeLessThan(cpu(pod));
    expect(cpu(restarted)).toBeLessThanOrEqual(0.5 * 10);
  });
});
